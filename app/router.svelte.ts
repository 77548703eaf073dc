/**
 * The page's address: `#/<page>/<path…>?<query>`, e.g. `#/lab?s=…`, `#/explain?x=30…&v=5`,
 * `#/lessons/09-qos1/lost-puback`, `#/spec/5.0/MQTT-3.1.2-29`. Everything a link must reproduce lives in the hash, so the
 * built app works from any static host or folder. Older explainer links (`#x=…`) still open the
 * explainer.
 */
export type Page = 'lab' | 'explain' | 'lessons' | 'spec' | 'compare';
/** The pages the header links to; a comparison is reached from the lab, by its own address. */
export const PAGES: readonly Page[] = ['lab', 'explain', 'lessons', 'spec'];
const ROUTED: readonly Page[] = [...PAGES, 'compare'];

export interface Route {
  page: Page;
  path: string[];
  /** The query, without '?', still encoded. */
  query: string;
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { page: body.includes('=') ? 'explain' : 'lab', path: [], query: body };
  const q = body.indexOf('?');
  const [first = '', ...path] = (q < 0 ? body : body.slice(0, q)).split('/').slice(1);
  const page = (ROUTED as readonly string[]).includes(first) ? (first as Page) : 'lab';
  return { page, path: path.filter(Boolean).map(safeDecode), query: q < 0 ? '' : body.slice(q + 1) };
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
  return `#/${path}${route.query ? `?${route.query}` : ''}`;
}

const state = $state<{ route: Route }>({ route: parseRoute(globalThis.location?.hash ?? '') });

if (globalThis.location !== undefined) {
  // The event's own URL, not location.hash: a replaceQuery that runs after the link was followed
  // but before this event is handled would otherwise hide the followed link behind the old one.
  addEventListener('hashchange', (event) => {
    state.route = parseRoute(new URL(event.newURL).hash);
  });
}

export function route(): Route {
  return state.route;
}

/** Go to a page (a new history entry). */
export function navigate(next: Partial<Route> & { page: Page }): void {
  location.hash = routeHash(next);
}

/** Keep the address in step with what is shown, without a history entry or a hashchange. */
export function replaceQuery(query: string): void {
  const current = state.route;
  const hash = routeHash({ ...current, query });
  if (hash === location.hash) return;
  history.replaceState(history.state, '', hash);
  state.route = { ...current, query };
}

/** Replace the whole route (page, path, query) without a history entry. */
export function replaceRoute(next: Partial<Route> & { page: Page }): void {
  const full: Route = { path: [], query: '', ...next };
  const hash = routeHash(full);
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
  state.route = full;
}
