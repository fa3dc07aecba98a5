/**
 * The decimal digits of a whole number without building a string: what a
 * sweep row and its seed key spell for every index, point and seed.
 */

/**
 * Writes the decimal digits of `v`, a non-negative safe integer, into `out`
 * least significant first, as `String(v)` spells them read backwards, and
 * returns how many there are (`out` needs room for 16). Below 2³² the
 * division runs on 32-bit integers: a double's `%` is a call into the C
 * library, several times slower, which rows spent most of their digits on.
 */
export function decimalDigits(v: number, out: Uint8Array): number {
  let count = 0;
  if (v <= 0xffffffff) {
    let rest = v >>> 0;
    do {
      const q = (rest / 10) >>> 0;
      out[count++] = rest - q * 10;
      rest = q;
    } while (rest > 0);
    return count;
  }
  let rest = v;
  do {
    const digit = rest % 10;
    out[count++] = digit;
    rest = (rest - digit) / 10;
  } while (rest > 0);
  return count;
}
