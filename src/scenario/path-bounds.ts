/** Bounds checks shared by file validation and paths. */

export interface NumericBounds {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** Seeds are whole numbers a JavaScript number holds exactly. */
export const SEED_LIKE: NumericBounds = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };

export function inBounds(v: number, bounds: NumericBounds): boolean {
  return Number.isFinite(v) && v >= bounds.min && v <= bounds.max && (!bounds.integer || Number.isInteger(v));
}
