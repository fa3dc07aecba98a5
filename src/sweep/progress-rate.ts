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

/** One plain line: "sweep: 12,000/100,000 rows (12%) · 4,100 rows/s · 0:21 left". */
export function progressLine(p: ProgressSnapshot): string {
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const eta = p.eta === undefined ? '' : ` · ${duration(p.eta)} left`;
  return `sweep: ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} rows (${pct}%) · ${Math.round(p.rate).toLocaleString('en-US')} rows/s${eta}`;
}
