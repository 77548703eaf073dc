/**
 * The few things of i18next the lab used, in its own hundred lines: strings looked up by dotted
 * key in each language's tree (falling back to English, then to the key itself), `{{name}}` filled
 * from the parameters, and plurals chosen by `count` (`key_one`, `key_other`: Intl.PluralRules).
 * i18next weighed 13 KB of the first screen's gzip; translate.test.ts holds this to its behaviour
 * on every string the lab has.
 */
export type Tree = { [key: string]: string | Tree };

export class Translations<L extends string> {
  readonly #trees = {} as Record<L, Tree>;
  readonly #plurals = {} as Record<L, Intl.PluralRules>;

  constructor(
    languages: readonly L[],
    private readonly fallback: L,
  ) {
    for (const lng of languages) {
      this.#trees[lng] = {};
      this.#plurals[lng] = new Intl.PluralRules(lng);
    }
  }

  /** Add strings to a language: nested objects merge, a string replaces (i18next's deep add with overwrite). */
  add(lng: L, strings: object): void {
    merge(this.#trees[lng], strings as Tree);
  }

  /** The string (or subtree) at `key` in one language: undefined when there is none. */
  #find(lng: L, key: string, count: unknown): string | Tree | undefined {
    const tree = this.#trees[lng];
    // a count picks the plural form when the language has one, else the plain key
    if (typeof count === 'number') {
      const plural = deepFind(tree, `${key}_${this.#plurals[lng].select(count)}`);
      if (plural !== undefined) return plural;
    }
    return deepFind(tree, key);
  }

  #resolve(lng: L, key: string, count: unknown): string | Tree | undefined {
    return this.#find(lng, key, count) ?? (lng === this.fallback ? undefined : this.#find(this.fallback, key, count));
  }

  /** The text of `key` in `lng`, its `{{name}}`s filled from `params`; the key itself when there is none. */
  t(lng: L, key: string, params?: Record<string, unknown>): string {
    const found = this.#resolve(lng, key, params?.count);
    return typeof found === 'string' ? fill(found, params) : key;
  }

  /** Whether `key` names a string (or a group of them) in `lng` or the fallback. */
  exists(lng: L, key: string): boolean {
    return this.#resolve(lng, key, undefined) !== undefined;
  }
}

function merge(into: Tree, from: Tree): void {
  for (const [key, value] of Object.entries(from)) {
    const here = into[key];
    if (typeof value === 'object' && value !== null) {
      if (typeof here !== 'object') into[key] = {};
      merge(into[key] as Tree, value);
    } else into[key] = value;
  }
}

/**
 * The value at a dotted path, as i18next finds it: segment by segment, and where a segment is not
 * there, segments joined with their dots (a key that itself holds a dot, such as a version "5.0").
 */
function deepFind(tree: unknown, path: string): string | Tree | undefined {
  if (tree === null || typeof tree !== 'object') return undefined;
  const own = tree as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(own, path) && own[path]) return own[path] as string | Tree;
  const tokens = path.split('.');
  let current: unknown = tree;
  for (let i = 0; i < tokens.length;) {
    if (current === null || typeof current !== 'object') return undefined;
    let next: unknown;
    let nextPath = '';
    for (let j = i; j < tokens.length; ++j) {
      nextPath += (j === i ? '' : '.') + tokens[j];
      next = (current as Record<string, unknown>)[nextPath];
      if (next !== undefined) {
        if (typeof next !== 'object' && j < tokens.length - 1) continue;
        i = j + 1;
        break;
      }
    }
    current = next;
    if (next === undefined) return undefined;
  }
  return typeof current === 'string' || (current !== null && typeof current === 'object')
    ? (current as string | Tree)
    : undefined;
}

/**
 * `{{name}}` (or `{{a.b}}`) filled from the parameters. A parameter given as undefined or null
 * leaves nothing; one not given at all leaves the placeholder as written (as i18next does).
 */
function fill(text: string, params?: Record<string, unknown>): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{(.+?)\}\}/g, (placeholder, name: string) => {
    const key = name.trim();
    const value = params ? deepValue(params, key) : undefined;
    if (value === undefined) return params && Object.prototype.hasOwnProperty.call(params, key) ? '' : placeholder;
    return value === null ? '' : String(value);
  });
}

function deepValue(params: Record<string, unknown>, key: string): unknown {
  if (key in params) return params[key];
  let node: unknown = params;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
