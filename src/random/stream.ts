/**
 * The program's one source of randomness: seeded streams from the
 * seedrandom library, Alea algorithm (Baagøe). Alea is fast, has a small
 * state, and is written in plain double arithmetic, so a seed gives the same
 * numbers on every platform and Node version. Everything random in
 * signatory (sweep designs, Monte Carlo draws, Sobol and Morris samples,
 * calibration folds) draws from a stream made here, keyed by what it is for,
 * so the same seed always gives the same output.
 */
import seedrandom from 'seedrandom';
import { decimalDigits } from '../text/digits.js';

/** A seed: a number or a string key; equal seeds give equal streams. */
export type Seed = number | string;

/** An indexable list a shuffle can reorder in place: an array or a typed array. */
export interface MutableList<T> {
  length: number;
  [index: number]: T;
}

export interface RandomStream {
  /** A uniform draw in [0, 1). A plain function, so a hot loop can hold it. */
  readonly uniform: () => number;
  /** A uniform whole number in 0..2³²−1 (one step of the stream). */
  uint32(): number;
  /** A uniform whole number in 0..n−1, for n ≥ 1 (one uniform draw). */
  below(n: number): number;
  /**
   * A standard normal draw by the Box–Muller transform, cosine branch only:
   * √(−2 ln u₁)·cos(2π u₂) with u₁ = 1 − uniform() in (0, 1], so the log is
   * finite. Two uniforms per draw; the sine branch is not kept, so a draw
   * never depends on an earlier one.
   */
  normal(): number;
  /** Reorders `items` in place uniformly at random (Fisher–Yates, from the end) and returns it. */
  shuffle<L extends MutableList<unknown>>(items: L): L;
}

/** The stream for a seed. */
export function randomStream(seed: Seed): RandomStream {
  const prng = seedrandom.alea(String(seed));
  const uniform = (): number => prng();
  const below = (n: number): number => Math.floor(prng() * n);
  return {
    uniform,
    uint32: () => prng.int32() >>> 0,
    below,
    normal() {
      const u1 = 1 - prng();
      const u2 = prng();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    shuffle<L extends MutableList<unknown>>(items: L): L {
      for (let i = items.length - 1; i > 0; i--) {
        const j = below(i + 1);
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
  };
}

/** A uniformly random permutation of 0..n−1. */
export function permutation(n: number, stream: RandomStream): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return stream.shuffle(p);
}

/** One step of Mash on a UTF-16 code unit. */
function mashUnit(state: number, code: number): number {
  let n = state + code;
  let h = 0.02519603282416938 * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  return n + h * 0x100000000;
}

/** Mash's state after hashing `data`, from state `n` (Baagøe's Mash, the string hash that seeds Alea). */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) n = mashUnit(n, data.charCodeAt(i));
  return n;
}

const DIGITS = new Uint8Array(20);

/** Mash's state after hashing the decimal digits of a non-negative safe integer, as `String(v)` spells them. */
function mashNatural(n: number, v: number): number {
  let count = decimalDigits(v, DIGITS);
  while (count > 0) n = mashUnit(n, 48 + DIGITS[--count]);
  return n;
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
// Alea's seeding hashes ' ' three times before the key: the state after that does not depend on the key.
const SPACE_1 = mash(0xefc8249d, ' ');
const SPACE_3 = mash(mash(SPACE_1, ' '), ' ');

/**
 * `randomStream(key).uint32()` — the first 32-bit output of the stream for
 * `key` — computed without building the stream: the same seeding and first
 * step of Alea, as the seedrandom library performs them, with no allocation.
 * A sweep derives one seed per row this way (a test checks it equals the
 * library's on many keys).
 */
export function firstUint32(key: string): number {
  return firstFromState(mash(SPACE_3, key));
}

/** The first output of Alea seeded with the key whose Mash state (after the three spaces) is `state`. */
function firstFromState(state: number): number {
  // Seeding sets s0 = mash(' ') − mash(key) (mod 1), then s1 and s2 the same way; the first
  // step reads only s0 (t = 2091639·s0 + c·2^-32 with c = 1) and returns t's fractional part.
  let s0 = (SPACE_1 >>> 0) * TWO_TO_MINUS_32 - (state >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + TWO_TO_MINUS_32;
  const next = t - (t | 0);
  return ((next * 0x100000000) | 0) >>> 0;
}

/**
 * `firstUint32(`${prefix}${a}/${b}`)` for non-negative integers a and b,
 * with the prefix hashed once: the per-row seed of a sweep without building
 * the key (a test checks it equals `firstUint32` of the spelled-out key).
 */
export function firstUint32Keyed(prefix: string): (a: number, b: number) => number {
  const start = mash(SPACE_3, prefix);
  return (a, b) => firstFromState(mashNatural(mashUnit(mashNatural(start, a), 47), b));
}
