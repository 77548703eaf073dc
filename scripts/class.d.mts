/** Types of scripts/class.mjs, for the browser test that runs it. */
export interface ClassServer {
  /** The addresses to hand out, the first the one the QR code shows. */
  urls: string[];
  close(): Promise<void>;
}
export function classAddresses(
  interfaces?: NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>,
): { name: string; address: string }[];
export function classNotice(urls: string[]): Promise<string>;
export function serveClass(options?: { host?: string; port?: number }): Promise<ClassServer>;
