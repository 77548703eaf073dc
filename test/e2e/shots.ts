/**
 * What every screenshot script shares: one server and browser for all its pictures, a page opened
 * as its reader would have it (window size, language, stored settings such as presenter mode),
 * pictures saved under test-results/screenshots/ unless a path is given, and console errors on any
 * page making the script fail. Scripts say only which pictures and what to do before each.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type Lab, startLab } from './browser.ts';

export const SHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export type ShotPage = Page & { errors: string[] };

export interface Reader {
  width: number;
  height: number;
  lang: 'zh' | 'en';
  /** Stored settings (`mqtt-lab.<name>` in localStorage), e.g. { presenter: true }. */
  settings?: Record<string, boolean>;
}

/** A page of the built lab at `hash` (with or without its leading #), as `reader` has it. */
export async function openAs(lab: Lab, reader: Reader, hash: string): Promise<ShotPage> {
  const page = await lab.page({
    width: reader.width,
    height: reader.height,
    locale: reader.lang === 'zh' ? 'zh-CN' : 'en-US',
  });
  const stored: [string, string][] = [
    ['mqtt-lab.language', reader.lang],
    ...Object.entries(reader.settings ?? {}).map(([name, on]): [string, string] => [
      `mqtt-lab.${name}`,
      on ? '1' : '0',
    ]),
  ];
  await page.addInitScript((entries) => {
    for (const [key, value] of entries) localStorage.setItem(key, value);
  }, stored);
  await page.goto(`${lab.url}${hash.startsWith('#') ? hash : `#${hash}`}`);
  return page;
}

/** Save a picture of `page` (or of `target` in it), under SHOT_DIR as `name`.png unless `path` says where. */
export async function save(
  page: Page,
  name: string,
  options: { path?: string; fullPage?: boolean; target?: string } = {},
): Promise<void> {
  const path = options.path ?? `${SHOT_DIR}${name}.png`;
  if (options.target) await page.locator(options.target).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage ?? false });
  console.log(`saved ${path}`);
}

/**
 * Take every picture with one server and browser: `shoot` opens its page (openAs), gets it ready,
 * saves it (save) and returns it; the page's console errors are collected and make the script fail.
 */
export async function takeShots<S extends { name: string }>(
  shots: readonly S[],
  shoot: (lab: Lab, shot: S) => Promise<ShotPage>,
): Promise<void> {
  await mkdir(SHOT_DIR, { recursive: true });
  const lab = await startLab();
  const problems: string[] = [];
  try {
    for (const shot of shots) {
      const page = await shoot(lab, shot);
      if (page.errors.length) problems.push(`${shot.name}: ${page.errors.join('; ')}`);
      await page.context().close();
    }
  } finally {
    await lab.close();
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}
