/** Saving and opening files in the browser: a download of text or bytes, and the text of a chosen file. */
import { LIMITS } from './permalink.ts';

export function download(name: string, content: BlobPart, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The text of a file, or null when it is too large to be a run (checked before reading it). */
export async function readText(file: File): Promise<string | null> {
  if (file.size > LIMITS.fileBytes) return null;
  return file.text();
}
