import { describe, expect, it } from 'vitest';
import { analyzeSubgame, classifyPlayer } from '../../src/solve/subgame.js';

describe('Jervis classification (canonical orderings)', () => {
  it.each([
    ["Prisoner's Dilemma", { T: 5, R: 3, P: 1, S: 0 }],
    ['Stag Hunt', { R: 4, T: 3, P: 2, S: 0 }],
    ['Chicken', { T: 4, R: 3, S: 2, P: 1 }],
    ['Deadlock', { T: 4, P: 3, R: 2, S: 1 }],
    ['Harmony', { R: 4, T: 3, S: 2, P: 1 }],
    ['Leader', { T: 4, S: 3, R: 2, P: 1 }],
  ])('%s', (type, o) => {
    expect(classifyPlayer(o)).toBe(type);
  });
});

describe('the procedure with α̂, W and E', () => {
  it('Harmony ⇔ α̂ > 0', () => {
    const r = analyzeSubgame({ alphaHat: 0.5, W: 1, E: 0.2 }, { alphaHat: 0.5, W: 1, E: 0.2 });
    expect(r.types).toEqual(['Harmony', 'Harmony']);
    expect(r.equilibria).toEqual([[1, 1]]);
  });
  it('Stag Hunt ⇔ α̂ < 0 < α̂ + W, with risk dominance and the assurance threshold', () => {
    const r = analyzeSubgame({ alphaHat: -1, W: 3, E: 0 }, { alphaHat: -1, W: 3, E: 0 });
    expect(r.types).toEqual(['Stag Hunt', 'Stag Hunt']);
    expect(r.equilibria).toEqual([
      [1, 1],
      [0, 0],
    ]);
    // (R−T)² = 4 > (P−S)² = 1
    expect(r.riskDominant).toBe('sign-sign');
    expect(r.assuranceThreshold).toEqual([1 / 3, 1 / 3]);
  });
  it("Prisoner's Dilemma ⇔ −E < α̂ + W < 0", () => {
    const r = analyzeSubgame({ alphaHat: -1, W: 0.5, E: 1 }, { alphaHat: -1, W: 0.5, E: 1 });
    expect(r.types).toEqual(["Prisoner's Dilemma", "Prisoner's Dilemma"]);
    expect(r.equilibria).toEqual([[0, 0]]);
  });
  it('Deadlock ⇔ α̂ + W + E < 0', () => {
    const r = analyzeSubgame({ alphaHat: -2, W: 0.5, E: 0.5 }, { alphaHat: -1, W: 0.5, E: 1 });
    expect(r.types).toEqual(['Deadlock', "Prisoner's Dilemma"]);
    expect(r.notes.join(' ')).toMatch(/different games/);
  });
  it('W = E = 0 is "no interdependence", not Deadlock', () => {
    const r = analyzeSubgame({ alphaHat: -1, W: 0, E: 0 }, { alphaHat: -1, W: 0, E: 0 });
    expect(r.types).toEqual(['no interdependence', 'no interdependence']);
  });
  it('with complements Chicken and Leader cannot arise, and the notes say so', () => {
    const r = analyzeSubgame({ alphaHat: -1, W: 2, E: 0.1 }, { alphaHat: 0.3, W: 0.1, E: 0.1 });
    expect(r.notes.join(' ')).toMatch(/Chicken and Leader cannot arise/);
  });
});
