/**
 * An error caught by the lab, as words for the reader: a protocol error (MqttError) in the page's
 * language from its code and params, with the rule it cites; anything else (a bug) as its own
 * message, shortened — it is not the lab's to translate, and hiding it would help no one.
 */
import { MqttError } from '$engine';
import { type PhraseParam, phrase } from '../lab/phrase.ts';

export function errorWords(error: unknown): PhraseParam {
  if (error instanceof MqttError) {
    const words = phrase(`error.${error.code}`, error.params);
    return error.rule ? [words, `[${error.rule}]`] : words;
  }
  return String((error as Error)?.message ?? error).slice(0, 300);
}
