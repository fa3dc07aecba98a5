/** The date control and the timeline pane: the whole world moves to a date, and the real events are listed with their tallies. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import type { Scenario } from '../../src/model/scenario.js';
import { atDate } from '../../src/scenario/dated.js';
import { loadScenario } from '../../src/scenario/load.js';
import { App } from '../../src/tui/App.js';
import { KEY_HELP } from '../../src/tui/components/HelpPane.js';
import { dateStops } from '../../src/tui/dates.js';
import { listEventFiles } from '../../src/tui/events.js';
import { overriddenOnLoad, whatIfYaml } from '../../src/tui/save.js';
import { applyEdit, openSession } from '../../src/tui/session.js';
import { KEYS, press, ROOT, SCENARIOS, screen, tallyText, TWENTY, waitFor, waitForText } from './helpers.js';

const DATED = path.join(ROOT, 'test', 'fixtures', 'scenarios', 'dated', 'base.yaml');

/**
 * A small event: three states, a date and the outcome. With `kind`, the
 * instrument is written as an `event:` section (the current event files'
 * form); without, the instrument is the scenario's name.
 */
function eventYaml(
  date: string,
  instrument: string,
  observed: string,
  { lambda = 8, kind }: { lambda?: number; kind?: string } = {},
): string {
  const state = (id: string, norm: number) =>
    `  - {id: ${id}, name: ${id}land, capability: 0.5, pace: 0.5, size: 0.5, threat: 0.5, ratification: 0.5, grayZone: 0.3, treatyCaution: 0.4, weaponizationFear: 0.3, clubOption: 0.4, humanControlValue: 0.6, normSensitivity: ${norm}, raceExposure: 0.4}`;
  return [
    kind ? `name: ${instrument} (test event)` : `name: ${instrument}`,
    'description: A made-up event for the timeline pane tests.',
    `date: ${date}`,
    ...(kind ? [`event: {kind: ${kind}, instrument: "${instrument}"}`] : []),
    'declaration: {verification: 0.5, thresholdClarity: 0.5, thresholdStrictness: 0.5, accountability: 0.5, enforcement: 0.2, differentiation: 0.2, neutralInterpretation: 0.5, humanControl: 0.5, clubCompatibility: 0.5}',
    `world: {raceIntensity: 0.3, raceShock: 0.1, lambda: ${lambda}, seed: 1}`,
    'weights: {intercept: -0.2, reputation: 1, momentum: 1, alignment: 0, humanControl: 1, adoption: 1, restraint: 1, exposure: 0.5, ambiguity: 0.5, blame: 0.5, grayZone: 0.5, weaponization: 0.5, club: 0.5}',
    'states:',
    state('AAA', 0.9),
    state('BBB', 0.5),
    state('CCC', 0.1),
    `observed: ${observed}`,
    '',
  ].join('\n');
}

/**
 * A folder of four event files: one that loads, one in the event files'
 * form (an `event:` section, a partial outcome with counts: its numbers or
 * its one-line load error, whichever the loader gives), one the loader
 * refuses, and one that is not even YAML.
 */
function eventsFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'signatory-events-'));
  const events = path.join(dir, 'events');
  mkdirSync(events);
  writeFileSync(
    path.join(events, 'good.yaml'),
    eventYaml('2023-12-22', 'Test resolution 1', '{signed: [AAA, BBB], total: 3}'),
  );
  // On a change date of the dated fixture, so it adds no stop of its own.
  writeFileSync(
    path.join(events, 'vote.yaml'),
    eventYaml(
      '2025-06-01',
      'Test resolution 2',
      '{signed: [AAA], notSigned: [CCC], counts: {signed: 2, notSigned: 1, absent: 0}}',
      { kind: 'un-vote' },
    ),
  );
  // lambda out of range: the loader refuses the file, the row stays.
  writeFileSync(
    path.join(events, 'broken.yaml'),
    eventYaml('2024-12-02', 'Broken resolution', '{signed: [AAA, BBB]}', { lambda: 5000 }),
  );
  writeFileSync(path.join(events, 'garbled.yaml'), 'name: [unclosed\n');
  return events;
}

let dated: Scenario;
beforeAll(() => {
  dated = loadScenario(DATED);
});
afterEach(() => cleanup());

function open(scenario: Scenario, eventsDir: string, size = { columns: 80, rows: 24 }) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'signatory-tui-'));
  return render(<App scenario={scenario} cwd={cwd} scenariosDir={SCENARIOS} eventsDir={eventsDir} size={size} />);
}

const tallyAt = (date: string) => runScenario(atDate(dated, date)).equilibria.least.signed;

async function typeDate(r: ReturnType<typeof open>, date: string) {
  await press(r, 'd');
  await waitForText(r, 'Go to date (YYYY-MM-DD): ');
  await press(r, KEYS.ctrlU);
  await press(r, date);
  await press(r, KEYS.enter);
}

describe('the date control', () => {
  it('moves the whole world: the tally changes exactly at a dated change, and [ ] step through the change dates', async () => {
    const n = dated.states.length;
    // The fixture's government change of 2025-01-20 (AAA's bias and norm sensitivity) moves the core's tally.
    expect(tallyAt('2025-01-19')).not.toBe(tallyAt('2025-01-20'));
    const r = open(dated, eventsFolder());
    expect(screen(r)).toContain('at 2026-02-05');
    expect(screen(r)).toMatch(tallyText(tallyAt('2026-02-05'), n));

    await typeDate(r, '2025-01-19');
    let frame = await waitForText(r, 'at 2025-01-19');
    expect(frame).toMatch(tallyText(tallyAt('2025-01-19'), n));
    expect(frame).toContain('what-if');

    await press(r, ']');
    frame = await waitForText(r, 'at 2025-01-20');
    expect(frame).toMatch(tallyText(tallyAt('2025-01-20'), n));
    expect(frame).toContain(`Date 2025-01-19 → 2025-01-20 · Tally ${tallyAt('2025-01-19')} → ${tallyAt('2025-01-20')}`);

    // Back one stop: the date of an event in the folder (2024-12-02) comes before the change of 2025-01-20.
    await press(r, '[');
    frame = await waitForText(r, 'at 2024-12-02');
    expect(frame).toMatch(tallyText(tallyAt('2024-12-02'), n));
  });

  it('moves dated world values: the race intensity slider switches on the day of its change', async () => {
    const r = open(dated, eventsFolder());
    await typeDate(r, '2024-05-31');
    await waitForText(r, 'at 2024-05-31');
    expect(atDate(dated, '2024-05-31').world.raceIntensity).toBe(0.4);
    expect(screen(r)).toMatch(/Race intensity\s+[━─●]+\s+0\.40(?! \*)/);
    await press(r, ']');
    await waitForText(r, 'at 2024-06-01');
    expect(atDate(dated, '2024-06-01').world.raceIntensity).toBe(0.9);
    // The dated value is the slider's new home, not a change of the user's.
    expect(screen(r)).toMatch(/Race intensity\s+[━─●]+\s+0\.90(?! \*)/);
  });

  it('refuses a malformed date and one outside the coverage with a one-line message', async () => {
    const r = open(dated, eventsFolder());
    await typeDate(r, '2025-13-01');
    let frame = await waitForText(r, '! Not a date: "2025-13-01". Type YYYY-MM-DD, a real calendar day.');
    expect(frame).toContain('at 2026-02-05');
    await typeDate(r, '5 Feb');
    await waitForText(r, '! Not a date: "5 Feb".');
    await typeDate(r, '2030-01-01');
    frame = await waitForText(r, "! 2030-01-01 is outside the timeline's coverage, 2022-01-01 to 2026-12-31.");
    expect(frame).toContain('at 2026-02-05');
    expect(frame).toMatch(tallyText(tallyAt('2026-02-05'), dated.states.length));
  });

  it('R brings the loaded date back; a saved what-if records the moved date and loads at it', () => {
    let s = openSession(dated);
    s = applyEdit(s, { kind: 'date', date: '2024-01-01' });
    expect(s.base.date).toBe('2024-01-01');
    expect(s.run.equilibria.least.signed).toBe(tallyAt('2024-01-01'));
    // A date the scenario refuses changes nothing.
    expect(applyEdit(s, { kind: 'date', date: '2030-01-01' })).toBe(s);
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'signatory-whatif-')), 'moved.yaml');
    const yaml = whatIfYaml(s, target);
    expect(yaml).toMatch(/^date: "?2024-01-01"?$/m);
    expect(yaml).toContain('date 2026-02-05 → 2024-01-01');
    writeFileSync(target, yaml);
    const saved = loadScenario(target);
    expect(saved.date).toBe('2024-01-01');
    expect(runScenario(saved).equilibria.least.signed).toBe(tallyAt('2024-01-01'));
    expect(saved.states.find((x) => x.id === 'AAA')!.clubOption).toBe(
      atDate(dated, '2024-01-01').states.find((x) => x.id === 'AAA')!.clubOption,
    );
    const back = applyEdit(s, { kind: 'resetAll' });
    expect(back.base).toBe(dated);
    expect(back.run.equilibria.least.signed).toBe(tallyAt('2026-02-05'));
    // A world value with a dated change in force cannot be kept by the file: saving says so.
    expect(overriddenOnLoad(applyEdit(back, { kind: 'set', path: 'world.raceIntensity', value: 0.1 }))).toEqual([
      'world.raceIntensity',
    ]);
    expect(overriddenOnLoad(applyEdit(back, { kind: 'set', path: 'world.raceShock', value: 0.5 }))).toEqual([
      'world.raceShock',
    ]);
    expect(overriddenOnLoad(applyEdit(back, { kind: 'set', path: 'world.lambda', value: 9 }))).toEqual([]);
  });

  it('keeps the fixes and slider changes across a date move, except on a dated world value', () => {
    let s = openSession(dated);
    s = applyEdit(s, { kind: 'set', path: 'declaration.verification', value: 0.9 });
    s = applyEdit(s, { kind: 'set', path: 'world.raceIntensity', value: 0.1 });
    s = applyEdit(s, { kind: 'fix', id: 'CCC', choice: 'sign' });
    s = applyEdit(s, { kind: 'date', date: '2023-06-01' });
    expect(s.values).toEqual({ 'declaration.verification': 0.9 });
    expect(s.fixes).toEqual({ CCC: 'sign' });
    expect(s.scenario.world.raceIntensity).toBe(0.4);
    const direct = runScenario({
      ...atDate(dated, '2023-06-01'),
      declaration: { ...dated.declaration, verification: 0.9 },
      fixed: { CCC: 'sign' },
    });
    expect(s.run.states.map((x) => x.delta)).toEqual(direct.states.map((x) => x.delta));
    // Steps go through the stops from the date the edit finds, one stop per edit.
    const stops = dateStops(dated, []);
    s = applyEdit(applyEdit(s, { kind: 'stepDate', direction: 1, stops }), { kind: 'stepDate', direction: 1, stops });
    expect(s.base.date).toBe('2024-03-01');
  });

  it('steps through the change dates, the event dates, the loaded date and the coverage ends', () => {
    expect(dateStops(dated, ['2023-12-22', '2031-01-01'])).toEqual([
      '2022-01-01',
      '2023-01-01',
      '2023-04-04',
      '2023-12-22',
      '2024-01-01',
      '2024-03-01',
      '2024-06-01',
      '2025-01-20',
      '2025-06-01',
      '2026-02-05',
      '2026-12-31',
    ]);
  });

  it('is not offered on an undated scenario: the pane and the keys say so', async () => {
    const r = open(loadScenario(TWENTY), eventsFolder());
    await press(r, '6');
    await waitForText(r, 'this scenario is undated');
    await press(r, ']');
    await waitForText(r, '! This scenario is undated');
    expect(screen(r)).not.toContain(' · at ');
  });
});

describe('the timeline pane', () => {
  it('lists the events with observed and modelled tallies, a one-line error for a file that does not load, and Enter moves the date', async () => {
    const dir = eventsFolder();
    const good = runScenario(loadScenario(path.join(dir, 'good.yaml')));
    const r = open(dated, dir, { columns: 100, rows: 30 });
    await press(r, '6');
    await waitForText(r, ' Timeline ');
    // The modelled numbers come one file per tick.
    const frame = await waitForText(r, /Test resolution 1\s+2\/3\s+\d+\s+\d+\.\d/);
    const row = frame.split('\n').find((l) => l.includes('Test resolution 1'))!;
    expect(row).toContain('2023-12-22');
    expect(row).toMatch(
      new RegExp(`2/3\\s+${good.equilibria.least.signed}\\s+${good.tally.mean.toFixed(1).replace('.', '\\.')}`),
    );
    const broken = await waitForText(
      r,
      /2024-12-02\s+Broken resolution\s+could not load: world\.lambda: expected a number in \[0, 1000\]/,
    );
    expect(broken).toMatch(/no date\s+garbled\s+could not read: /);
    // The event files' form: instrument and observed counts read from the file; the model's numbers once it loads.
    await waitForText(r, /2025-06-01\s+Test resolution 2\s+(2\/3\s+\d+\s+\d+\.\d|could not load: )/);
    // The rows are in date order; Enter on the first moves the world to its date.
    await press(r, KEYS.enter);
    await waitForText(r, 'at 2023-12-22');
    expect(screen(r)).toMatch(tallyText(tallyAt('2023-12-22'), dated.states.length));
    expect(screen(r)).toContain('▸•2023-12-22');
  });

  it('reads each row from the file itself, sorted by date', () => {
    const rows = listEventFiles(eventsFolder());
    expect(rows.map((e) => [e.label, e.date, e.instrument, e.kind, e.observedSigned, e.observedOf])).toEqual([
      ['good.yaml', '2023-12-22', 'Test resolution 1', undefined, 2, 3],
      ['broken.yaml', '2024-12-02', 'Broken resolution', undefined, 2, undefined],
      ['vote.yaml', '2025-06-01', 'Test resolution 2', 'un-vote', 2, 3],
      ['garbled.yaml', undefined, 'garbled', undefined, undefined, undefined],
    ]);
    expect(rows[3].problem).toMatch(/^could not read: /);
    expect(listEventFiles(path.join(tmpdir(), 'no-such-folder-for-signatory'))).toEqual([]);
  });

  it('the key legend documents the date keys and fits 80 columns', () => {
    expect(KEY_HELP.map(([k]) => k)).toEqual(expect.arrayContaining(['[ ]', 'd']));
    for (const [, what] of KEY_HELP) expect(14 + what.length).toBeLessThanOrEqual(79);
  });

  it('fits 80×24 with the timeline pane on screen', async () => {
    const r = open(dated, eventsFolder());
    await press(r, '6');
    const frame = await waitFor(
      () => (/could not load/.test(screen(r)) ? screen(r) : undefined),
      'the events to be computed',
    );
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(frame).toContain('since  2025-06-01  CCC: Cland follows Aland');
  });
});
