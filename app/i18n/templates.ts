/**
 * The engine writes message templates with {param}; i18next interpolates {{param}}. Every template
 * table from the engine (and its translations, written the same way) goes through here, once.
 */
export function braces<K extends string>(templates: Readonly<Record<K, string>>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(templates) as K[]) out[key] = templates[key].replace(/\{(\w+)\}/g, '{{$1}}');
  return out;
}

/** The parameter names a template uses, sorted: `{{a}} … {{b}}` → ['a', 'b']. */
export function templateParams(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();
}
