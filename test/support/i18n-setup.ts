/**
 * Unit tests read strings of both languages through app/i18n at once; the page loads a language's
 * first-screen strings when it needs them (startup.ts), so the tests load both before they run.
 */
import { ensureLanguage } from '../../app/i18n/i18n.svelte.ts';

await Promise.all([ensureLanguage('en'), ensureLanguage('zh')]);
