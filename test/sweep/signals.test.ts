/**
 * A sweep stopped by SIGTERM (what Slurm and Kubernetes send on a timeout or
 * preemption) ends like one stopped by Ctrl-C: the rows in progress are
 * finished, the receipt says interrupted, the resume command is printed
 * (exit code 143) and resuming gives the same bytes (issue 13, item 7). A
 * design of more than LARGE_DESIGN_CELLS cells states its size and needs
 * --yes. The signal test runs a real process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDesignSize, LARGE_DESIGN_CELLS } from '../../src/cli/sweep-guards.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { cli as runCli, ROOT, spawnCli, type SpawnedCli } from '../cli/run-cli.js';

const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-signals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli(args, { cwd: dir });
const file = (name: string): string => path.join(dir, name);
const rowsIn = (name: string): number =>
  existsSync(file(name)) ? readFileSync(file(name), 'utf8').split('\n').length - 2 : -1;

// 40,000 rows of pure Nash.
const LONG_SWEEP = [
  CROWD,
  '--vary',
  'weights.momentum=0.5:1.5:200',
  '--vary',
  'weights.intercept=-0.2:0.2:200',
  '--solver',
  'nash',
  '--track',
  'S07',
];

/** Starts a sweep and lets it run in short slices until `partial` holds a row; resolves with it stopped (SIGSTOP). */
async function stoppedMidRun(args: string[], partial: string): Promise<SpawnedCli> {
  const run = spawnCli(args, { cwd: dir });
  run.child.kill('SIGSTOP');
  for (let slice = 0; slice < 3000; slice++) {
    run.child.kill('SIGCONT');
    await sleep(10);
    run.child.kill('SIGSTOP');
    if (run.child.exitCode !== null || run.child.signalCode !== null) break;
    if (rowsIn(partial) >= 1) return run;
  }
  run.child.kill('SIGKILL');
  const end = await run.done;
  throw new Error(`the sweep was not caught midway: ${end.code ?? end.signal}, ${rowsIn(partial)} rows\n${end.stderr}`);
}

describe('a sweep stopped by SIGTERM', () => {
  it('finishes the rows in progress, marks the receipt interrupted, exits 143 and resumes to the same bytes', async () => {
    const run = await stoppedMidRun(
      ['sweep', ...LONG_SWEEP, '--workers', '1', '--out', 'term.csv'],
      'term.csv.partial',
    );
    run.child.kill('SIGTERM');
    run.child.kill('SIGCONT');
    const stopped = await run.done;
    expect(stopped.signal, stopped.stderr).toBeNull();
    expect(stopped.code, stopped.stderr).toBe(143);
    const kept = rowsIn('term.csv.partial');
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(40_000);
    expect(stopped.stderr).toContain(`interrupted by SIGTERM after ${kept} of 40000 rows`);
    expect(stopped.stderr).toContain('--resume');
    expect(readFileSync(file('term.csv.partial'), 'utf8').endsWith('\n')).toBe(true);
    expect(JSON.parse(readFileSync(file('term.csv.meta.json'), 'utf8'))).toMatchObject({
      status: 'interrupted',
      endedAt: expect.any(String),
    });
    const resumed = await cli(['sweep', ...LONG_SWEEP, '--workers', '2', '--resume', '--out', 'term.csv']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const reference = await cli(['sweep', ...LONG_SWEEP, '--workers', '2']);
    expect(readFileSync(file('term.csv'), 'utf8')).toBe(reference.stdout);
  }, 120_000);
});

/** The pids of the children a process's main thread started (the sweep forks its workers there), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // the process has exited
  }
}
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// 1,280,000 rows of pure Nash on two workers: long enough to be caught midway, and for the main
// process to start a worker (it does when more than about a second of rows is left).
const TWO_WORKER_SWEEP = [
  CROWD,
  '--vary',
  'weights.momentum=0.5:1.5:1600',
  '--vary',
  'weights.intercept=-0.2:0.2:800',
  '--solver',
  'nash',
];

/** Starts the two-worker sweep into `out`; resolves once rows are written and the worker has started. */
async function runningWithWorker(out: string, options: { detached?: boolean } = {}) {
  const run = spawnCli(['sweep', ...TWO_WORKER_SWEEP, '--workers', '2', '--out', out], { cwd: dir, ...options });
  let workers: number[] = [];
  for (let wait = 0; wait < 3000 && run.child.exitCode === null; wait++) {
    workers = childrenOf(run.child.pid!);
    if (rowsIn(`${out}.partial`) >= 1 && workers.length > 0) break;
    await sleep(5);
  }
  expect(workers.length).toBe(1);
  return { run, workers };
}

/** The whole sweep on one worker, computed once for both tests. */
let reference: Promise<string> | undefined;
/** Resumes the stopped sweep in `out` on two workers and checks it gives the one-worker bytes. */
async function expectResumesToReference(out: string): Promise<void> {
  const resumed = await cli(['sweep', ...TWO_WORKER_SWEEP, '--workers', '2', '--resume', '--out', out]);
  expect(resumed.status, resumed.stderr).toBe(0);
  reference ??= cli(['sweep', ...TWO_WORKER_SWEEP, '--workers', '1']).then((r) => r.stdout);
  expect(readFileSync(file(out), 'utf8')).toBe(await reference);
}

describe('a sweep on two workers stopped by Ctrl-C', () => {
  it('SIGINT to the whole process group (a terminal Ctrl-C): the main process decides, exits 130, leaves no worker behind and resumes to the same bytes', async () => {
    const { run, workers } = await runningWithWorker('int.csv', { detached: true });
    // What a terminal does on Ctrl-C: the signal to every process of the foreground group.
    process.kill(-run.child.pid!, 'SIGINT');
    const stopped = await run.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('--resume');
    expect(stopped.stderr).not.toContain('worker exited');
    for (let wait = 0; wait < 200 && workers.some(alive); wait++) await sleep(10);
    expect(workers.filter(alive)).toEqual([]);
    const kept = rowsIn('int.csv.partial');
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(1_280_000);
    expect(JSON.parse(readFileSync(file('int.csv.meta.json'), 'utf8'))).toMatchObject({ status: 'interrupted' });
    await expectResumesToReference('int.csv');
  }, 120_000);
});

describe('a sweep on two workers stopped by a batch system', () => {
  it('SIGTERM to every process of the job, workers included (as Slurm sends it): exits 143 and resumes to the same bytes', async () => {
    const { run, workers } = await runningWithWorker('job.csv');
    // The worker first: its chunks go back to the main process, which then stops in its own time.
    for (const pid of workers) process.kill(pid, 'SIGTERM');
    run.child.kill('SIGTERM');
    const stopped = await run.done;
    expect(stopped.code, stopped.stderr).toBe(143);
    expect(stopped.stderr).not.toContain('worker exited');
    expect(JSON.parse(readFileSync(file('job.csv.meta.json'), 'utf8'))).toMatchObject({ status: 'interrupted' });
    await expectResumesToReference('job.csv');
  }, 120_000);
});

describe('a design larger than the threshold', () => {
  // 10^10 rows, as the example: a grid of five factors with 100 steps each.
  const HUGE = ['sweep', CROWD, '--solver', 'nash', '--out', 'huge.csv'];
  const factors = [
    'weights.momentum',
    'weights.intercept',
    'declaration.verification',
    'declaration.thresholdClarity',
    'world.raceIntensity',
  ];
  for (const f of factors) HUGE.push('--vary', `${f}=0:1:100`);

  it('states its size and needs --yes, before any file is written', async () => {
    const r = await cli(HUGE);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /the design has 10,000,000,000 rows × \d+ columns = [\d,]+ cells, more than 50,000,000: pass --yes to run it/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file('huge.csv.partial'))).toBe(false);
    expect(existsSync(file('huge.csv.meta.json'))).toBe(false);
  });

  it('the threshold is on cells, rows × columns, and --yes lifts it', async () => {
    expect(() => checkDesignSize(LARGE_DESIGN_CELLS / 10, 10, false)).not.toThrow();
    expect(() => checkDesignSize(LARGE_DESIGN_CELLS / 10 + 1, 10, false)).toThrow(UsageError);
    expect(() => checkDesignSize(LARGE_DESIGN_CELLS, 2, true)).not.toThrow();
    // The CLI counts the columns it writes: 6,250,004 rows of this design, × its columns, is over.
    const over = Math.floor(LARGE_DESIGN_CELLS / 8 / 4) + 1;
    const r = await cli([
      'sweep',
      CROWD,
      '--solver',
      'nash',
      '--vary',
      'weights.momentum=0:1:2',
      '--vary',
      'weights.intercept=0:1:2',
      '--vary',
      `declaration.verification=0:1:${over}`,
      '--out',
      'over.csv',
    ]);
    expect(r.status).toBe(2);
    const m = /the design has ([\d,]+) rows × (\d+) columns = ([\d,]+) cells/.exec(r.stderr);
    expect(m).not.toBeNull();
    const [rows, columns, cells] = [m![1], m![2], m![3]].map((x) => Number(x.replaceAll(',', '')));
    expect(rows).toBe(4 * over);
    expect(cells).toBe(rows * columns);
    expect(cells).toBeGreaterThan(LARGE_DESIGN_CELLS);
    const header = await cli([
      'sweep',
      CROWD,
      '--solver',
      'nash',
      '--vary',
      'weights.momentum=0:1:2',
      '--vary',
      'weights.intercept=0:1:2',
      '--vary',
      'declaration.verification=0:1:2',
    ]);
    expect(header.stdout.split('\n')[0].split(',')).toHaveLength(columns);
  });
});
