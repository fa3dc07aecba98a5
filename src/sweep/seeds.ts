/**
 * Seeded random streams of a sweep (DESIGN.md §4). One algorithm throughout:
 * seedrandom's Alea (Baagøe), chosen for its speed and its small state.
 * Every stream is keyed by what it is for, never by which worker or in what
 * order it runs, so results are byte-identical for any worker count or
 * sharding.
 */
import seedrandom from 'seedrandom';

/** A uniform [0, 1) generator. */
export type Uniform = () => number;

/** The Alea stream for a key. */
export function stream(key: string): Uniform {
  return seedrandom.alea(key);
}

/**
 * The seed of one row: the first 32-bit output of the Alea stream keyed
 * `MASTER/POINT/REPLICATION`. The row's Monte Carlo draws come from
 * `rowStream(seed)`, so the seed column alone reproduces a row.
 */
export function rowSeed(master: number, point: number, replication: number): number {
  return seedrandom.alea(`${master}/${point}/${replication}`).int32() >>> 0;
}

/** The stream of a row's Monte Carlo draws. */
export function rowStream(seed: number): Uniform {
  return seedrandom.alea(`row/${seed}`);
}

/** The stream of a design point's own randomness (random design, Latin hypercube jitter). */
export function pointStream(master: number, point: number): Uniform {
  return seedrandom.alea(`${master}/design/${point}`);
}

/** A standard normal draw (Box–Muller), from two uniforms of the stream. */
export function normal(u: Uniform): number {
  const u1 = 1 - u(); // in (0, 1]: log is finite
  const u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
