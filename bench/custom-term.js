#!/usr/bin/env node
/**
 * Cost of a custom term in a sweep, against the same term built in (the aim:
 * at most 2× slower). Never part of `npm test`;
 * run on the compiled dist/ after `npm run build`:
 *
 *   node bench/custom-term.js [--quick] [--points N] [--rounds R] [--solver nash|qre|both]
 *
 * Two scenarios derived from scenarios/a-coruna-2026.yaml:
 *   A  as is (built-in `exposure`);
 *   B  the same with weights.exposure: 0 and a custom term `exposureCustom`,
 *      `-(threat * bindingness) * (1 - assurance * rivalShare)`, with A's
 *      exposure weight.
 * It checks that both give the same sweep output on a small grid, then times
 * (1) per-point recompile + solve through pointModel (as bench/run.js §1) and
 * (2) a real `signatory sweep` of N points on 1 worker, A and B in
 * alternating rounds, and prints the ratio B/A (median over rounds).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dist, fmt, median, option, quick, root } from './common.js';

const points = Number(option('--points', quick ? 50_000 : 200_000));
const rounds = Number(option('--rounds', quick ? 3 : 5));
const solver = option('--solver', 'nash');

const { loadScenario } = await dist('scenario/load.js');
const { pointModel, pointOutcome } = await dist('sweep/point-model.js');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'signatory-custom-term-'));
const baseline = path.join(root, 'scenarios', 'a-coruna-2026.yaml');
const parent = JSON.stringify(path.relative(tmp, baseline));
const exposureWeight = loadScenario(baseline).weights.exposure;
const EXPRESSION = '-(threat * bindingness) * (1 - assurance * rivalShare)';
const fileA = path.join(tmp, 'a-builtin.yaml');
const fileB = path.join(tmp, 'b-custom.yaml');
writeFileSync(fileA, `name: A (built-in exposure)\nextends: ${parent}\n`);
writeFileSync(
  fileB,
  [
    'name: B (exposure as a custom term)',
    `extends: ${parent}`,
    'terms:',
    '  - id: exposureCustom',
    '    label: First-mover security exposure (custom)',
    `    expression: "${EXPRESSION}"`,
    `    weight: ${exposureWeight}`,
    'weights:',
    '  exposure: 0',
    '',
  ].join('\n'),
);
const A = loadScenario(fileA);
const B = loadScenario(fileB);

console.log(
  `custom-term cost · ${A.name} vs ${B.name} · ${A.states.length} states · node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}`,
);
console.log(`B: weights.exposure = 0, exposureCustom = ${EXPRESSION}, weight ${exposureWeight}`);
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}\n`,
);

/** Runs `signatory sweep FILE …` and resolves with its wall time in seconds. */
function sweep(file, vary, extra, out) {
  return new Promise((resolve, reject) => {
    const argv = [
      path.join(root, 'dist', 'cli', 'main.js'),
      'sweep',
      file,
      ...vary.flatMap((v) => ['--vary', v]),
      '--track',
      'USA,CHN',
      '--out',
      out,
      ...extra,
    ];
    const start = performance.now();
    const child = spawn(process.execPath, argv, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sweep exited with ${code}: ${stderr}`));
      resolve({
        seconds: (performance.now() - start) / 1000,
        command: `node ${argv
          .slice(1)
          .map((a) => a.replace(tmp + path.sep, ''))
          .join(' ')}`,
      });
    });
  });
}

// 0. Same output: a small grid over the knobs exposure reads (verification, enforcement) and the race.
{
  const vary = ['declaration.verification=0:1:9', 'declaration.enforcement=0:1:9', 'world.raceIntensity=0:1:5'];
  const outA = path.join(tmp, 'check-a.csv');
  const outB = path.join(tmp, 'check-b.csv');
  await sweep(fileA, vary, ['--solver', 'both', '--workers', '1'], outA);
  await sweep(fileB, vary, ['--solver', 'both', '--workers', '1'], outB);
  const same = readFileSync(outA).equals(readFileSync(outB));
  const rows = readFileSync(outA, 'utf8').trim().split('\n').length - 1;
  console.log(`same sweep output (${rows} points, --solver both):  ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

// 1. Per-point recompile + solve: a 101 × 101 grid over two declaration knobs, cycled (bench/run.js §1).
const paths = ['declaration.verification', 'declaration.thresholdClarity'];
const models = [A, B].map((s) => pointModel(s, paths, ['USA', 'CHN']));
console.log(`fast path: A ${models[0].fast ? 'yes' : 'no'}, B ${models[1].fast ? 'yes' : 'no'}`);
const out = pointOutcome(2);
/** Points per second of set + solve over `seconds`. */
function rate(model, seconds) {
  let k = 0;
  const start = performance.now();
  let now = start;
  while (now - start < seconds * 1000) {
    for (let b = 0; b < 256; b++, k++) {
      model.set(0, (k % 101) / 100);
      model.set(1, (Math.floor(k / 101) % 101) / 100);
      model.solve(solver, out);
    }
    now = performance.now();
  }
  return k / ((now - start) / 1000);
}
for (const m of models) rate(m, 0.3); // warm-up
const perPoint = { A: [], B: [], ratio: [] };
for (let r = 0; r < rounds; r++) {
  const a = rate(models[0], quick ? 0.5 : 1);
  const b = rate(models[1], quick ? 0.5 : 1);
  perPoint.A.push(a);
  perPoint.B.push(b);
  perPoint.ratio.push(a / b); // time ratio B/A = rate A / rate B
}
console.log(`\nper point (recompile + ${solver} solve, 1 core, median of ${rounds} rounds):`);
console.log(`  A built-in:  ${fmt(median(perPoint.A))} points/s  (${(1e6 / median(perPoint.A)).toFixed(2)} µs/point)`);
console.log(`  B custom:    ${fmt(median(perPoint.B))} points/s  (${(1e6 / median(perPoint.B)).toFixed(2)} µs/point)`);
console.log(
  `  time ratio B/A: ${median(perPoint.ratio).toFixed(2)}×  (rounds: ${perPoint.ratio.map((x) => x.toFixed(2)).join(', ')})`,
);

// 2. A real sweep on 1 worker.
{
  const side = Math.round(Math.sqrt(points));
  const vary = [`${paths[0]}=0:1:${side}`, `${paths[1]}=0:1:${Math.round(points / side)}`];
  const rows = side * Math.round(points / side);
  const times = { A: [], B: [], ratio: [] };
  let command = '';
  for (let r = 0; r < rounds; r++) {
    const a = await sweep(fileA, vary, ['--solver', solver, '--workers', '1'], path.join(tmp, 'a.csv'));
    const b = await sweep(fileB, vary, ['--solver', solver, '--workers', '1'], path.join(tmp, 'b.csv'));
    times.A.push(a.seconds);
    times.B.push(b.seconds);
    times.ratio.push(b.seconds / a.seconds);
    command = b.command;
  }
  const same = readFileSync(path.join(tmp, 'a.csv')).equals(readFileSync(path.join(tmp, 'b.csv')));
  console.log(
    `\n${fmt(rows)}-point sweep, --solver ${solver}, 1 worker (wall time incl. start-up, median of ${rounds} rounds):`,
  );
  console.log(`  A built-in:  ${median(times.A).toFixed(2)} s  (${fmt(rows / median(times.A))} rows/s)`);
  console.log(`  B custom:    ${median(times.B).toFixed(2)} s  (${fmt(rows / median(times.B))} rows/s)`);
  console.log(
    `  time ratio B/A: ${median(times.ratio).toFixed(2)}×  (rounds: ${times.ratio.map((x) => x.toFixed(2)).join(', ')}); outputs identical: ${same ? 'yes' : 'NO'}`,
  );
  console.log(`  command (B): ${command}`);
}
rmSync(tmp, { recursive: true, force: true });
