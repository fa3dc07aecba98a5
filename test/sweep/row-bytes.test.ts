import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowBuffer } from '../../src/sweep/row-bytes.js';

const text = (b: RowBuffer): string => new TextDecoder().decode(b.view());

describe('RowBuffer', () => {
  it('writes whole numbers as String(v) does, growing as needed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 4294967295, 4294967296, Number.MAX_SAFE_INTEGER)),
          {
            maxLength: 50,
          },
        ),
        (values) => {
          const b = new RowBuffer(1);
          for (const v of values) {
            b.natural(v);
            b.byte(44);
          }
          expect(text(b)).toBe(values.map((v) => `${v},`).join(''));
        },
      ),
    );
  });

  it('copies pre-encoded pieces and ASCII text, and starts over on clear', () => {
    const b = new RowBuffer(4);
    b.raw(new TextEncoder().encode('{"é":'));
    b.ascii('-0.125');
    b.byte(125);
    expect(text(b)).toBe('{"é":-0.125}');
    b.clear();
    b.ascii('ok');
    expect(text(b)).toBe('ok');
  });

  it('grows past its first capacity, keeping what was written, and is reused after clear()', () => {
    const b = new RowBuffer(4);
    b.ascii('1234');
    b.natural(567890);
    expect(text(b)).toBe('1234567890');
    expect(b.bytes.length).toBeGreaterThanOrEqual(10);
    const grown = b.bytes;
    b.clear();
    b.ascii('ab');
    expect(text(b)).toBe('ab');
    expect(b.bytes).toBe(grown);
  });
});
