/**
 * docs/cluster.md runs as written: its Slurm array script and Kubernetes
 * Indexed Job script run here for every task, with the shard variables set
 * by hand and a small design in place of the DESIGN line; the merge
 * commands then join the parts into the bytes of one unsharded run. Real
 * processes (bash and sh, node dist/cli/main.js), as on a cluster.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from '../cli/run-cli.js';

const DOC = readFileSync(path.join(ROOT, 'docs', 'cluster.md'), 'utf8');
const blocks = [...DOC.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
const block = (lang: string, marker: string): string => {
  const found = blocks.find((b) => b.lang === lang && b.text.includes(marker));
  if (!found) throw new Error(`docs/cluster.md has no ${lang} block with ${marker}`);
  return found.text;
};

const SCENARIO = 'test/sweep/fixtures/uncertain-stag-hunt.yaml';
const DESIGN = '--vary declaration.enforcement=0:1:5 --vary world.raceShock=0:1:4 --replications 3 --track RED';

/** The script with the scenario and design lines set to the small test design (nothing else changed). */
function small(script: string): string {
  const lines = script.split('\n');
  const at = (name: string): number => lines.findIndex((l) => l.trim().startsWith(`${name}=`));
  for (const name of ['SCENARIO', 'DESIGN']) expect(at(name), `${name}= line`).toBeGreaterThanOrEqual(0);
  const indent = (l: string): string => l.slice(0, l.length - l.trimStart().length);
  lines[at('SCENARIO')] = `${indent(lines[at('SCENARIO')])}SCENARIO=${SCENARIO}`;
  lines[at('DESIGN')] = `${indent(lines[at('DESIGN')])}DESIGN="${DESIGN}"`;
  return lines.join('\n');
}

/** A project folder as a task sees it: the built program, the scenarios, nothing built per task. */
function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-cluster-'));
  for (const name of ['dist', 'node_modules', 'scenarios', 'test', 'package.json'])
    symlinkSync(path.join(ROOT, name), path.join(dir, name));
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function unsharded(cwd: string): Promise<Buffer> {
  const r = await cli(['sweep', SCENARIO, ...DESIGN.split(' '), '--out', 'whole.csv', '--workers', '1'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(path.join(cwd, 'whole.csv'));
}

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, CI: '1', ...extra });

describe('docs/cluster.md', () => {
  it('never runs npx per task: the built program', () => {
    for (const b of blocks) expect(b.text).not.toMatch(/\bnpx\b/);
    expect(block('sh', '#SBATCH')).toContain('node dist/cli/main.js sweep');
  });

  it('the Slurm array script and merge, run for every task with the array variables set by hand', async () => {
    const cwd = project();
    dirs.push(cwd);
    const script = small(block('sh', '#SBATCH --array'));
    const [, lo, hi] = /#SBATCH --array=(\d+)-(\d+)/.exec(script)!.map(Number);
    for (let task = lo; task <= hi; task++)
      execFileSync('bash', ['-c', script], {
        cwd,
        env: env({
          SLURM_ARRAY_TASK_ID: String(task),
          SLURM_ARRAY_TASK_MIN: String(lo),
          SLURM_ARRAY_TASK_COUNT: String(hi - lo + 1),
          SLURM_CPUS_PER_TASK: '1',
        }),
        stdio: 'pipe',
      });
    const merge = /--wrap '([^']+)'/.exec(block('sh', 'sbatch --parsable'))![1];
    execFileSync('bash', ['-c', merge], { cwd, env: env({}), stdio: 'pipe' });
    expect(readFileSync(path.join(cwd, 'results.csv')).equals(await unsharded(cwd))).toBe(true);
  }, 180_000);

  it('the Kubernetes Indexed Job script and merge, run for every index with JOB_COMPLETION_INDEX set by hand', async () => {
    const cwd = project();
    dirs.push(cwd);
    const results = path.join(cwd, 'results');
    mkdirSync(results);
    const job = parse(block('yaml', 'completionMode: Indexed')) as {
      spec: { completions: number; template: { spec: { containers: { command: string[]; args: string[] }[] } } };
    };
    const container = job.spec.template.spec.containers[0];
    expect(container.command).toEqual(['sh', '-c']);
    const script = small(container.args[0]).replaceAll('/results/', `${results}/`);
    for (let index = 0; index < job.spec.completions; index++)
      execFileSync('sh', ['-c', script], { cwd, env: env({ JOB_COMPLETION_INDEX: String(index) }), stdio: 'pipe' });
    const merge = block('sh', 'kubectl wait')
      .split('\n')
      .find((l) => l.startsWith('node dist/cli/main.js merge'))!
      .replaceAll('/results/', `${results}/`);
    execFileSync('sh', ['-c', merge], { cwd, env: env({}), stdio: 'pipe' });
    expect(readFileSync(path.join(results, 'results.csv')).equals(await unsharded(cwd))).toBe(true);
  }, 180_000);
});
