/** The fast recompiler's check against compileScenario, shared by its tests. */
import { expect } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { isSupermodular } from '../../src/solve/game.js';
import type { Scenario } from '../../src/model/scenario.js';
import type { compiler as fastCompiler } from '../../src/model/compile.js';

/** ±0 compare equal: a skipped zero-weight term may leave −0 where compileScenario has +0. */
const plain = (x: Float64Array): number[] => Array.from(x, (v) => v + 0);

/**
 * Recompiles and expects the same a, m and B (both orientations) as compileScenario of `target`, bit for
 * bit, and the compiler's supermodular flag to be isSupermodular of that game.
 */
export function expectSameGame(compiler: ReturnType<typeof fastCompiler>, target: Scenario): void {
  compiler.recompile();
  const reference = compileScenario(target).game;
  expect(plain(compiler.game.a)).toEqual(plain(reference.a));
  expect(plain(compiler.game.m)).toEqual(plain(reference.m));
  expect(plain(compiler.game.val)).toEqual(plain(reference.val));
  expect(plain(compiler.game.tval)).toEqual(plain(reference.tval));
  expect(compiler.supermodular()).toBe(isSupermodular(reference));
}
