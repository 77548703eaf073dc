/**
 * Unit tests read strings of both languages through app/i18n at once; the page loads a language's
 * first-screen strings when it needs them (startup.ts) and the rest in bundles when first needed
 * (bundles.ts: the narration's with the first line of a story), so the tests load them all first.
 */
import { BUNDLES, type BundleName } from '../../app/i18n/bundles.ts';
import { ensureBundle, ensureLanguage } from '../../app/i18n/i18n.svelte.ts';

await Promise.all([
  ensureLanguage('en'),
  ensureLanguage('zh'),
  ...Object.keys(BUNDLES).map((name) => ensureBundle(name as BundleName)),
]);
