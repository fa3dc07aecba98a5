/**
 * A value together with where it came from: the file (as shown to the user)
 * and the path inside that file. Merging keeps these, so an error in a
 * merged scenario names the file and list index the bad value was written at.
 */
import { ScenarioError } from './errors.js';

export interface Located {
  readonly value: unknown;
  readonly file: string;
  readonly path: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `a.b`, `a[3]`, or `a["odd key"]` for keys that are not identifiers. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
}

/** The child of a located mapping or list. */
export function child(loc: Located, key: string | number, value: unknown): Located {
  return { value, file: loc.file, path: joinPath(loc.path, key) };
}

/** An error at a located value. */
export function errorAt(loc: Pick<Located, 'file' | 'path'>, expected: string): ScenarioError {
  return new ScenarioError(loc.file, loc.path, expected);
}
