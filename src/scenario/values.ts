/**
 * Reading numbers from located values: finite, in bounds, and optionally
 * uncertain (`{mean, sd}` normal or `{min, max}` uniform), in which case the
 * nominal value is returned and an UncertainInput recorded.
 */
import type { UncertainInput } from '../model/scenario.js';
import { describeBounds, describeValue, isMapping } from './describe.js';
import { child, errorAt, type Located } from './located.js';
import { inBounds } from './path-bounds.js';
import { firstControl } from '../text/printable.js';

export interface Bounds {
  readonly min: number;
  readonly max: number;
  /** Only whole numbers (the seed). */
  readonly integer?: boolean;
}

export const UNIT: Bounds = { min: 0, max: 1 };
export const REAL: Bounds = { min: -Infinity, max: Infinity };

function expectation(bounds: Bounds): string {
  if (bounds.integer)
    return bounds.max === Infinity || bounds.max >= Number.MAX_SAFE_INTEGER
      ? `an integer ≥ ${bounds.min}`
      : `an integer in [${bounds.min}, ${bounds.max}]`;
  return describeBounds(bounds.min, bounds.max);
}

/** A plain number within bounds. */
export function readNumber(loc: Located, bounds: Bounds): number {
  const v = loc.value;
  if (typeof v !== 'number' || !inBounds(v, bounds))
    throw errorAt(loc, `expected ${expectation(bounds)}, got ${describeValue(v)}`);
  return v;
}

/** A number, or a distribution whose nominal value is returned and whose uncertainty is recorded. */
export function readUncertain(
  loc: Located,
  bounds: Bounds,
  scenarioPath: string,
  uncertainty: UncertainInput[],
): number {
  const v = loc.value;
  if (!isMapping(v)) {
    if (typeof v === 'number') return readNumber(loc, bounds);
    throw errorAt(loc, `expected ${expectation(bounds)}, {mean, sd} or {min, max}, got ${describeValue(v)}`);
  }
  const keys = Object.keys(v).sort().join(',');
  if (keys === 'mean,sd') {
    const mean = readNumber(child(loc, 'mean', v.mean), bounds);
    const sd = readNumber(child(loc, 'sd', v.sd), { min: 0, max: Infinity });
    uncertainty.push({
      path: scenarioPath,
      distribution: { kind: 'normal', mean, sd },
      min: bounds.min,
      max: bounds.max,
    });
    return mean;
  }
  if (keys === 'max,min') {
    const min = readNumber(child(loc, 'min', v.min), bounds);
    const max = readNumber(child(loc, 'max', v.max), bounds);
    if (min > max) throw errorAt(child(loc, 'max', v.max), `expected max ≥ min (${min}), got ${max}`);
    uncertainty.push({
      path: scenarioPath,
      distribution: { kind: 'uniform', min, max },
      min: bounds.min,
      max: bounds.max,
    });
    return (min + max) / 2;
  }
  throw errorAt(
    loc,
    `expected ${expectation(bounds)}, {mean, sd} (normal) or {min, max} (uniform), got a mapping with keys ${JSON.stringify(Object.keys(v).slice(0, 5))}`,
  );
}

/**
 * A string, non-empty if asked; `singleLine` text (names, labels) may not
 * hold a line break either. Control characters (C0 but tab and line feed,
 * DEL, C1, the bidirectional controls: what src/text/printable.ts would
 * escape) are refused, naming the first: text from a file reaches
 * terminals, reports and the TUI, where an escape could clear the screen,
 * forge a line or write to the clipboard, and a bidi control reorder what
 * is read.
 */
export function readString(loc: Located, nonEmpty = false, singleLine = false): string {
  if (typeof loc.value !== 'string' || (nonEmpty && loc.value.trim() === ''))
    throw errorAt(loc, `expected ${nonEmpty ? 'a non-empty' : 'a'} string, got ${describeValue(loc.value)}`);
  const text = loc.value;
  let at = firstControl(text);
  if (at < 0 && singleLine) at = text.indexOf('\n');
  if (at >= 0) {
    const code = `U+${text.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw errorAt(
      loc,
      `expected ${singleLine ? 'one line of text' : 'text'} without control characters, found ${code} at character ${at + 1}`,
    );
  }
  return text;
}

/** A list of strings. */
export function readStringList(loc: Located): string[] {
  if (!Array.isArray(loc.value)) throw errorAt(loc, `expected a list of strings, got ${describeValue(loc.value)}`);
  return loc.value.map((item, i) => readString(child(loc, i, item)));
}
