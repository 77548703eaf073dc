/**
 * The browser-test harness: serves dist/ with `vite preview` on a free 127.0.0.1 port and drives
 * Debian's Chromium (/usr/bin/chromium) with playwright-core. Every page collects console errors
 * and page errors so tests can assert there were none.
 */
import { type Browser, type Page, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Lab {
  browser: Browser;
  url: string;
  /** A new page with a fresh context, its errors collected in `errors`. */
  page(options?: { width?: number; height?: number; locale?: string }): Promise<Page & { errors: string[] }>;
  close(): Promise<void>;
}

export async function startLab(): Promise<Lab> {
  const server: PreviewServer = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  return {
    browser,
    url,
    async page({ width = 1280, height = 720, locale = 'en-US' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale });
      const page = (await context.newPage()) as Page & { errors: string[] };
      page.errors = [];
      page.on('console', (message) => {
        if (message.type() === 'error') page.errors.push(message.text());
      });
      page.on('pageerror', (error) => page.errors.push(String(error)));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
