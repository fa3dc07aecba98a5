/** Files that are not regular files, or cannot be read, are refused in one line: never a hang, never an internal error. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = path.join(dir, 'fifo.yaml');
execFileSync('mkfifo', [fifo]);

describe('special files', () => {
  it('a FIFO (no writer) is refused at once, as a file and through extends', () => {
    expect(() => loadScenario(fifo)).toThrow(ScenarioError);
    expect(() => loadScenario(fifo)).toThrow('expected a regular file');
    const child = path.join(dir, 'child.yaml');
    writeFileSync(child, 'extends: ./fifo.yaml\nname: child\n');
    expect(() => loadScenario(child)).toThrow('expected a regular file');
  });

  it('a file whose read fails is a ScenarioError, exit 2', async () => {
    const r = await cli(['run', '/proc/self/mem']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('expected a readable file');
  });
});

describe('state ids named after Object.prototype members', () => {
  it('are free players, not held at abstain', async () => {
    const { fixedActions } = await import('../../src/analysis/run.js');
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const held = fixedActions({ states: names.map((id) => ({ id }) as never), fixed: {} });
    expect([...held]).toEqual([-1, -1, -1, -1]);
  });
});
