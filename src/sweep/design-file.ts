/**
 * A design read from a file (`sweep --design FILE.csv`): a CSV whose header
 * names the varied paths and whose every row is one design point, in order.
 * The date, if varied, is written YYYY-MM-DD.
 */
import { readFileSync } from 'node:fs';
import { dayNumber, isIsoDate } from '../scenario/dated.js';
import { SweepError } from './sweep-error.js';
import type { Factor } from './vary-spec.js';

export interface DesignFile {
  /** One factor per column, its range the column's smallest to largest value. */
  factors: Factor[];
  points: number[][];
}

/** Reads and checks a design file; `given` is its name as typed, for messages. */
export function readDesignFile(file: string, given: string): DesignFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SweepError(`--design ${given}: cannot read the file`);
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length < 2) throw new SweepError(`--design ${given}: expected a header of paths and at least one row`);
  const paths = lines[0].split(',').map((c) => c.trim());
  paths.forEach((p, j) => {
    if (p === '')
      throw new SweepError(`--design ${given}: line 1, column ${j + 1}: expected a path, got an empty name`);
    if (paths.indexOf(p) !== j) throw new SweepError(`--design ${given}: line 1: column ${p} is given twice`);
  });
  const points = lines.slice(1).map((line, r) => {
    const cells = line.split(',');
    if (cells.length !== paths.length)
      throw new SweepError(
        `--design ${given}: line ${r + 2}: expected ${paths.length} values (${paths.join(', ')}), got ${cells.length}`,
      );
    return cells.map((cell, j) => {
      const t = cell.trim();
      const v = paths[j] === 'date' ? (isIsoDate(t) ? dayNumber(t) : NaN) : t === '' ? NaN : Number(t);
      if (!Number.isFinite(v))
        throw new SweepError(
          `--design ${given}: line ${r + 2}, column ${paths[j]}: expected ${paths[j] === 'date' ? 'a date YYYY-MM-DD' : 'a number'}, got '${t}'`,
        );
      return v;
    });
  });
  const factors = paths.map((path, j) => {
    const column = points.map((p) => p[j]);
    return { path, lo: column.reduce((a, b) => Math.min(a, b)), hi: column.reduce((a, b) => Math.max(a, b)) };
  });
  return { factors, points };
}
