/**
 * Axis ticks at round numbers: steps of 1, 2 or 5 times a power of ten
 * (2.5 too for fractional axes), as a reader would mark an axis by hand.
 */

const STEPS = [1, 2, 2.5, 5, 10];
const INTEGER_STEPS = [1, 2, 5, 10];

/** A round step that cuts [lo, hi] into about `count` intervals (at least 1 when `integer`). */
export function tickStep(lo: number, hi: number, count: number, integer = false): number {
  const raw = (hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (integer ? INTEGER_STEPS : STEPS).map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** A multiple of `step` as the shortest round number (0.3, not 0.30000000000000004). */
function clean(v: number, step: number): number {
  const decimals = Math.min(100, Math.max(0, 2 - Math.floor(Math.log10(step))));
  const r = Number(v.toFixed(decimals));
  return r === 0 ? 0 : r;
}

/** The multiples of the round step that lie in [lo, hi], ascending (at least one). */
export function ticks(lo: number, hi: number, count = 5, integer = false): number[] {
  if (!(hi > lo)) return [lo];
  const step = tickStep(lo, hi, count, integer);
  const out: number[] = [];
  const slack = step * 1e-9;
  for (let k = Math.ceil((lo - slack) / step); k * step <= hi + slack; k++) out.push(clean(k * step, step));
  return out;
}

/**
 * A value axis around [lo, hi]: widened to the round step on both sides, so
 * it starts and ends on a tick, and its ticks (a flat span is widened first).
 */
export function roundAxis(
  lo: number,
  hi: number,
  count = 5,
  integer = false,
): { lo: number; hi: number; ticks: number[] } {
  if (!(hi > lo))
    return integer
      ? roundAxis(Math.floor(lo) - 1, Math.ceil(hi) + 1, count, true)
      : roundAxis(lo - 0.5, hi + 0.5, count);
  const step = tickStep(lo, hi, count, integer);
  const slack = step * 1e-9;
  const first = Math.floor((lo + slack) / step);
  const last = Math.ceil((hi - slack) / step);
  return {
    lo: clean(first * step, step),
    hi: clean(last * step, step),
    ticks: Array.from({ length: last - first + 1 }, (_, k) => clean((first + k) * step, step)),
  };
}

/**
 * Ticks of a date axis (day numbers since 1970-01-01) at calendar round
 * numbers: the first of January every 1, 2, 5 … years, or the first of a
 * month every 1, 2, 3 or 6 months when the span is short.
 */
export function dateTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const day = (y: number, m: number): number => Date.UTC(y, m - 1, 1) / 86_400_000;
  const first = new Date(lo * 86_400_000);
  const last = new Date(hi * 86_400_000);
  const years = last.getUTCFullYear() - first.getUTCFullYear();
  const inside = (d: number): boolean => d >= lo && d <= hi;
  if (years >= 2) {
    const step = tickStep(0, years, count, true);
    const out: number[] = [];
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step; day(y, 1) <= hi; y += step)
      if (inside(day(y, 1))) out.push(day(y, 1));
    if (out.length >= 2) return out;
  }
  const months = years * 12 + last.getUTCMonth() - first.getUTCMonth();
  const step = [1, 2, 3, 6, 12].find((s) => months / s <= count) ?? 12;
  const out: number[] = [];
  for (let k = first.getUTCFullYear() * 12 + first.getUTCMonth(); ; k++) {
    const d = day(Math.floor(k / 12), (k % 12) + 1);
    if (d > hi) break;
    if (k % step === 0 && inside(d)) out.push(d);
  }
  return out.length > 0 ? out : [lo];
}
