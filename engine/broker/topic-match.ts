/**
 * Does a topic filter match a topic name? (3.1.1 §4.7, 5.0 §4.7)
 * - `+` matches exactly one level, which may be empty: `a/+` matches `a/` but not `a` or `a/b/c`;
 * - `#` matches its parent level and any number of levels below: `a/#` matches `a`, `a/b`, `a/b/c`;
 * - a filter that starts with a wildcard does not match a topic that starts with `$` [MQTT-4.7.2-1];
 * - no normalization: levels compare character by character, case-sensitively [MQTT-4.7.3-4].
 */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
