/** Shared helpers of the what-if tests: solved scenarios (the CLI is test/cli/run-cli.ts). */
import path from 'node:path';
import { runScenario, type RunResult } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../cli/run-cli.js';

export { ROOT };
export const BASE = 'scenarios/a-coruna-2026.yaml';
export const FIXTURE = 'test/whatif/fixtures/two-levers.yaml';

const cache = new Map<string, RunResult>();
export function solved(file: string): RunResult {
  let r = cache.get(file);
  if (!r) cache.set(file, (r = runScenario(loadScenario(path.join(ROOT, file)))));
  return r;
}
