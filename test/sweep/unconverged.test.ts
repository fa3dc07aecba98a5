/** A QRE the solver could not find is never written as numbers in a sweep row. */
import { describe, expect, it } from 'vitest';
import { makeGame } from '../../src/solve/game.js';
import { leastQreInto } from '../../src/solve/qre.js';
import { outcomeText } from '../../src/sweep/rows.js';

describe('unconverged QRE in sweeps', () => {
  it('an empty CSV field and a JSON null, never a number', () => {
    expect(outcomeText(NaN, false, true)).toBe('');
    expect(outcomeText(NaN, false, false)).toBe('null');
    expect(JSON.parse(`{"qre_mean":${outcomeText(NaN, false, false)}}`)).toEqual({ qre_mean: null });
    expect(outcomeText(0.25, false, true)).toBe('0.25');
    expect(outcomeText(3, true, false)).toBe('3');
  });
  it('leastQreInto says whether it converged (matching pennies at λ = 10, by continuation)', () => {
    const game = makeGame(
      [-1, 1],
      [0, 0],
      [
        { i: 0, j: 1, value: 10 },
        { i: 1, j: 0, value: -2 },
      ],
    );
    const p = new Float64Array(2);
    expect(leastQreInto(game, 10, undefined, false, p)).toBe(true);
    expect(p[0]).toBeGreaterThan(0.5);
  });
});
