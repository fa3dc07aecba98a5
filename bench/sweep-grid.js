#!/usr/bin/env node
/**
 * The sweep figures of the performance work, on the 85-state baseline
 * (`npm run bench`; `node bench/sweep-grid.js [--runs N] [--quick]`):
 *   1. the 200,000-point nash grid over verification × enforcement × race
 *      intensity as a whole command, 1 and 2 workers: median, min and max
 *      wall time of N runs, µs per point, the 1 → 2 speed-up, and whether 1
 *      and 2 workers and 3 shards give the same bytes;
 *   2. the same grid's inner loop in-process (set the inputs, recompile,
 *      both extremal equilibria), µs per point;
 *   3. a 20,000-point QRE grid as a whole command (1 and 2 workers) and its
 *      inner loop, with the calls to Math.exp per point;
 *   4. the machine's speed: one dependent multiply-add pass over 85 doubles.
 * The runs of each command are interleaved with the others', so a change in
 * the machine's load touches them alike.
 *
 * `--before DIR`: DIR holds an earlier release, built (DIR/dist/cli/main.js,
 * e.g. `git worktree add DIR REV && cd DIR && npm ci && npm run build`). The
 * whole commands then run on both, interleaved run by run, and the bench
 * prints each ratio with the performance targets of the sweep work (issue
 * 14: about 4× the nash grid on one worker, 2 workers ≥ 1.8× one, the QRE
 * grid ≥ 4×), and whether the outputs of the two releases are identical.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dist, fmt, median, option, printMachine, quick, root, runMeasured } from './common.js';

const runs = Number(option('--runs', quick ? 3 : 5));
const before = option('--before', undefined);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'signatory-grid-'));
const baseline = path.join(root, 'scenarios', 'a-coruna-2026.yaml');
const NASH = [
  '--vary',
  'declaration.verification=0:1:100',
  '--vary',
  'declaration.enforcement=0:1:50',
  '--vary',
  `world.raceIntensity=0:1:${quick ? 10 : 40}`,
  '--solver',
  'nash',
];
const QRE = [
  '--vary',
  'declaration.verification=0:1:100',
  '--vary',
  `world.raceIntensity=0:1:${quick ? 50 : 200}`,
  '--solver',
  'qre',
];
const points = (spec) =>
  spec.filter((a) => a.includes('=0:1:')).reduce((acc, a) => acc * Number(a.slice(a.lastIndexOf(':') + 1)), 1);

printMachine(`signatory sweep grid benchmarks · ${runs} runs each`);

const stats = (xs) =>
  `median ${median(xs).toFixed(2)} s (min ${Math.min(...xs).toFixed(2)}, max ${Math.max(...xs).toFixed(2)})`;

/** Medians of the whole commands on the earlier release (`--before`), by label and worker count. */
const beforeMedians = new Map();

/**
 * Times `node dist/cli/main.js sweep BASELINE SPEC --workers W` for each W, interleaved, `runs`
 * times; with `--before`, each run is followed by the same command on the earlier release.
 */
async function wholeCommand(spec, workers, label) {
  const n = points(spec);
  const times = new Map(workers.map((w) => [w, []]));
  const peaks = new Map(workers.map((w) => [w, 0]));
  const older = new Map(workers.map((w) => [w, []]));
  const command = (w, out) => ['sweep', baseline, ...spec, '--workers', String(w), '--out', out, '--force'];
  for (let r = 0; r < runs; r++)
    for (const w of workers) {
      const { seconds, peak } = await runMeasured(command(w, path.join(tmp, `${label}-${w}.csv`)));
      times.get(w).push(seconds);
      peaks.set(w, Math.max(peaks.get(w), peak));
      if (before)
        older.get(w).push((await runMeasured(command(w, path.join(tmp, `before-${label}-${w}.csv`)), before)).seconds);
    }
  console.log(
    `${fmt(n)}-point ${label} grid, whole command (node dist/cli/main.js sweep ${path.relative(root, baseline)} ${spec.join(' ')} --workers W):`,
  );
  for (const w of workers)
    console.log(
      `  ${w} worker${w > 1 ? 's' : ' '}: ${stats(times.get(w))}, ${((median(times.get(w)) / n) * 1e6).toFixed(1)} µs per point, peak RSS ${(peaks.get(w) / 2 ** 20).toFixed(0)} MB`,
    );
  if (workers.length > 1)
    console.log(`  speed-up 1 → 2 workers: ${(median(times.get(1)) / median(times.get(2))).toFixed(2)}× (medians)`);
  const one = readFileSync(path.join(tmp, `${label}-1.csv`));
  const same = workers.every((w) => readFileSync(path.join(tmp, `${label}-${w}.csv`)).equals(one));
  console.log(`  outputs identical for ${workers.join(' and ')} workers: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
  if (before) {
    for (const w of workers) {
      beforeMedians.set(`${label}-${w}`, median(older.get(w)));
      console.log(
        `  before (${before}), ${w} worker${w > 1 ? 's' : ' '}: ${stats(older.get(w))}; now / before ${(median(times.get(w)) / median(older.get(w))).toFixed(2)}`,
      );
    }
    const identical = readFileSync(path.join(tmp, `before-${label}-1.csv`)).equals(one);
    console.log(`  outputs identical to the earlier release's: ${identical ? 'yes' : 'no'}`);
  }
  return { one, medians: new Map(workers.map((w) => [w, median(times.get(w))])) };
}

const nash = await wholeCommand(NASH, [1, 2], 'nash');
const nashOne = nash.one;
{
  // Three shards, concatenated in order (headers dropped after the first), give the same bytes.
  const parts = [];
  for (let k = 1; k <= 3; k++) {
    const out = path.join(tmp, `shard-${k}.csv`);
    await runMeasured(['sweep', baseline, ...NASH, '--workers', '2', '--shard', `${k}/3`, '--out', out]);
    parts.push(readFileSync(out, 'utf8'));
  }
  const rows = (text) => text.split('\n').slice(1).filter(Boolean);
  const merged = parts
    .flatMap(rows)
    .sort((x, y) => Number(x.slice(0, x.indexOf(','))) - Number(y.slice(0, y.indexOf(','))));
  const same = merged.join('\n') === rows(nashOne.toString('utf8')).join('\n');
  console.log(`  3 shards, rows merged by index, identical to 1 worker: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

// The inner loop in-process: what a row costs before formatting and writing.
const { loadScenario } = await dist('scenario/load.js');
const { pointModel, pointOutcome } = await dist('sweep/point-model.js');
const scenario = loadScenario(baseline);

function innerLoop(spec, solver) {
  const factors = spec
    .filter((a) => a.includes('=0:1:'))
    .map((a) => {
      const [p, range] = a.split('=');
      return { path: p, steps: Number(range.slice(range.lastIndexOf(':') + 1)) };
    });
  const model = pointModel(
    scenario,
    factors.map((f) => f.path),
    ['USA', 'CHN'],
  );
  const out = pointOutcome(2);
  const n = factors.reduce((acc, f) => acc * f.steps, 1);
  const pass = () => {
    for (let k = 0; k < n; k++) {
      let rest = k;
      for (let j = factors.length - 1; j >= 0; j--) {
        const s = factors[j].steps;
        model.set(j, (rest % s) / (s - 1));
        rest = Math.floor(rest / s);
      }
      model.solve(solver, out);
    }
  };
  pass(); // warm-up
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    pass();
    times.push((performance.now() - start) / 1000);
  }
  return { n, perPoint: (median(times) / n) * 1e6, pass };
}

const nashInner = innerLoop(NASH, 'nash');
console.log(
  `  inner loop in-process (set, recompile, least + greatest): ${nashInner.perPoint.toFixed(2)} µs per point (median)`,
);

console.log('');
const qre = await wholeCommand(QRE, [1, 2], 'qre');
const qreInner = innerLoop(QRE, 'qre');
{
  const exp = Math.exp;
  let calls = 0;
  Math.exp = (x) => (calls++, exp(x));
  qreInner.pass();
  Math.exp = exp;
  console.log(
    `  inner loop in-process (least QRE + exact tally distribution): ${qreInner.perPoint.toFixed(1)} µs per point (median), ${(calls / qreInner.n).toFixed(0)} calls to Math.exp per point`,
  );
}

// The targets of the sweep work (issue 14), as ratios within this run.
const target = (what, value, goal, met) =>
  console.log(`  ${what}: ${value} (target ${goal}): ${met ? 'met' : 'not met'}`);
console.log('\ntargets:');
target(
  'nash grid, whole command, 1 worker',
  `${((nash.medians.get(1) / points(NASH)) * 1e6).toFixed(1)} µs per point`,
  '≤ 3.5 µs per point on the machine that set it',
  (nash.medians.get(1) / points(NASH)) * 1e6 <= 3.5,
);
target(
  'nash grid, 2 workers against 1',
  `${(nash.medians.get(1) / nash.medians.get(2)).toFixed(2)}×`,
  '≥ 1.8×',
  nash.medians.get(1) / nash.medians.get(2) >= 1.8,
);
target('nash inner loop', `${nashInner.perPoint.toFixed(2)} µs per point`, '≤ 2 µs', nashInner.perPoint <= 2);
if (before) {
  const speedUp = (label) => beforeMedians.get(`${label}-1`) / (label === 'nash' ? nash : qre).medians.get(1);
  target(
    'nash grid, 1 worker, against the earlier release',
    `${speedUp('nash').toFixed(2)}×`,
    'about 4×',
    speedUp('nash') >= 3.8,
  );
  target(
    'QRE grid, 1 worker, against the earlier release',
    `${speedUp('qre').toFixed(2)}×`,
    '≥ 4×',
    speedUp('qre') >= 4,
  );
}
rmSync(tmp, { recursive: true, force: true });
