#!/usr/bin/env node
/**
 * Sweep benchmarks (`npm run bench`; never part of `npm test`). Runs on the
 * compiled dist/ and prints medians:
 *   1. least + greatest equilibrium solves per second on one core (fast
 *      recompile at each point + both extremal equilibria), beside the
 *      straightforward path (compileScenario + extremalEquilibria);
 *   2. QRE solves per second (least logit QRE + exact tally distribution);
 *   3. a 1,000,000-point sweep on 2 workers: wall time and peak RSS;
 *   4. the same sweep's speed-up from 1 to 2 workers.
 * Options: --quick (smaller sizes), --scenario FILE, --points N.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dist, fmt, median, option, printMachine, quick, root, runMeasured } from './common.js';
import { syntheticScenarioFile } from './synthetic-scenario.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'signatory-bench-'));
const baseline = path.join(root, 'scenarios', 'a-coruna-2026.yaml');
const scenarioFile = option('--scenario', existsSync(baseline) ? baseline : syntheticScenarioFile(tmp, 85));
const points = Number(option('--points', quick ? 100_000 : 1_000_000));

const { loadScenario } = await dist('scenario/load.js');
const { pointModel, pointOutcome } = await dist('sweep/point-model.js');
const { compileScenario } = await dist('model/compile.js');
const { extremalEquilibria } = await dist('solve/nash.js');
const { fixedActions } = await dist('analysis/run.js');
const { withValues } = await dist('scenario/paths.js');

const scenario = loadScenario(scenarioFile);
const paths = ['declaration.verification', 'declaration.thresholdClarity'];
// USA and CHN on the baseline; the first two states of any other scenario (the synthetic one has neither).
const ids = scenario.states.map((s) => s.id);
const track = ['USA', 'CHN'].every((id) => ids.includes(id)) ? ['USA', 'CHN'] : ids.slice(0, 2);
printMachine(`signatory sweep benchmarks · ${scenario.name} (${scenario.states.length} states)`);

/** Solves per second of `solve(k)` over `seconds`, median of `rounds` rounds. */
function rate(solve, seconds, rounds) {
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    let k = 0;
    const start = performance.now();
    let now = start;
    while (now - start < seconds * 1000) {
      for (let b = 0; b < 256; b++) solve(k++);
      now = performance.now();
    }
    rates.push(k / ((now - start) / 1000));
  }
  return median(rates);
}

// 1. Least + greatest per core: a 101 × 101 grid over two declaration knobs, cycled.
const model = pointModel(scenario, paths, track);
const out = pointOutcome(track.length);
const at = (k) => {
  model.set(0, (k % 101) / 100);
  model.set(1, (Math.floor(k / 101) % 101) / 100);
};
rate((k) => (at(k), model.solve('nash', out)), 0.5, 1); // warm-up
const nashRate = rate((k) => (at(k), model.solve('nash', out)), quick ? 1 : 2, 5);
const fixed = fixedActions(scenario);
const simpleRate = rate(
  (k) => {
    const s = withValues(scenario, { [paths[0]]: (k % 101) / 100, [paths[1]]: (Math.floor(k / 101) % 101) / 100 });
    extremalEquilibria(compileScenario(s).game, fixed);
  },
  quick ? 0.5 : 1,
  3,
);
console.log(
  `least+greatest solves/s, 1 core:   ${fmt(nashRate)}  (aim ≥ 200,000; fast path: ${model.fast ? 'yes' : 'NO'})`,
);
console.log(
  `  straightforward path:            ${fmt(simpleRate)}  (withValues + compileScenario + extremalEquilibria; ${(nashRate / simpleRate).toFixed(1)}× slower)`,
);
// The same solver on 101 games compiled beforehand: the solve alone, without the per-point recompile.
{
  const { leastTally, greatestTally, tallyWorkspace } = await dist('solve/warm-nash.js');
  const games = Array.from(
    { length: 101 },
    (_, k) => compileScenario(withValues(scenario, { [paths[0]]: k / 100, [paths[1]]: ((k * 37) % 101) / 100 })).game,
  );
  const ws = tallyWorkspace(scenario.states.length);
  const solveOnly = rate(
    (k) => {
      const g = games[k % 101];
      leastTally(g, fixed, ws);
      greatestTally(g, fixed, ws);
    },
    quick ? 0.5 : 1,
    3,
  );
  console.log(`  solve alone (games precompiled): ${fmt(solveOnly)}  (the rest of a sweep point is the recompile)`);
}

// 2. QRE solves per second.
const qreRate = rate((k) => (at(k), model.solve('qre', out)), quick ? 1 : 2, 5);
console.log(
  `QRE solves/s, 1 core:              ${fmt(qreRate)}  (least logit QRE at λ = ${scenario.world.lambda} + exact tally distribution)`,
);

/** The sweep as a whole command: wall time and peak RSS (`runMeasured`). */
async function sweep(extra, out) {
  const side = Math.round(Math.sqrt(points));
  const argv = [
    'sweep',
    scenarioFile,
    '--vary',
    `${paths[0]}=0:1:${side}`,
    '--vary',
    `${paths[1]}=0:1:${Math.round(points / side)}`,
    '--solver',
    'nash',
    '--track',
    track.join(','),
    '--out',
    out,
    ...extra,
  ];
  const { seconds, peak } = await runMeasured(argv);
  return { seconds, peak, rows: side * Math.round(points / side), argv: argv.join(' ') };
}

const mb = (b) => `${(b / 2 ** 20).toFixed(0)} MB`;
const two = await sweep(['--workers', '2'], path.join(tmp, 'two.csv'));
console.log(
  `\n${fmt(two.rows)}-point sweep, 2 workers:  ${two.seconds.toFixed(1)} s wall (${fmt(two.rows / two.seconds)} rows/s), peak RSS ${mb(two.peak)} (aim < 200 MB)`,
);
console.log(`  command: node dist/cli/main.js ${two.argv.replace(tmp + path.sep, '')}`);
const one = await sweep(['--workers', '1'], path.join(tmp, 'one.csv'));
console.log(`same sweep, 1 worker:              ${one.seconds.toFixed(1)} s wall, peak RSS ${mb(one.peak)}`);
console.log(
  `speed-up 1 → 2 workers:            ${(one.seconds / two.seconds).toFixed(2)}× (aim ≥ 1.7×; wall time includes start-up)`,
);
const same = readFileSync(path.join(tmp, 'one.csv')).equals(readFileSync(path.join(tmp, 'two.csv')));
console.log(`1- and 2-worker outputs identical:  ${same ? 'yes' : 'NO'}`);
if (!same) process.exitCode = 1;
rmSync(tmp, { recursive: true, force: true });
