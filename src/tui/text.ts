/** Cell-exact text helpers for fixed-width rows (the UI's characters are all one cell wide). */
import { padLeft, padRight } from '../report/format.js';

/** Cuts to n cells with an ellipsis, then pads to exactly n. */
export function cell(s: string, n: number): string {
  if (n <= 0) return '';
  return padRight(s.length > n ? `${s.slice(0, Math.max(0, n - 1))}…` : s, n);
}

/** Right-aligned to exactly n cells. */
export function cellRight(s: string, n: number): string {
  return padLeft(s.length > n ? s.slice(0, n) : s, n);
}

/** A probability as a whole percentage that never shows 0% or 100% for a value strictly between. */
export function percentCell(p: number): string {
  const v = Math.round(p * 100);
  if (v === 0 && p > 0) return '<1%';
  if (v === 100 && p < 1) return '>99%';
  return `${v}%`;
}
