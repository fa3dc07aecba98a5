/**
 * State ids named after Object.prototype members (issue 13, item 4): the
 * whole pipeline (run, explain, sweep, seek, calibrate, the TUI's session)
 * treats them as ordinary states: free unless fixed, fixed when fixed,
 * found when looked up. Ids that start with `__` (`__proto__`) are refused
 * by the id pattern, clearly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { applyEdit, fixOf, openSession } from '../../src/tui/session.js';
import { baseDoc, stateDoc, toYaml, type Doc } from '../scenario/scenario-text.js';
import { cli } from './run-cli.js';

/** Every Object.prototype member the id pattern admits (a letter first). */
const BUILTIN = Object.getOwnPropertyNames(Object.prototype).filter((name) => /^[A-Za-z]/.test(name));

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-builtin-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario whose states are all named after built-ins, with rivals, a patron, a fix and an observed outcome. */
function builtinScenario(): string {
  const doc: Doc = baseDoc();
  const [first, second, third] = BUILTIN;
  doc.states = BUILTIN.map((id, k) =>
    stateDoc(id, 0.3 + (0.4 * k) / BUILTIN.length, {
      ...(k === 1 ? { rivals: { [first]: 1 } } : {}),
      ...(k === 0 ? { rivals: { [second]: 1 } } : {}),
      ...(k === 2 ? { patron: { id: first, deference: 0.5 } } : {}),
    }),
  );
  doc.fix = { [third]: 'sign' };
  doc.observed = { signed: [third, first] };
  const file = path.join(dir, 'builtins.yaml');
  writeFileSync(file, toYaml(doc));
  return file;
}

describe('state ids named after Object.prototype members', { timeout: 60_000 }, () => {
  const file = builtinScenario();
  const third = BUILTIN[2];

  it('covers the members a state id can take', () => {
    expect(BUILTIN).toEqual(
      expect.arrayContaining([
        'constructor',
        'toString',
        'valueOf',
        'hasOwnProperty',
        'isPrototypeOf',
        'toLocaleString',
      ]),
    );
  });

  it('__proto__ and the other __ members are refused by the id pattern, naming the path', async () => {
    const doc = baseDoc();
    (doc.states as Doc[]).push(stateDoc('__proto__'));
    const bad = path.join(dir, 'proto.yaml');
    writeFileSync(bad, toYaml(doc));
    const r = await cli(['run', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('states[3].id: expected a state id of a letter then letters, digits, "_" or "-"');
  });

  it('loads with each state free but the fixed one, and its rival and patron links', () => {
    const s = loadScenario(file);
    expect(s.states.map((x) => x.id)).toEqual(BUILTIN);
    expect(Object.keys(s.fixed)).toEqual([third]);
    expect(s.states[1].rivals).toEqual({ [BUILTIN[0]]: 1 });
    expect(s.states[2].patron?.id).toBe(BUILTIN[0]);
    const run = runScenario(s);
    expect(run.states.filter((x) => x.fixed !== undefined).map((x) => x.id)).toEqual([third]);
  });

  it('run, with --fix on each name, holds exactly that state', async () => {
    for (const id of BUILTIN) {
      const r = await cli(['run', file, '--json', '--fix', `${id}=abstain`]);
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { states: { id: string; fixed?: string }[] };
      const held = json.states.filter((x) => x.fixed !== undefined).map((x) => `${x.id}=${x.fixed}`);
      const expected = id === third ? [`${third}=abstain`] : [`${third}=sign`, `${id}=abstain`];
      expect(held.sort(), id).toEqual(expected.sort());
    }
  });

  it('explain finds each state', async () => {
    for (const id of BUILTIN) {
      const r = await cli(['explain', file, id, '--json', '--no-flips']);
      expect(r.status, `${id}: ${r.stderr}`).toBe(0);
      expect((JSON.parse(r.stdout) as { id: string }).id).toBe(id);
    }
  });

  it('sweep varies a state named after a built-in', async () => {
    const out = path.join(dir, 'sweep.csv');
    const r = await cli([
      'sweep',
      file,
      '--vary',
      `states.${BUILTIN[0]}.capability=0:1:3`,
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(`states.${BUILTIN[0]}.capability`);
  });

  it('seek reaches a target that names built-in ids', async () => {
    const r = await cli(['seek', file, '--target', `${BUILTIN[0]},${BUILTIN[1]} sign`, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(BUILTIN[0]);
  });

  it('calibrate reads an observed outcome of built-in ids', async () => {
    const r = await cli(['calibrate', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
  });

  it("the TUI's session fixes, cycles and reports each state by its id", () => {
    let session = openSession(loadScenario(file));
    for (const id of BUILTIN) expect(fixOf(session, id), id).toBe(id === third ? 'sign' : 'free');
    for (const id of BUILTIN) {
      session = applyEdit(session, { kind: 'cycleFix', id });
      expect(fixOf(session, id), id).toBe(id === third ? 'abstain' : 'sign');
    }
    session = applyEdit(session, { kind: 'resetAll' });
    for (const id of BUILTIN) expect(fixOf(session, id), id).toBe(id === third ? 'sign' : 'free');
  });
});
