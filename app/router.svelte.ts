/**
 * The page's address: `#/<page>/<path…>?<query>`, e.g. `#/lab?s=…`, `#/explain?x=30…&v=5`,
 * `#/lessons/09-qos1/lost-puback`, `#/spec/5.0/MQTT-3.1.2-29`. Everything a link must reproduce lives in the hash, so the
 * built app works from any static host or folder. Older explainer links (`#x=…`) still open the
 * explainer. Every address the app writes also says its language (`lang=zh` last in the query):
 * a link sent to a class opens in the language it was made in.
 */
import { type Language, LANGUAGES, language, setLanguage } from './i18n/i18n.svelte.ts';

export type Page = 'lab' | 'explain' | 'lessons' | 'spec' | 'compare';
/** The pages the header links to; a comparison is reached from the lab, by its own address. */
export const PAGES: readonly Page[] = ['lab', 'explain', 'lessons', 'spec'];
const ROUTED: readonly Page[] = [...PAGES, 'compare'];

export interface Route {
  page: Page;
  path: string[];
  /** The query, without '?', still encoded, and without the language part. */
  query: string;
  /** The language the address names, if it names one. */
  lang?: Language;
}

const LANG_PART = /(^|&)lang=([^&]*)/;

/** The query without its language part, and the language it named (when it is one the app speaks). */
function splitLanguage(query: string): { query: string; lang?: Language } {
  const m = LANG_PART.exec(query);
  if (!m) return { query };
  const rest = (query.slice(0, m.index) + query.slice(m.index + m[0].length)).replace(/^&/, '');
  const named = m[2] as Language;
  return LANGUAGES.includes(named) ? { query: rest, lang: named } : { query: rest };
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { page: body.includes('=') ? 'explain' : 'lab', path: [], ...splitLanguage(body) };
  const q = body.indexOf('?');
  const [first = '', ...path] = (q < 0 ? body : body.slice(0, q)).split('/').slice(1);
  const page = (ROUTED as readonly string[]).includes(first) ? (first as Page) : 'lab';
  return { page, path: path.filter(Boolean).map(safeDecode), ...splitLanguage(q < 0 ? '' : body.slice(q + 1)) };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function routeHash(route: Partial<Route> & { page: Page }): string {
  const path = [route.page, ...(route.path ?? [])].map(encodeURIComponent).join('/');
  const query = [route.query, route.lang && `lang=${route.lang}`].filter(Boolean).join('&');
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** The address of a route in the language on screen: what the app writes and what a copied link holds. */
const hereHash = (next: Partial<Route> & { page: Page }): string => routeHash({ ...next, lang: language() });

const state = $state<{ route: Route }>({ route: parseRoute(globalThis.location?.hash ?? '') });

if (globalThis.location !== undefined) {
  // The event's own URL, not location.hash: a replaceQuery that runs after the link was followed
  // but before this event is handled would otherwise hide the followed link behind the old one.
  addEventListener('hashchange', (event) => {
    state.route = parseRoute(new URL(event.newURL).hash);
    // a link in another language, followed in an open tab, switches the page to it
    if (state.route.lang && state.route.lang !== language()) void setLanguage(state.route.lang);
  });
}

/** After the reader switches language: the address says the new one, without a history entry. */
export function rewriteLanguage(): void {
  if (globalThis.location === undefined) return;
  const hash = hereHash(state.route);
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}

export function route(): Route {
  return state.route;
}

/** Go to a page (a new history entry). */
export function navigate(next: Partial<Route> & { page: Page }): void {
  location.hash = hereHash(next);
}

/**
 * Show another query on this page as a new history entry (the lab's run changed): Back returns to
 * the address before, and so to what it showed. No hashchange is fired for it.
 */
export function pushQuery(query: string): void {
  const current = state.route;
  const hash = hereHash({ ...current, query });
  if (hash === location.hash) return;
  history.pushState(history.state, '', hash);
  state.route = { ...current, query };
}

/** Keep the address in step with what is shown, without a history entry or a hashchange. */
export function replaceQuery(query: string): void {
  const current = state.route;
  const hash = hereHash({ ...current, query });
  if (hash === location.hash) return;
  history.replaceState(history.state, '', hash);
  state.route = { ...current, query };
}

/** Replace the whole route (page, path, query) without a history entry. */
export function replaceRoute(next: Partial<Route> & { page: Page }): void {
  const full: Route = { path: [], query: '', ...next };
  const hash = hereHash(full);
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
  state.route = full;
}
