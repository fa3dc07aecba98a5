/**
 * Cell-exact text helpers for fixed-width rows, measured in terminal columns
 * (a Chinese character takes two). Every text from a file reaches the screen through `cell`,
 * `cellRight` or `shown`, which escape control characters (src/text/printable.ts).
 */
import { cutToWidth, displayWidth, padLeft, padRight } from '../report/format.js';
import { printableLine } from '../text/printable.js';

/** Cuts to n cells with an ellipsis, then pads to exactly n; controls from files are shown escaped first. */
export function cell(text: string, n: number): string {
  if (n <= 0) return '';
  const s = printableLine(text);
  return padRight(displayWidth(s) > n ? `${cutToWidth(s, Math.max(0, n - 1))}…` : s, n);
}

/** Right-aligned to exactly n cells, controls shown escaped. */
export function cellRight(text: string, n: number): string {
  const s = printableLine(text);
  return padLeft(displayWidth(s) > n ? cutToWidth(s, n) : s, n);
}

/** A probability as a whole percentage that never shows 0% or 100% for a value strictly between. */
export function percentCell(p: number): string {
  const v = Math.round(p * 100);
  if (v === 0 && p > 0) return '<1%';
  if (v === 100 && p < 1) return '>99%';
  return `${v}%`;
}

/** Text from a file or the keyboard shown on one line, controls escaped. */
export function shown(text: string): string {
  return printableLine(text);
}
