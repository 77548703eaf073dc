/**
 * A sentence kept as data until it is shown: an i18n key and its parameters, which may themselves
 * be phrases (a packet's name, a list of link settings…). The narration, the lab's problems and
 * the form errors are built once as phrases and put into words at render time, so switching the
 * language re-words everything without rebuilding anything.
 */
export interface Phrase {
  key: string;
  params?: Record<string, PhraseParam>;
}

/** A list of phrases is joined with the language's list separator (`lab.list.separator`). */
export type PhraseParam = string | number | Phrase | readonly PhraseParam[];

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export const phrase = (key: string, params?: Record<string, PhraseParam>): Phrase =>
  params ? { key, params } : { key };

function isPhrase(value: unknown): value is Phrase {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Phrase).key === 'string'
  );
}

function word(value: PhraseParam, t: Translate): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => word(v as PhraseParam, t)).join(t('lab.list.separator'));
  return say(value as Phrase, t);
}

/** Put a phrase into words with `t` (the current language's, or a fixed one in tests). */
export function say(p: Phrase, t: Translate): string {
  if (!p.params) return t(p.key);
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(p.params)) params[name] = word(value, t);
  return t(p.key, params);
}

/**
 * A whole sentence: `say`, then the spacing tidied — names of clients carry spaces in Chinese
 * (so that "sensor" stands apart from the characters around it), which are not wanted next to
 * full-width punctuation or at the ends.
 */
export function sentence(p: Phrase, t: Translate): string {
  return say(p, t)
    .replace(/[ ]+([，。：；！？（）、”])/g, '$1')
    .replace(/([，。：；！？（）、“])[ ]+/g, '$1')
    .trim();
}

/** Params of a problem as the lab stores them (`lab.problem`), read back as a phrase. */
export function asPhrase(problem: { key: string; params?: Record<string, unknown> }): Phrase {
  const params: Record<string, PhraseParam> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || isPhrase(value) || Array.isArray(value))
      params[name] = value as PhraseParam;
    else params[name] = String(value);
  }
  return phrase(problem.key, params);
}
