import { expect, test } from 'vitest';
import { formatHex } from '../lib/hex.ts';
import { BIG_TEXT, PREVIEW_LINES, previewOf } from './big-paste.ts';

test('a long dump shows its first lines and counts them all', () => {
  const text = formatHex(new Uint8Array(200 * 1024));
  expect(text.length).toBeGreaterThan(BIG_TEXT);
  const { preview, shown, lines } = previewOf(text);
  expect(shown).toBe(PREVIEW_LINES);
  expect(lines).toBe(200 * 64);
  expect(preview.split('\n')).toHaveLength(PREVIEW_LINES + 1);
  expect(text.startsWith(preview.slice(0, -2))).toBe(true);
  expect(preview.endsWith('\n…')).toBe(true);
});

test('one long line shows its start', () => {
  const text = '00'.repeat(BIG_TEXT);
  const { preview, shown, lines } = previewOf(text);
  expect(lines).toBe(1);
  expect(shown).toBe(1);
  expect(preview.length).toBeLessThan(BIG_TEXT / 8);
});
