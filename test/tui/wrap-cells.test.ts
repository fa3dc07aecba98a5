/** Labels wrapped by display width: no line wider than asked, no character lost, CJK counted as two cells. */
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { padRight } from '../../src/report/format.js';
import { cellsOf, wrapCells } from '../../src/tui/wrap-cells.js';

describe('wrapCells', () => {
  it('counts a CJK character as two cells', () => {
    expect(cellsOf('中華民國')).toBe(8);
    expect(wrapCells('人工智慧 軍事 應用', 6)).toEqual(['人工智', '慧', '軍事', '應用']);
    expect(padRight('中', 4)).toBe('中  ');
  });

  it('keeps every line within the width and every character of the text, in order', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '中', '國', 'é', '-'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 40 }), (words, width) => {
        const lines = wrapCells(words.join(' '), width);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
      }),
    );
  });
});
