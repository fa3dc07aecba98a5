/**
 * Flip thresholds: the value of one parameter at which a state's
 * equilibrium decision changes. The decision is evaluated on a grid over
 * the parameter's range, then each change is located by bisection; a
 * monotone parameter has at most one, a two-sided one (enforcement,
 * differentiation) may have several.
 */
export interface FlipResult {
  /** Decision (true = signs) at the current value. */
  current: boolean;
  /** Every value where the decision changes, ascending, with the decision just above it. */
  flips: Array<{ at: number; signsAbove: boolean }>;
  /** The flip nearest the current value, or null for "no flip in range". */
  nearest: number | null;
}

export const FLIP_GRID = 64;
export const FLIP_TOLERANCE = 1e-6;

/**
 * @param decide decision of the state (true = signs) when the parameter is x
 */
export function flipThresholds(decide: (x: number) => boolean, currentValue: number, min = 0, max = 1): FlipResult {
  const grid: number[] = [];
  for (let g = 0; g <= FLIP_GRID; g++) grid.push(min + ((max - min) * g) / FLIP_GRID);
  const values = grid.map(decide);
  const flips: FlipResult['flips'] = [];
  for (let g = 0; g < FLIP_GRID; g++) {
    if (values[g] === values[g + 1]) continue;
    let lo = grid[g];
    let hi = grid[g + 1];
    while (hi - lo > FLIP_TOLERANCE) {
      const mid = (lo + hi) / 2;
      if (decide(mid) === values[g]) lo = mid;
      else hi = mid;
    }
    flips.push({ at: hi, signsAbove: values[g + 1] });
  }
  let nearest: number | null = null;
  for (const f of flips)
    if (nearest === null || Math.abs(f.at - currentValue) < Math.abs(nearest - currentValue)) nearest = f.at;
  return { current: decide(currentValue), flips, nearest };
}
