/**
 * Morris (1991) elementary effects: a cheap screening of which inputs
 * matter. r trajectories on a p-level grid of the unit cube, each moving one
 * input at a time by Δ = p / (2(p − 1)); the elementary effect of input i is
 * (f(x + Δe_i) − f(x)) / Δ with inputs scaled to [0, 1], i.e. per full
 * range. Reports μ* (mean |EE|, Campolongo, Cariboni & Saltelli 2007), μ and
 * σ (nonlinearity or interactions).
 */
import { stream } from './seeds.js';
import type { Bounds } from './sobol.js';

export interface MorrisOptions {
  /** Number of trajectories r: the function is evaluated r·(d + 1) times. */
  trajectories: number;
  bounds: readonly Bounds[];
  seed: number;
  /** Grid levels p (even). @default 4 */
  levels?: number;
}

export interface MorrisEffect {
  /** Mean of the absolute elementary effects. */
  muStar: number;
  mu: number;
  sigma: number;
}

export interface MorrisResult {
  effects: MorrisEffect[];
  evaluations: number;
}

export function morrisEffects(f: (x: Float64Array) => number, options: MorrisOptions): MorrisResult {
  const { bounds, trajectories } = options;
  const d = bounds.length;
  const p = options.levels ?? 4;
  if (p < 2) throw new RangeError('Morris needs at least 2 levels');
  const delta = p / (2 * (p - 1));
  const u = stream(`${options.seed}/morris`);
  const unit = new Float64Array(d);
  const x = new Float64Array(d);
  const effects: number[][] = Array.from({ length: d }, () => []);
  const evaluate = (): number => {
    for (let j = 0; j < d; j++) x[j] = bounds[j].lo + (bounds[j].hi - bounds[j].lo) * unit[j];
    return f(x);
  };
  const order = new Int32Array(d);
  for (let t = 0; t < trajectories; t++) {
    for (let j = 0; j < d; j++) unit[j] = u.below(p) / (p - 1);
    for (let j = 0; j < d; j++) order[j] = j;
    u.shuffle(order);
    let previous = evaluate();
    for (const i of order) {
      // Step up when there is room, else down: the point stays on the grid in [0, 1].
      const step = unit[i] + delta <= 1 + 1e-12 ? delta : -delta;
      unit[i] += step;
      const next = evaluate();
      effects[i].push((next - previous) / step);
      previous = next;
    }
  }
  return {
    effects: effects.map((ee) => {
      const n = ee.length;
      const mu = ee.reduce((s, e) => s + e, 0) / n;
      const muStar = ee.reduce((s, e) => s + Math.abs(e), 0) / n;
      const sigma = n > 1 ? Math.sqrt(ee.reduce((s, e) => s + (e - mu) ** 2, 0) / (n - 1)) : 0;
      return { muStar, mu, sigma };
    }),
    evaluations: trajectories * (d + 1),
  };
}
