/**
 * Deterministic number formatting for sweep rows: fixed precision, trailing
 * zeros stripped, no negative zero. The same number always prints the same
 * bytes, whatever worker or machine computed it.
 */

/** Decimals kept for parameter values (grid steps such as 0.1·3 print as 0.3). */
export const PARAMETER_DECIMALS = 9;
/** Decimals kept for probabilities and expected tallies: far above their tolerance (QRE residual 1e-12). */
export const OUTCOME_DECIMALS = 6;

/** `x` rounded to `decimals` places, as the shortest text (no exponent for |x| < 1e21). */
export function formatFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  let s = x.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}
