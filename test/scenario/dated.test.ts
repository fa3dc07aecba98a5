/**
 * Dates and history: dated values switch exactly at their date, links and
 * blocs change with time, participants filter the roster, every error is
 * one line naming the file and path, `--set date=` works through the CLI,
 * and re-dating a scenario does not depend on the dates it was at before.
 */
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Scenario } from '../../src/model/scenario.js';
import { atDate, changeDates } from '../../src/scenario/dated.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario, loadScenarioWithMeta, parseScenarioText, type LoadOptions } from '../../src/scenario/load.js';
import { resolvePath, withValues } from '../../src/scenario/paths.js';
import { baseDoc, FIXTURES, INLINE, toYaml, type Doc } from './scenario-text.js';

const DATED = `${FIXTURES}/dated`;
const BASE = `${DATED}/base.yaml`;

const state = (s: Scenario, id: string) => {
  const found = s.states.find((x) => x.id === id);
  if (!found) throw new Error(`no state ${id}`);
  return found;
};

function errorOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, but the input loaded');
}

/** A history entry with its required reason and source. */
const change = (from: string, set: Doc): Doc => ({ from, set, reason: 'a reason', source: 'a source' });

/** baseDoc with a timeline and a date, edited by `edit`. */
function datedDoc(edit: (d: Doc) => void = () => {}): Doc {
  const d = baseDoc();
  d.date = '2025-06-01';
  d.timeline = { start: '2022-01-01', end: '2026-12-31' };
  edit(d);
  return d;
}
const statesOf = (d: Doc) => d.states as Doc[];
const load = (d: Doc, options: LoadOptions = {}) => parseScenarioText(toYaml(d), INLINE, options);

describe('dated values', () => {
  const s = loadScenario(BASE);

  it('loads at the file date with the values then in force', () => {
    expect(s.date).toBe('2026-02-05');
    expect(state(s, 'AAA').normSensitivity).toBe(0.2);
    expect(state(s, 'AAA').bias).toBe(-4);
    expect(state(s, 'AAA').extra.lobby).toBe(1.5);
    expect(s.world.raceIntensity).toBe(0.9);
    expect(s.timeline?.start).toBe('2022-01-01');
    expect(s.timeline?.end).toBe('2026-12-31');
  });

  it('switches exactly at its date: the day before the old value, the day itself the new one', () => {
    const before = atDate(s, '2025-01-19');
    const on = atDate(s, '2025-01-20');
    expect(state(before, 'AAA').normSensitivity).toBe(0.6);
    expect(state(before, 'AAA').bias).toBe(4);
    expect(state(before, 'AAA').extra.lobby).toBe(0); // the custom attribute's default
    expect(state(on, 'AAA').normSensitivity).toBe(0.2);
    expect(state(on, 'AAA').bias).toBe(-4);
    expect(state(on, 'AAA').extra.lobby).toBe(1.5);
    expect(before.date).toBe('2025-01-19');
    expect(on.date).toBe('2025-01-20');
  });

  it('applies changes by date whatever the written order, same-day changes as written', () => {
    expect(atDate(s, '2022-12-31').world.raceIntensity).toBe(0.2);
    expect(atDate(s, '2023-01-01').world.raceIntensity).toBe(0.4);
    expect(atDate(s, '2024-05-31').world.raceIntensity).toBe(0.4);
    expect(atDate(s, '2024-06-01').world.raceIntensity).toBe(0.9);
    expect(state(atDate(s, '2023-12-31'), 'AAA').clubOption).toBe(0.6);
    expect(state(atDate(s, '2024-01-01'), 'AAA').clubOption).toBe(0.5);
  });

  it('dates blocs, patron and rivals', () => {
    const before = state(atDate(s, '2023-04-03'), 'BBB');
    const after = state(atDate(s, '2023-04-04'), 'BBB');
    expect(before.blocs).toEqual(['Nordic']);
    expect(before.patron).toBeUndefined();
    expect(before.rivals).toEqual({ CCC: 1 });
    expect(after.blocs).toEqual(['Alliance', 'Nordic']);
    expect(after.patron).toEqual({ id: 'AAA', deference: 0.4 });
    expect(after.rivals).toEqual({ CCC: 1, DDD: 0.5 });
  });

  it('removes a patron with null and sets a new one later', () => {
    expect(state(atDate(s, '2024-02-29'), 'CCC').patron).toEqual({ id: 'DDD', deference: 0.5 });
    expect(state(atDate(s, '2024-03-01'), 'CCC').patron).toBeUndefined();
    expect(state(atDate(s, '2025-06-01'), 'CCC').patron).toEqual({ id: 'AAA', deference: 0.3 });
  });

  it('keeps the uncertainty of the values in force', () => {
    const paths = (x: Scenario) => x.uncertainty.map((u) => u.path).sort();
    expect(paths(atDate(s, '2022-06-01'))).toEqual(['states.CCC.patron.deference']);
    expect(paths(atDate(s, '2023-06-01'))).toEqual(['states.CCC.patron.deference', 'world.raceShock']);
    expect(paths(atDate(s, '2024-06-01'))).toEqual(['world.raceShock']);
    expect(atDate(s, '2022-06-01').world.raceShock).toBe(0.1);
    expect(atDate(s, '2023-06-01').world.raceShock).toBeCloseTo(0.3, 15);
  });

  it('never changes its input, and leaves values without dated changes as they are', () => {
    const edited = withValues(s, { 'states.DDD.capability': 0.9, 'states.AAA.normSensitivity': 0.45 });
    const snapshot = JSON.stringify(edited);
    const moved = atDate(edited, '2024-12-02');
    expect(JSON.stringify(edited)).toBe(snapshot);
    expect(state(moved, 'DDD').capability).toBe(0.9); // not dated: kept
    expect(state(moved, 'AAA').normSensitivity).toBe(0.6); // dated: re-resolved
  });

  it('withValues takes the date first, then the other values on top', () => {
    const moved = withValues(s, { 'states.AAA.normSensitivity': 0.45, date: '2024-12-02' });
    expect(moved.date).toBe('2024-12-02');
    expect(state(moved, 'AAA').normSensitivity).toBe(0.45);
    expect(state(moved, 'AAA').bias).toBe(4);
    expect(withValues(s, { date: '2024-12-02' })).toEqual(atDate(s, '2024-12-02'));
  });

  it('--set date= evaluates the file at another date', () => {
    const moved = loadScenario(BASE, { overrides: ['states.AAA.bias=1', 'date=2024-12-02'] });
    expect(moved.date).toBe('2024-12-02');
    expect(state(moved, 'AAA').normSensitivity).toBe(0.6);
    expect(state(moved, 'AAA').bias).toBe(1);
    expect(moved.world.raceIntensity).toBe(0.9);
  });

  it('lists the dates at which something changes', () => {
    expect(changeDates(s)).toEqual([
      '2023-01-01',
      '2023-04-04',
      '2024-01-01',
      '2024-03-01',
      '2024-06-01',
      '2025-01-20',
      '2025-06-01',
    ]);
  });

  it('refuses the date as a numeric path, saying how to set it', () => {
    const e = errorOf(() => resolvePath(s, 'date', '--vary'));
    expect(e.message).toMatch(/^--vary: date: expected a numeric path.*--set date=YYYY-MM-DD/);
  });

  it('a scenario without dated values needs no date, and a date alone changes nothing else', () => {
    const plain = load(baseDoc());
    expect(plain.date).toBeUndefined();
    expect(plain.timeline).toBeUndefined();
    const dated = withValues(plain, { date: '1999-12-31' });
    expect(dated.date).toBe('1999-12-31');
    expect({ ...dated, date: undefined }).toEqual({ ...plain, date: undefined });
  });
});

describe('merging dated scenarios', () => {
  it('replaces a history whole, merges the timeline key by key and filters participants', () => {
    const { scenario: s, provenance } = loadScenarioWithMeta(`${DATED}/child.yaml`);
    expect(s.states.map((x) => x.id)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(s.timeline?.start).toBe('2022-01-01');
    expect(s.timeline?.end).toBe('2025-12-31');
    expect(s.timeline?.world).toHaveLength(2);
    // AAA's history is the child's alone: the parent's bias change is gone.
    expect(state(s, 'AAA').bias).toBe(4);
    expect(state(atDate(s, '2025-02-28'), 'AAA').normSensitivity).toBe(0.6);
    expect(state(atDate(s, '2025-03-01'), 'AAA').normSensitivity).toBe(0.1);
    // Links to DDD, which does not take part, are dropped (undated and dated).
    expect(state(s, 'BBB').rivals).toEqual({ CCC: 1 });
    expect(state(atDate(s, '2023-01-01'), 'CCC').patron).toBeUndefined();
    expect(s.uncertainty.map((u) => u.path)).toEqual(['world.raceShock']);
    expect(Object.keys(provenance)).toEqual([]);
    expect(errorOf(() => atDate(s, '2026-02-05')).message).toBe(
      "--set: date: expected a date within the timeline's coverage [2022-01-01, 2025-12-31], got 2026-02-05",
    );
  });

  it('takes states with history and a timeline from a roster', () => {
    const s = loadScenario(`${DATED}/with-roster.yaml`);
    expect(s.timeline?.start).toBe('2020-01-01');
    expect(s.timeline?.end).toBe('2027-12-31');
    expect(state(s, 'EEE').threat).toBe(0.5);
    expect(s.world.lambda).toBe(8);
    const later = atDate(s, '2021-05-01');
    expect(state(later, 'EEE').threat).toBe(0.9);
    expect(later.world.lambda).toBe(20);
  });

  it('participants keep roster order, drop links, and take part in fix and observed checks', () => {
    const s = load(datedDoc((d) => void (d.participants = ['CCC', 'AAA'])));
    expect(s.states.map((x) => x.id)).toEqual(['AAA', 'CCC']);
    expect(state(s, 'AAA').rivals).toEqual({});
    expect(state(s, 'CCC').patron).toEqual({ id: 'AAA', deference: 0.5 });
    expect(s.fixed).toEqual({ CCC: 'sign' });
  });

  it('the dated data survives a JSON round trip (as a worker or a saved run would see it)', () => {
    const s = loadScenario(BASE);
    const copy = { ...(JSON.parse(JSON.stringify({ ...s, terms: undefined })) as Scenario), terms: s.terms };
    expect(atDate(copy, '2023-05-01')).toEqual(atDate(s, '2023-05-01'));
  });
});

type Case = [name: string, input: Doc | string, path: string, expected: string, options?: LoadOptions];
const history = (id: number, entries: Doc[]) => (d: Doc) => void (statesOf(d)[id].history = entries);

const errorCases: Case[] = [
  [
    'date missing with a history',
    datedDoc((d) => {
      delete d.date;
      history(0, [change('2024-01-01', { normSensitivity: 0.2 })])(d);
    }),
    'date',
    'expected a `date:` (YYYY-MM-DD)',
  ],
  [
    'date missing with a dated world value',
    datedDoc((d) => {
      delete d.date;
      (d.timeline as Doc).world = [change('2024-01-01', { raceIntensity: 0.2 })];
    }),
    'date',
    'because it has dated values',
  ],
  [
    'date outside the coverage',
    datedDoc((d) => void (d.date = '2027-01-01')),
    'date',
    "expected a date within the timeline's coverage [2022-01-01, 2026-12-31], got 2027-01-01",
  ],
  [
    'date before the coverage',
    datedDoc((d) => void (d.date = '2021-12-31')),
    'date',
    "expected a date within the timeline's coverage [2022-01-01, 2026-12-31], got 2021-12-31",
  ],
  [
    'date not a calendar day',
    datedDoc((d) => void (d.date = '2025-02-29')),
    'date',
    'expected a date YYYY-MM-DD (a real calendar day), got the string "2025-02-29"',
  ],
  [
    'date as a number',
    datedDoc((d) => void (d.date = 20250101)),
    'date',
    'expected a date YYYY-MM-DD (a real calendar day), got 20250101',
  ],
  [
    'timeline without start',
    datedDoc((d) => void (d.timeline = { end: '2026-12-31' })),
    'timeline.start',
    "expected a date YYYY-MM-DD (a real calendar day), the start of the timeline's coverage, but it is missing",
  ],
  [
    'timeline ending before it starts',
    datedDoc((d) => void (d.timeline = { start: '2022-01-01', end: '2021-01-01' })),
    'timeline.end',
    'expected an end on or after the start (2022-01-01), got 2021-01-01',
  ],
  [
    'unknown timeline key',
    datedDoc((d) => void ((d.timeline as Doc).ende = '2026-01-01')),
    'timeline.ende',
    'expected a known key of the timeline, got unknown key "ende" (did you mean "end"?)',
  ],
  [
    'dated seed',
    datedDoc((d) => void ((d.timeline as Doc).world = [change('2024-01-01', { seed: 3 })])),
    'timeline.world[0].set.seed',
    'expected a known key of a dated change (raceIntensity, raceShock, lambda)',
  ],
  [
    'dated world value out of range',
    datedDoc((d) => void ((d.timeline as Doc).world = [change('2024-01-01', { raceShock: 1.5 })])),
    'timeline.world[0].set.raceShock',
    'expected a number in [0, 1], got 1.5',
  ],
  [
    'history value out of range',
    datedDoc(history(1, [change('2024-01-01', { capability: 0.2 }), change('2025-01-01', { normSensitivity: 1.5 })])),
    'states[1].history[1].set.normSensitivity',
    'expected a number in [0, 1], got 1.5',
  ],
  [
    'history bias not finite',
    datedDoc(history(0, [change('2024-01-01', { bias: '-4' })])),
    'states[0].history[0].set.bias',
    'expected a finite number, {mean, sd} or {min, max}, got the string "-4"',
  ],
  [
    'history unknown attribute',
    datedDoc(history(0, [change('2024-01-01', { normSensitivty: 0.2 })])),
    'states[0].history[0].set.normSensitivty',
    'did you mean "normSensitivity"?',
  ],
  [
    'history name',
    datedDoc(history(0, [change('2024-01-01', { name: 'New' })])),
    'states[0].history[0].set.name',
    'expected a known key of a dated change',
  ],
  [
    'history empty set',
    datedDoc(history(0, [change('2024-01-01', {})])),
    'states[0].history[0].set',
    'expected at least one value to set',
  ],
  [
    'history not a list',
    datedDoc((d) => void (statesOf(d)[0].history = { from: '2024-01-01' })),
    'states[0].history',
    'expected a list of dated changes {from, set, reason, source}, got a mapping',
  ],
  [
    'history without reason',
    datedDoc(history(0, [{ from: '2024-01-01', set: { bias: 1 }, source: 's' }])),
    'states[0].history[0].reason',
    'expected the reason for the change (a non-empty string), but it is missing',
  ],
  [
    'history with an empty source',
    datedDoc(history(0, [{ from: '2024-01-01', set: { bias: 1 }, reason: 'r', source: ' ' }])),
    'states[0].history[0].source',
    'expected a non-empty string, got the string " "',
  ],
  [
    'history without from',
    datedDoc(history(2, [{ set: { bias: 1 }, reason: 'r', source: 's' }])),
    'states[2].history[0].from',
    'expected a date YYYY-MM-DD (a real calendar day): the first day the values are in force, but it is missing',
  ],
  [
    'history with a bad from',
    datedDoc(history(0, [change('2024-1-5', { bias: 1 })])),
    'states[0].history[0].from',
    'expected a date YYYY-MM-DD (a real calendar day), got the string "2024-1-5"',
  ],
  [
    'history with an unknown entry key',
    datedDoc(history(0, [{ ...change('2024-01-01', { bias: 1 }), note: 'x' }])),
    'states[0].history[0].note',
    'expected a known key of a dated change',
  ],
  [
    'history rival unknown',
    datedDoc(history(0, [change('2024-01-01', { rivals: { BBC: 1 } })])),
    'states[0].history[0].set.rivals.BBC',
    'expected a rival state id of this scenario, got unknown state "BBC" (did you mean "BBB"?)',
  ],
  [
    'history rival itself',
    datedDoc(history(0, [change('2024-01-01', { rivals: { AAA: 1 } })])),
    'states[0].history[0].set.rivals.AAA',
    'expected another state as rival, but "AAA" is its own rival',
  ],
  [
    'history patron itself',
    datedDoc(history(1, [change('2024-01-01', { patron: { id: 'BBB', deference: 0.3 } })])),
    'states[1].history[0].set.patron.id',
    'expected another state as patron, but "BBB" is its own patron',
  ],
  [
    'history patron without deference',
    datedDoc(history(1, [change('2024-01-01', { patron: { id: 'AAA' } })])),
    'states[1].history[0].set.patron.deference',
    'expected a number in [0, 1], but it is missing',
  ],
  [
    'history patron deference out of range',
    datedDoc(history(1, [change('2024-01-01', { patron: { id: 'AAA', deference: 2 } })])),
    'states[1].history[0].set.patron.deference',
    'expected a number in [0, 1], got 2',
  ],
  [
    'history patron as a string',
    datedDoc(history(1, [change('2024-01-01', { patron: 'AAA' })])),
    'states[1].history[0].set.patron',
    'expected a patron {id, deference} or null (no patron), got the string "AAA"',
  ],
  [
    'history blocs not a list',
    datedDoc(history(1, [change('2024-01-01', { blocs: 'NATO' })])),
    'states[1].history[0].set.blocs',
    'expected a list of strings, got the string "NATO"',
  ],
  [
    'history custom attribute outside its bounds',
    datedDoc((d) => {
      d.attributes = { lobby: { min: 0, max: 2, default: 0 } };
      history(0, [change('2024-01-01', { lobby: 3 })])(d);
    }),
    'states[0].history[0].set.lobby',
    'expected a number in [0, 2], got 3',
  ],
  [
    'participants unknown',
    datedDoc((d) => void (d.participants = ['AAA', 'BBX'])),
    'participants[1]',
    'expected a state id of this scenario, got unknown state "BBX" (did you mean "BBB"?)',
  ],
  [
    'participants twice',
    datedDoc((d) => void (d.participants = ['AAA', 'AAA'])),
    'participants[1]',
    'expected each state once, but "AAA" is listed twice',
  ],
  [
    'participants empty',
    datedDoc((d) => void (d.participants = [])),
    'participants',
    'expected at least one state id, got an empty list',
  ],
  [
    'fix of a state that does not take part',
    datedDoc((d) => void (d.participants = ['AAA', 'BBB'])),
    'fix.CCC',
    'expected a state id of a state that takes part, got "CCC", which is not among the participants',
  ],
  [
    '--set date malformed',
    datedDoc(),
    'date',
    'expected a date YYYY-MM-DD (a real calendar day), got "June"',
    { overrides: ['date=June'] },
  ],
  [
    '--set date outside the coverage',
    datedDoc(),
    'date',
    "expected a date within the timeline's coverage [2022-01-01, 2026-12-31], got 2030-01-01",
    { overrides: ['date=2030-01-01'] },
  ],
];

describe('errors', () => {
  it.each(errorCases)('%s', (_name, input, path, expected, options) => {
    const e = errorOf(() =>
      typeof input === 'string' ? parseScenarioText(input, INLINE, options) : load(input, options),
    );
    const file = options?.overrides ? '--set' : INLINE;
    expect(e.file).toBe(file);
    expect(e.path).toBe(path);
    expect(e.message).toContain(expected);
    expect(e.message.startsWith(`${file}: ${path}: expected`)).toBe(true);
    expect(e.message).not.toContain('\n');
  });

  it('names the file where the bad value was written, across extends', () => {
    const child = (d: Doc) => parseScenarioText(toYaml({ name: 'x', extends: 'dated/base.yaml', ...d }), INLINE);
    const narrowed = errorOf(() => child({ timeline: { end: '2025-12-31' } }));
    expect(narrowed.message).toBe(
      `${BASE}: date: expected a date within the timeline's coverage [2022-01-01, 2025-12-31], got 2026-02-05`,
    );
    const bad = errorOf(() => child({ states: [{ id: 'BBB', history: [change('2023-01-01', { capability: 2 })] }] }));
    expect(bad.message).toBe(`${INLINE}: states[0].history[0].set.capability: expected a number in [0, 1], got 2`);
  });

  it('asks for a date, naming the file, when the dated values come from a roster', () => {
    const e = errorOf(() => loadScenario(`${DATED}/missing-date.yaml`));
    expect(e.message).toMatch(/^test\/fixtures\/scenarios\/dated\/missing-date\.yaml: date: expected a `date:`/);
    expect(loadScenario(`${DATED}/missing-date.yaml`, { overrides: ['date=2021-05-01'] }).states[0].threat).toBe(0.9);
  });

  it('refuses a non-string date in withValues', () => {
    const s = loadScenario(BASE);
    expect(errorOf(() => withValues(s, { date: 20240101 })).message).toBe(
      '--set: date: expected a date YYYY-MM-DD (a real calendar day), got 20240101',
    );
    expect(errorOf(() => withValues(s, { 'states.AAA.bias': 'high' })).message).toBe(
      '--set: states.AAA.bias: expected a number, got "high"',
    );
  });
});

/** A CommandIo whose output is collected. */
function memoryIo() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _encoding, done) {
        into.push(String(chunk));
        done();
      },
    });
  const stdin = Readable.from([]) as Readable & { isTTY?: boolean };
  return {
    io: { stdout: sink(out), stderr: sink(err), stdin, cwd: process.cwd(), env: { NO_COLOR: '1' } },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

describe('--set date= through the CLI', () => {
  it('run shows the world and the outcome of that date', async () => {
    const at = async (...extra: string[]) => {
      const m = memoryIo();
      const code = await main(['run', BASE, '--json', ...extra], m.io);
      expect(code, m.stderr()).toBe(0);
      return JSON.parse(m.stdout()) as {
        world: { raceIntensity: number };
        equilibrium: { least: { signers: string[] } };
      };
    };
    const now = await at();
    const before = await at('--set', 'date=2024-12-02');
    const early = await at('--set', 'date=2022-06-01');
    expect(now.world.raceIntensity).toBe(0.9);
    expect(early.world.raceIntensity).toBe(0.2);
    // AAA's government change of 2025-01-20 takes it out.
    expect(before.equilibrium.least.signers).toContain('AAA');
    expect(now.equilibrium.least.signers).not.toContain('AAA');
  });

  it('explain reads the dated values', async () => {
    const m = memoryIo();
    expect(await main(['explain', BASE, 'AAA', '--set', 'date=2024-12-02'], m.io), m.stderr()).toBe(0);
    const n = memoryIo();
    expect(await main(['explain', BASE, 'AAA'], n.io), n.stderr()).toBe(0);
    expect(m.stdout()).not.toBe(n.stdout());
  });

  it('a date outside the coverage is one line and exit code 2', async () => {
    const m = memoryIo();
    expect(await main(['run', BASE, '--set', 'date=2027-01-01'], m.io)).toBe(2);
    expect(m.stderr()).toBe(
      "signatory: --set: date: expected a date within the timeline's coverage [2022-01-01, 2026-12-31], got 2027-01-01\n",
    );
    expect(m.stdout()).toBe('');
  });
});

describe('re-dating is path independent (property)', () => {
  const day = (n: number) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const inCoverage = fc.integer({ min: 0, max: 1825 }).map(day);
  const ids = ['AAA', 'BBB', 'CCC'];
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const value = fc.oneof(
    unit,
    unit.map((mean) => ({ mean, sd: 0.05 })),
  );
  const stateSet = (self: string) =>
    fc
      .record(
        {
          normSensitivity: value,
          capability: unit,
          bias: fc.double({ min: -3, max: 3, noNaN: true }),
          blocs: fc.subarray(['NATO', 'EU', 'G7']),
          patron: fc.oneof(
            fc.constant(null),
            fc.record({ id: fc.constantFrom(...ids.filter((x) => x !== self)), deference: value }),
          ),
          rivals: fc.dictionary(
            fc.constantFrom(...ids.filter((x) => x !== self)),
            fc.double({ min: 0, max: 2, noNaN: true }),
          ),
        },
        { requiredKeys: [] },
      )
      .filter((set) => Object.keys(set).length > 0);
  const historyOf = (self: string) =>
    fc.array(
      fc.tuple(inCoverage, stateSet(self)).map(([from, set]) => change(from, set)),
      { maxLength: 5 },
    );
  const worldHistory = fc.array(
    fc
      .tuple(
        inCoverage,
        fc
          .record({ raceIntensity: value, raceShock: unit }, { requiredKeys: [] })
          .filter((set) => Object.keys(set).length > 0),
      )
      .map(([from, set]) => change(from, set)),
    { maxLength: 4 },
  );
  const scenario = fc
    .tuple(historyOf('AAA'), historyOf('BBB'), historyOf('CCC'), worldHistory, inCoverage, fc.boolean())
    .map(([a, b, c, w, date, someTakePart]) =>
      load(
        datedDoc((d) => {
          d.date = date;
          (d.timeline as Doc).world = w;
          statesOf(d).forEach((st, i) => void (st.history = [a, b, c][i]));
          if (someTakePart) {
            d.participants = ['AAA', 'BBB'];
            delete d.fix;
            d.observed = { signed: ['AAA'] };
          }
        }),
      ),
    );

  it('atDate(atDate(s, d1), d2) equals atDate(s, d2), and atDate(s, s.date) is s', () => {
    fc.assert(
      fc.property(scenario, inCoverage, inCoverage, (s, d1, d2) => {
        expect(atDate(atDate(s, d1), d2)).toEqual(atDate(s, d2));
        expect(atDate(s, s.date!)).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });
});
