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

/**
 * How long a browser test waits for the page to reach a state (an element shown, a click landing)
 * before it fails. A wait returns as soon as the state is reached, so a generous limit costs nothing
 * when all is well, and a busy two-core machine (three or four times slower) does not fail a test
 * that only had to wait. vitest.e2e.config.ts gives expect.poll the same limit.
 */
export const WAIT_MS = 20_000;

export interface Lab {
  browser: Browser;
  url: string;
  /** A new page with a fresh context, its errors collected in `errors`. */
  page(options?: { width?: number; height?: number; locale?: string }): Promise<Page & { errors: string[] }>;
  close(): Promise<void>;
}

/** `outDir`: another build than dist/ (to compare two builds, test/e2e/timing.ts). */
export async function startLab(outDir?: string): Promise<Lab> {
  const server: PreviewServer = await preview({
    ...(outDir ? { build: { outDir } } : {}),
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
      page.setDefaultTimeout(WAIT_MS);
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
