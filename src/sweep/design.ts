/**
 * Sweep designs: a full grid over the `--vary` factors, a Latin hypercube or
 * uniform random points over their ranges. A design never materialises its
 * points: `designPoint` computes point k on demand, so a million-point sweep
 * costs no memory for the design (a Latin hypercube keeps one permutation of
 * the point indices per factor).
 */
import { permutation } from '../random/stream.js';
import { gridValue, type Factor } from './vary-spec.js';
import { pointStream, stream } from './seeds.js';

export type DesignKind = 'grid' | 'lhs' | 'random' | 'file';

/** A design as recorded in the run receipt; plain data, so it crosses to workers. */
export interface DesignSpec {
  kind: DesignKind;
  factors: Factor[];
  /** Number of points of a Latin hypercube or random design. */
  n?: number;
  /** Master seed of every random stream of the sweep. */
  seed: number;
  /** The points of a design read from a file (`--design FILE.csv`): points[k][j] is factor j of point k. */
  points?: number[][];
}

/** Number of design points (rows are points × replications). */
export function designSize(spec: DesignSpec): number {
  if (spec.kind === 'file') return spec.points?.length ?? 0;
  if (spec.kind !== 'grid') return spec.n ?? 0;
  return spec.factors.reduce((acc, f) => acc * (f.steps ?? 1), 1);
}

/** Computes the factor values of design point k into `out`. */
export type PointFunction = (k: number, out: Float64Array) => void;

/**
 * The point function of a design. Grid points are in row-major order: the
 * first `--vary` factor changes slowest, as in nested loops written in the
 * order given.
 */
export function designPoints(spec: DesignSpec): PointFunction {
  const d = spec.factors.length;
  if (spec.kind === 'grid') {
    const steps = spec.factors.map((f) => f.steps ?? 1);
    return (k, out) => {
      let rest = k;
      for (let j = d - 1; j >= 0; j--) {
        const s = steps[j];
        out[j] = gridValue(spec.factors[j], rest % s);
        rest = Math.floor(rest / s);
      }
    };
  }
  if (spec.kind === 'file') {
    const points = spec.points ?? [];
    return (k, out) => {
      for (let j = 0; j < d; j++) out[j] = points[k][j];
    };
  }
  const n = spec.n ?? 0;
  if (spec.kind === 'random') {
    return (k, out) => {
      const u = pointStream(spec.seed, k).uniform;
      for (let j = 0; j < d; j++)
        out[j] = inRange(spec.factors[j], spec.factors[j].lo + (spec.factors[j].hi - spec.factors[j].lo) * u());
    };
  }
  // Latin hypercube (McKay, Beckman & Conover 1979): factor j of point k
  // falls in stratum perm_j[k] of n equal strata, jittered within it.
  const perms = spec.factors.map((_, j) => permutation(n, stream(`${spec.seed}/lhs/${j}`)));
  return (k, out) => {
    const u = pointStream(spec.seed, k).uniform;
    for (let j = 0; j < d; j++) {
      const f = spec.factors[j];
      out[j] = inRange(f, f.lo + ((f.hi - f.lo) * (perms[j][k] + u())) / n);
    }
  };
}

/** A design value kept inside its factor's range, which rounding can leave by an ulp. */
const inRange = (f: Factor, x: number): number => (x > f.hi ? f.hi : x);
