import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalDigits } from '../../src/text/digits.js';

/** The digits decimalDigits writes, most significant first. */
function spelled(v: number): string {
  const out = new Uint8Array(20);
  const count = decimalDigits(v, out);
  return Array.from(out.subarray(0, count).reverse(), (d) => String.fromCharCode(48 + d)).join('');
}

describe('decimalDigits', () => {
  it('spells what String(v) spells, on both sides of 2³² (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.nat(),
          fc.integer({ min: 2 ** 31, max: 2 ** 34 }),
          fc.maxSafeNat(),
          fc.constantFrom(0, 9, 10, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 10 ** 10, Number.MAX_SAFE_INTEGER),
        ),
        (v) => {
          expect(spelled(v)).toBe(String(v));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes 4294967296 (2³², the first number past the 32-bit path) as ten digits', () => {
    expect(spelled(4294967296)).toBe('4294967296');
    expect(spelled(4294967295)).toBe('4294967295');
    expect(spelled(0)).toBe('0');
  });
});
