/** Shared helpers of the what-if tests: the built CLI as a subprocess, and solved scenarios. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario, type RunResult } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASE = 'scenarios/a-coruna-2026.yaml';
export const FIXTURE = 'test/whatif/fixtures/two-levers.yaml';

export function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'main.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cache = new Map<string, RunResult>();
export function solved(file: string): RunResult {
  let r = cache.get(file);
  if (!r) cache.set(file, (r = runScenario(loadScenario(path.join(ROOT, file)))));
  return r;
}
