/** Short descriptions of found values for "expected …, got …" messages. */

const MAX_SHOWN = 40;

/** A quoted, truncated rendering of a string. */
export function quote(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(shown);
}

/** What a value is, as a user would recognise it from the file. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (null)';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  if (value instanceof Date) return 'a timestamp';
  if (value instanceof Uint8Array) return 'binary data';
  return `a value of type ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`;
}

/** A plain mapping as parsed from YAML or JSON (not a list, Date, Map, Set or Buffer). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Bounds as written in messages: `[0, 1]`, `≥ 0`, `a finite number`. */
export function describeBounds(min: number, max: number): string {
  if (min === -Infinity && max === Infinity) return 'a finite number';
  if (max === Infinity) return `a number ≥ ${min}`;
  if (min === -Infinity) return `a number ≤ ${max}`;
  return `a number in [${min}, ${max}]`;
}
