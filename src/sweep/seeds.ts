/**
 * The random streams of a sweep, all from src/random/stream.ts. Every stream
 * is keyed by what it is for, never by which worker or in what order it
 * runs, so results are byte-identical for any worker count or sharding.
 */
import { firstUint32, firstUint32Keyed, randomStream, type RandomStream } from '../random/stream.js';

/** The stream for a key. */
export function stream(key: string): RandomStream {
  return randomStream(key);
}

/**
 * The seed of one row: the first 32-bit output of the stream keyed
 * `MASTER/POINT/REPLICATION`. The row's Monte Carlo draws come from
 * `rowStream(seed)`, so the seed column alone reproduces a row. Computed
 * by `firstUint32`, the same number without building the stream.
 */
export function rowSeed(master: number, point: number, replication: number): number {
  return firstUint32(`${master}/${point}/${replication}`);
}

/** `rowSeed` for one master seed, with the `MASTER/` part of the key hashed once: what the row loop calls. */
export function rowSeeder(master: number): (point: number, replication: number) => number {
  return firstUint32Keyed(`${master}/`);
}

/** The stream of a row's Monte Carlo draws. */
export function rowStream(seed: number): RandomStream {
  return randomStream(`row/${seed}`);
}

/** The stream of a design point's own randomness (random design, Latin hypercube jitter). */
export function pointStream(master: number, point: number): RandomStream {
  return randomStream(`${master}/design/${point}`);
}
