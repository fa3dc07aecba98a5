#!/usr/bin/env node
/**
 * Solver scaling (`npm run bench`; `node bench/scale.js [--quick]`): a game
 * of N states with a mean field and 3 sparse links each, N = 85, 850, 8,500
 * (and 10,000 unless --quick): the extremal pure equilibria, the QRE and the
 * exact tally distribution, timed (median of 5, with min and max) with the
 * heap in use afterwards. Two kinds of game:
 *   - supermodular (links ≥ 0): least and greatest equilibrium, least and
 *     greatest QRE (monotone iteration, sparse Newton above 400 states);
 *   - with negative links: round-robin best response, and the QRE traced
 *     by continuation from λ = 0 (matrix-free GMRES above 400 states).
 */
import { dist, median, quick } from './common.js';

const { makeGame } = await dist('solve/game.js');
const { extremalEquilibria } = await dist('solve/nash.js');
const { logitQre } = await dist('solve/qre.js');
const { poissonBinomial } = await dist('solve/tally.js');
const { randomStream } = await dist('random/stream.js');

function game(n, negative) {
  const u = randomStream(`scale/${n}/${negative}`).uniform;
  const a = Array.from({ length: n }, () => 2 * u() - 1.2);
  const m = Array.from({ length: n }, () => (negative ? 0.5 * u() : 1.5 * u()));
  const entries = [];
  for (let i = 0; i < n; i++)
    for (let t = 0; t < 3; t++) {
      const j = Math.floor(u() * n);
      if (j !== i) entries.push({ i, j, value: negative ? 1.2 * u() - 0.6 : 0.6 * u() });
    }
  return makeGame(a, m, entries);
}

function time(f) {
  const runs = [];
  let out;
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    out = f();
    runs.push(performance.now() - start);
  }
  const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  return { text: `${ms(median(runs))} ms [${ms(Math.min(...runs))}–${ms(Math.max(...runs))}]`, out };
}

const sizes = quick ? [85, 850, 8500] : [85, 850, 8500, 10000];
console.log('solver scaling · median of 5 [min–max] · λ = 4 · 3 links per state');
console.log('N       kind           extremal NE              QRE                      tally distribution       heap');
for (const negative of [false, true]) {
  for (const n of sizes) {
    const g = game(n, negative);
    globalThis.gc?.();
    const ne = time(() => extremalEquilibria(g));
    const qre = time(() => logitQre(g, 4));
    const tally = time(() => poissonBinomial(qre.out.least.p));
    const heap = process.memoryUsage().heapUsed / 2 ** 20;
    const ok = qre.out.least.converged && qre.out.greatest.converged ? '' : ' (QRE not converged)';
    console.log(
      `${String(n).padEnd(8)}${(negative ? 'negative links' : 'supermodular').padEnd(15)}${ne.text.padEnd(25)}${qre.text.padEnd(25)}${tally.text.padEnd(25)}${heap.toFixed(0)} MB${ok}`,
    );
  }
}
