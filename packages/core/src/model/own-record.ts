/**
 * Null-prototype records for state keyed by IDs that come from peers or callers. A plain `{}` answers
 * `record.constructor` and `record.__proto__` from `Object.prototype`, and `record[id] = value` with the ID
 * `'__proto__'` replaces the record's prototype instead of storing the value; a user may legitimately be
 * called `__proto__`, so keys are never refused here, only kept as ordinary own keys.
 */

/** A record with no prototype: every key, `'__proto__'` included, is an ordinary own key. */
export type OwnRecord<V> = Readonly<Record<string, V>>;

/** A null-prototype copy of `entries` (or an empty record). */
export function ownRecord<V>(entries?: Readonly<Record<string, V>>): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  // Object.assign defines every own enumerable key, '__proto__' too, since the target has no setter for it.
  if (entries) Object.assign(record, entries);
  return record;
}

/** The value under `key` when the record holds it as its own, never one inherited from a prototype. */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record holds `key` as its own. */
export function hasOwnEntry(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** A null-prototype copy of `record` with `key` set to `value`. */
export function withEntry<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V> {
  const next = ownRecord(record);
  next[key] = value;
  return next;
}

/** A null-prototype copy of `record` without `key`. */
export function withoutEntry<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V> {
  const next = ownRecord(record);
  delete next[key];
  return next;
}
