#!/usr/bin/env node
/**
 * Rosters of 85, 850 and 8,500 states (`npm run bench`; `node
 * bench/scale-sweep.js [--quick]`): the synthetic roster of
 * synthetic-scenario.js at each size, written as JSON, and for each the
 * whole commands `run`, a 1,000-point nash sweep and a 1,000-point QRE sweep
 * on 2 workers: wall time (median of 3, or 1 with --quick) and the peak
 * resident memory of the process and its worker threads (VmHWM).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, quick, runMeasured } from './common.js';
import { syntheticScenarioFile } from './synthetic-scenario.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'signatory-scale-'));

async function figure(args) {
  const runs = [];
  for (let r = 0; r < (quick ? 1 : 3); r++) runs.push(await runMeasured(args));
  return {
    seconds: median(runs.map((r) => r.seconds)),
    peak: Math.max(...runs.map((r) => r.peak)),
  };
}

const show = (f) => `${f.seconds.toFixed(2)} s, ${(f.peak / 2 ** 20).toFixed(0)} MB`;
console.log(`roster scaling · whole commands, median of ${quick ? 1 : 3} · peak RSS of the process and its workers`);
console.log('states  run                       1,000-point nash sweep    1,000-point QRE sweep');
for (const n of [85, 850, 8500]) {
  const dir = mkdtempSync(path.join(tmp, `n${n}-`));
  const file = syntheticScenarioFile(dir, n);
  const sweep = (solver) => [
    'sweep',
    file,
    '--vary',
    'declaration.verification=0:1:999',
    '--solver',
    solver,
    '--workers',
    '2',
    '--out',
    path.join(dir, `${solver}.csv`),
    '--force',
  ];
  const run = await figure(['run', file]);
  const nash = await figure(sweep('nash'));
  const qre = await figure(sweep('qre'));
  console.log(`${String(n).padEnd(8)}${show(run).padEnd(26)}${show(nash).padEnd(26)}${show(qre)}`);
}
rmSync(tmp, { recursive: true, force: true });
