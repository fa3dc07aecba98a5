/**
 * `signatory sweep` and `signatory merge` through the CLI, comparing the
 * files they write byte for byte. Sweeps run their real worker threads;
 * the two runs stopped by a signal are real processes.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli as runCli, ROOT, spawnCli, type SpawnedCli } from '../cli/run-cli.js';

const STAG = path.join(ROOT, 'test', 'sweep', 'fixtures', 'uncertain-stag-hunt.yaml');
const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in this process, in the test's folder. */
const cli = (args: string[]) => runCli(args, { cwd: dir });

const file = (name: string): string => path.join(dir, name);
const bytes = (name: string): Buffer => readFileSync(file(name));
/** Complete rows (lines ended by a newline) after the header. */
const rowsIn = (name: string): number => (existsSync(file(name)) ? bytes(name).toString().split('\n').length - 2 : -1);

/**
 * Starts a sweep as a real process and lets it run only in short slices
 * (SIGCONT … SIGSTOP) until `partial` holds a first row. Resolves with the
 * process stopped: whatever signal comes next arrives mid-run, however
 * fast or loaded the machine.
 */
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
const STAG_SWEEP = [
  'sweep',
  STAG,
  '--vary',
  'declaration.enforcement=0:1:6',
  '--vary',
  'declaration.thresholdClarity=0:1:5',
  '--replications',
  '4',
  '--track',
  'RED,BLU',
];
// 40,000 rows of pure Nash, about a second on one worker.
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

describe('signatory sweep', () => {
  it('writes the same bytes with 1 and 2 workers, rows in point order', async () => {
    const [one, two] = await Promise.all([
      cli([...STAG_SWEEP, '--out', 'w1.csv', '--workers', '1']),
      cli([...STAG_SWEEP, '--out', 'w2.csv', '--workers', '2']),
    ]);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(bytes('w1.csv').equals(bytes('w2.csv'))).toBe(true);
    const lines = bytes('w1.csv').toString().trim().split('\n');
    expect(lines[0]).toBe(
      // The drawn uncertain inputs are recorded after the design's (--record-draws, on by default).
      'index,point,replication,declaration.enforcement,declaration.thresholdClarity,declaration.verification,world.raceIntensity,seed,least,greatest,qre_mean,p_majority,RED.least,RED.greatest,RED.p,BLU.least,BLU.greatest,BLU.p',
    );
    expect(lines).toHaveLength(1 + 6 * 5 * 4);
    lines.slice(1).forEach((line, k) => expect(line.startsWith(`${k},${Math.floor(k / 4)},${k % 4},`)).toBe(true));
    // Replications draw different inputs: not every replication of a point agrees.
    expect(new Set(lines.slice(1).map((l) => l.split(',').slice(10, 12).join())).size).toBeGreaterThan(10);
    const meta = JSON.parse(bytes('w1.csv.meta.json').toString());
    expect(meta).toMatchObject({ status: 'complete', seed: 1, totalRows: 120, rows: 120 });
    expect(meta.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.command[0]).toBe('sweep');
    expect(existsSync(file('w1.csv.partial'))).toBe(false);
  });

  it('writes the same bytes run whole and run as 3 shards then merged (JSON Lines, Latin hypercube)', async () => {
    const lhs = [
      'sweep',
      STAG,
      '--vary',
      'declaration.enforcement=0:1',
      '--vary',
      'world.raceShock=0:0.5',
      '--lhs',
      '50',
      '--seed',
      '42',
      '--workers',
      '1',
    ];
    const runs = await Promise.all([
      cli([...lhs, '--out', 'whole.jsonl']),
      ...[1, 2, 3].map((k) => cli([...lhs, '--shard', `${k}/3`, '--out', `part-${k}.jsonl`])),
    ]);
    runs.forEach((r) => expect(r.status, r.stderr).toBe(0));
    const merged = await cli(['merge', 'part-1.jsonl', 'part-2.jsonl', 'part-3.jsonl', '--out', 'merged.jsonl']);
    expect(merged.status, merged.stderr).toBe(0);
    expect(bytes('merged.jsonl').equals(bytes('whole.jsonl'))).toBe(true);
    const rows = bytes('whole.jsonl')
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(50);
    expect(rows[7]).toMatchObject({ index: 7, point: 7, replication: 0 });
    expect(JSON.parse(bytes('merged.jsonl.meta.json').toString()).plan.shard).toEqual({ index: 1, count: 1 });
  });

  it('refuses a merge with missing or duplicated rows, naming them, and writes nothing', async () => {
    const grid = ['sweep', CROWD, '--vary', 'declaration.verification=0:1:10', '--solver', 'nash', '--workers', '1'];
    const parts = await Promise.all([1, 2, 3].map((k) => cli([...grid, '--shard', `${k}/3`, '--out', `g-${k}.csv`])));
    parts.forEach((r) => expect(r.status, r.stderr).toBe(0));
    const missing = await cli(['merge', 'g-1.csv', 'g-3.csv', '--out', 'g.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing rows 1, 4, 7\b/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const duplicated = await cli(['merge', 'g-1.csv', 'g-2.csv', 'g-3.csv', 'g-2.csv', '--out', 'g.csv']);
    expect(duplicated.status).toBe(2);
    expect(duplicated.stderr).toMatch(/duplicated rows 1, 4, 7\b/);
    expect(existsSync(file('g.csv'))).toBe(false);
    expect(existsSync(file('g.csv.partial'))).toBe(false);
    // An interrupted run's rows at OUT.partial are neither overwritten nor removed.
    writeFileSync(file('kept.csv.partial'), 'rows of an interrupted run\n');
    const over = await cli(['merge', 'g-1.csv', 'g-2.csv', 'g-3.csv', '--out', 'kept.csv']);
    expect(over.status).toBe(2);
    expect(over.stderr).toContain('kept.csv.partial');
    expect(bytes('kept.csv.partial').toString()).toBe('rows of an interrupted run\n');
    const nowhere = await cli(['merge', 'g-1.csv', 'g-2.csv', 'g-3.csv', '--out', 'nowhere/g.csv']);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('folder');
    expect(nowhere.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad --vary path in one line naming it, exit 2, no file', async () => {
    const r = await cli(['sweep', CROWD, '--vary', 'declaration.verifcation=0:1:3', '--out', 'bad.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('declaration.verifcation');
    expect(r.stderr).toContain('did you mean "declaration.verification"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const range = await cli(['sweep', CROWD, '--vary', 'declaration.verification=0:2:3', '--out', 'bad.csv']);
    expect(range.status).toBe(2);
    expect(range.stderr).toContain('declaration.verification');
    const values = await cli([
      'sweep',
      CROWD,
      '--vary',
      'declaration.verification=0:1:3',
      '--workers',
      'two',
      '--out',
      'bad.csv',
    ]);
    expect(values.status).toBe(2);
    expect(values.stderr).toContain('--workers');
    const track = await cli(['sweep', CROWD, '--track', 'S07,S07', '--out', 'bad.csv']);
    expect(track.status).toBe(2);
    expect(track.stderr).toContain('--track S07 is given twice');
    expect(existsSync(file('bad.csv'))).toBe(false);
    expect(existsSync(file('bad.csv.partial'))).toBe(false);
  });

  it('refuses a custom term that turns non-linear at a swept value in one line, exit 2, naming the row', async () => {
    const nonlinear = path.join(ROOT, 'test', 'sweep', 'fixtures', 'nonlinear-when-swept.yaml');
    const r = await cli([
      'sweep',
      nonlinear,
      '--vary',
      'declaration.verification=0:1:3',
      '--workers',
      '2',
      '--out',
      'nonlinear.csv',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row 1: custom term "odd" is not linear/);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(file('nonlinear.csv'))).toBe(false);
  });

  it('resumes a run killed midway (SIGKILL, torn last row) to the same bytes as an uninterrupted run', async () => {
    const reference = cli(['sweep', ...LONG_SWEEP, '--workers', '2', '--out', 'long-ref.csv']);
    const run = await stoppedMidRun(
      ['sweep', ...LONG_SWEEP, '--workers', '1', '--out', 'long.csv'],
      'long.csv.partial',
    );
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(file('long.csv'))).toBe(false);
    expect(rowsIn('long.csv.partial')).toBeGreaterThanOrEqual(1);
    expect(rowsIn('long.csv.partial')).toBeLessThan(40_000);
    // A row torn by the kill: no newline, so it is not taken as complete.
    appendFileSync(file('long.csv.partial'), '39999,199,0,1.5');
    const refused = await cli(['sweep', ...LONG_SWEEP, '--seed', '7', '--resume', '--out', 'long.csv']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/cannot resume .*design/);
    const again = await cli(['sweep', ...LONG_SWEEP, '--out', 'long.csv']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--resume');
    const resumed = await cli(['sweep', ...LONG_SWEEP, '--workers', '2', '--resume', '--out', 'long.csv']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect((await reference).status).toBe(0);
    expect(bytes('long.csv').equals(bytes('long-ref.csv'))).toBe(true);
    const meta = JSON.parse(bytes('long.csv.meta.json').toString());
    expect(meta.status).toBe('complete');
    expect(meta.resumedAt).toHaveLength(1);
  }, 120_000);

  it('stops cleanly on Ctrl-C (SIGINT) midway, prints the resume command, and resumes to the same bytes', async () => {
    const run = await stoppedMidRun(['sweep', ...LONG_SWEEP, '--workers', '1', '--out', 'int.csv'], 'int.csv.partial');
    run.child.kill('SIGINT');
    run.child.kill('SIGCONT');
    const stopped = await run.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    // The rows in flight when the signal came are finished and kept; the run stops well short of the end.
    const kept = rowsIn('int.csv.partial');
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(40_000);
    expect(stopped.stderr).toContain(`interrupted after ${kept} of 40000 rows`);
    expect(stopped.stderr).toContain('--resume');
    expect(bytes('int.csv.partial').toString().endsWith('\n')).toBe(true);
    expect(existsSync(file('int.csv'))).toBe(false);
    expect(JSON.parse(bytes('int.csv.meta.json').toString())).toMatchObject({
      status: 'interrupted',
      endedAt: expect.any(String),
    });
    // The printed command is pasted into a shell as it is, with the binary standing in for `signatory`.
    const hint = /Resume with:\n {2}(signatory sweep .*)\n/.exec(stopped.stderr)?.[1];
    expect(hint).toBeDefined();
    execFileSync('sh', ['-c', `signatory() { "${process.execPath}" "${BIN}" "$@"; }; ${hint}`], {
      cwd: dir,
      stdio: 'pipe',
    });
    const reference = await cli(['sweep', ...LONG_SWEEP, '--workers', '2']);
    expect(bytes('int.csv').toString()).toBe(reference.stdout);
  }, 120_000);
});
