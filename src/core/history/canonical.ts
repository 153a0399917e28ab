/**
 * A value as canonical JSON, keys sorted: two history entries, or two schemas, are the same when these are. Numbers JSON
 * cannot write (Infinity, NaN) are written as themselves.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  // JSON has no Infinity or NaN (YAML's .inf and .nan, JSON's 1e999) and would write each as null: written as
  // themselves, unquoted, they differ from null and from any text.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? 'null';
}
