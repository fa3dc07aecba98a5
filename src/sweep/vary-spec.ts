/**
 * The `--vary PATH=LO:HI[:STEPS]` option: one factor of a sweep design.
 */
import { dayNumber, isIsoDate } from '../scenario/dated.js';
import { SweepError } from './sweep-error.js';

/** One varied input: a scenario path and the range it takes. */
export interface Factor {
  /** Scenario path, e.g. `declaration.verification` or `states.USA.capability`. */
  path: string;
  lo: number;
  hi: number;
  /** Grid steps (values lo, …, hi); absent for Latin hypercube and random designs. */
  steps?: number;
}

/** Grid steps above this are almost certainly a typo (and would make an absurd grid). */
const MAX_STEPS = 10_000_000;

/** Parses `PATH=LO:HI:STEPS` (or `PATH=LO:HI` when `needSteps` is false). */
export function parseVary(spec: string, needSteps: boolean): Factor {
  const eq = spec.indexOf('=');
  const form = needSteps ? 'PATH=LO:HI:STEPS' : 'PATH=LO:HI';
  if (eq <= 0) throw new SweepError(`--vary '${spec}': expected ${form}, e.g. declaration.verification=0:1:11`);
  const path = spec.slice(0, eq).trim();
  const parts = spec.slice(eq + 1).split(':');
  if (parts.length < 2 || parts.length > 3) throw new SweepError(`--vary '${spec}': expected ${form}`);
  // The date varies as whole days since 1970-01-01, written as YYYY-MM-DD at both ends.
  const isDate = path === 'date';
  const [lo, hi] = parts
    .slice(0, 2)
    .map((p) => (isDate ? (isIsoDate(p.trim()) ? dayNumber(p.trim()) : NaN) : p.trim() === '' ? NaN : Number(p)));
  if (isDate && (!Number.isFinite(lo) || !Number.isFinite(hi)))
    throw new SweepError(
      `--vary '${spec}': LO and HI of the date must be dates YYYY-MM-DD, e.g. date=2023-01-01:2026-02-05:12`,
    );
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new SweepError(`--vary '${spec}': LO and HI must be numbers`);
  if (lo > hi) throw new SweepError(`--vary '${spec}': LO ${lo} is above HI ${hi}`);
  if (parts.length === 2) {
    if (needSteps) throw new SweepError(`--vary '${spec}': a grid needs STEPS (${form}), or use --lhs N / --random N`);
    return { path, lo, hi };
  }
  const steps = Number(parts[2]);
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS)
    throw new SweepError(`--vary '${spec}': STEPS must be a whole number from 1 to ${MAX_STEPS}`);
  if (steps > 1 && lo === hi) throw new SweepError(`--vary '${spec}': ${steps} steps over an empty range`);
  return { path, lo, hi, steps };
}

/**
 * Value of grid step k of a factor: lo + (hi − lo)·k/(steps − 1), and hi
 * itself at the last step (the sum can round an ulp past hi: 0.2 + 0.8 > 1).
 */
export function gridValue(factor: Factor, k: number): number {
  const steps = factor.steps ?? 1;
  if (steps === 1) return factor.lo;
  return k === steps - 1 ? factor.hi : factor.lo + ((factor.hi - factor.lo) * k) / (steps - 1);
}
