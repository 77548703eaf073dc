/** The lesson folders, read from disk (the browser tests walk each one). */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LESSONS = readdirSync(fileURLToPath(new URL('../../lessons/', import.meta.url)), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();
