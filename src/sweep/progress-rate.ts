/**
 * Rate and time left of a running sweep, and the plain progress line shown
 * when stderr is not a terminal.
 */

export interface ProgressSnapshot {
  done: number;
  total: number;
  /** Rows per second since this invocation started (resumed rows excluded). */
  rate: number;
  /** Seconds left at that rate; undefined before the first rows are in. */
  eta?: number;
}

/** Tracks progress against the clock; `now` is injectable for tests. */
export function progressTracker(
  now: () => number = () => performance.now(),
): (done: number, total: number) => ProgressSnapshot {
  const start = now();
  let first: number | undefined;
  return (done, total) => {
    first ??= done;
    const seconds = (now() - start) / 1000;
    const rate = seconds > 0 ? (done - first) / seconds : 0;
    return { done, total, rate, eta: rate > 0 ? (total - done) / rate : undefined };
  };
}

/** "1:02:03" or "2:03". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A whole number with commas between groups of three digits, as
 * `toLocaleString('en-US')` writes it, without the first call's loading of
 * the locale data (about 30 ms of a sweep's start-up on the benchmark machines).
 */
export function groupDigits(n: number): string {
  // Beyond the safe integers (never a count of rows), the locale's own rounding of the digits.
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let k = out.length; k < digits.length; k += 3) out += `,${digits.slice(k, k + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** One plain line: "sweep: 12,000/100,000 rows (12%) · 4,100 rows/s · 0:21 left". */
export function progressLine(p: ProgressSnapshot): string {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const eta = p.eta === undefined ? '' : ` · ${duration(p.eta)} left`;
  return `sweep: ${groupDigits(p.done)}/${groupDigits(p.total)} rows (${pct}%) · ${groupDigits(Math.round(p.rate))} rows/s${eta}`;
}
