/**
 * The yaml library is loaded only when a YAML text is parsed: a scenario
 * served from the parse cache starts without it (about 70 ms of start-up
 * on the benchmark machines). Two real processes share one cache folder:
 * the first parses (and loads the library), the second does not.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

const cache = mkdtempSync(path.join(os.tmpdir(), 'signatory-yaml-lazy-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** Loads the baseline in a fresh Node process; says whether the yaml library was loaded. */
function loadsYaml(): boolean {
  const load = pathToFileURL(path.join(ROOT, 'dist', 'scenario', 'load.js')).href;
  const needle = `${path.sep}node_modules${path.sep}yaml${path.sep}`;
  const script = `
    import { createRequire } from 'node:module';
    const { loadScenario } = await import(${JSON.stringify(load)});
    loadScenario(${JSON.stringify(path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml'))});
    const cached = Object.keys(createRequire(import.meta.url).cache);
    console.log(cached.some((file) => file.includes(${JSON.stringify(needle)})));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, SIGNATORY_CACHE_DIR: cache, SIGNATORY_CACHE: '' },
    encoding: 'utf8',
  });
  return out.trim() === 'true';
}

describe('the yaml library, loaded on first use', () => {
  it('is loaded to parse a YAML file, and not when the parse cache serves it', () => {
    expect(loadsYaml()).toBe(true);
    expect(loadsYaml()).toBe(false);
  });
});
