/**
 * Links into the map of the spec: `#/spec/<version>/<id>`, e.g. `#/spec/5.0/MQTT-3.1.2-29`. Small on
 * purpose: every rule chip of the first screen builds its link here without loading the spec data.
 */
import type { ProtocolVersion } from '$engine';
import { routeHash } from '../router.svelte.ts';

export type SpecVersionName = '3.1.1' | '5.0';
export const SPEC_VERSION_NAMES: readonly SpecVersionName[] = ['3.1.1', '5.0'];

export function versionName(version: ProtocolVersion | SpecVersionName): SpecVersionName {
  return version === 5 || version === '5.0' ? '5.0' : '3.1.1';
}

/** The map's entry for a rule chip; without a version the page picks the version the id belongs to. */
export function specHref(ref: string, version?: ProtocolVersion | SpecVersionName): string {
  return routeHash({ page: 'spec', path: version === undefined ? [ref] : [versionName(version), ref] });
}

/** `#/spec/5.0/MQTT-1.5.4-1?q=utf` → the version asked for, the entry, the filter. */
export function parseSpecPath(
  path: readonly string[],
  query: string,
): {
  version?: SpecVersionName;
  ref?: string;
  filter: string;
} {
  const [first, second] = path;
  const named = SPEC_VERSION_NAMES.find((v) => v === first);
  const ref = named ? second : first;
  const filter = new URLSearchParams(query).get('q') ?? '';
  return { ...(named ? { version: named } : {}), ...(ref ? { ref } : {}), filter };
}
