import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cascadeOf } from '../../src/analysis/cascade.js';
import { runScenario } from '../../src/analysis/run.js';
import { cascadeToJson } from '../../src/report/cascade-text.js';
import { runToJson } from '../../src/report/run-json.js';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { App } from '../../src/tui/App.js';
import { BASELINE, KEYS, press, SCENARIOS, screen, tallyText, TWENTY, waitFor, waitForText } from './helpers.js';

let baseline: Scenario;
beforeAll(() => {
  baseline = loadScenario(BASELINE);
});
afterEach(() => cleanup());

function open(
  scenario: Scenario,
  size = { columns: 80, rows: 24 },
  cwd = mkdtempSync(path.join(tmpdir(), 'signatory-tui-')),
) {
  const r = render(<App scenario={scenario} cwd={cwd} scenariosDir={SCENARIOS} size={size} />);
  return Object.assign(r, { cwd });
}

const withValue = (s: Scenario, key: string, value: number): Scenario => ({
  ...s,
  declaration: { ...s.declaration, [key]: value },
});

describe('the explorer on the A Coruña baseline', () => {
  it('shows the baseline tally in the first frame, within 80×24', () => {
    const run = runScenario(baseline);
    const n = baseline.states.length;
    const r = open(baseline);
    const frame = screen(r);
    expect(frame).toMatch(tallyText(run.equilibria.least.signed, n));
    expect(frame).toContain(baseline.name);
    expect(frame).toContain(`90% [${run.tally.interval90[0]}, ${run.tally.interval90[1]}]`);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('moves the tally when a slider moves, as the core says it should', async () => {
    // The first verification level, in steps of 0.1, at which the least equilibrium changes.
    const before = runScenario(baseline).equilibria.least.signed;
    let steps = 0;
    let after = before;
    while (after === before && steps < 10) {
      steps++;
      after = runScenario(
        withValue(baseline, 'verification', Math.round((baseline.declaration.verification + 0.1 * steps) * 1e9) / 1e9),
      ).equilibria.least.signed;
    }
    expect(after, 'verification moves the baseline tally somewhere in [0,1]').not.toBe(before);
    const r = open(baseline);
    await waitForText(r, tallyText(before, 85));
    await press(r, KEYS.right, steps);
    const value = (baseline.declaration.verification + 0.1 * steps).toFixed(2);
    const frame = await waitForText(r, tallyText(after, 85));
    expect(frame).toMatch(new RegExp(`Verification .* ${value} \\* was`));
    expect(frame).toMatch(/Tally \d+ → \d+/);
    // r puts it back.
    await press(r, 'r');
    await waitForText(r, new RegExp(`\\b${before} sign`));
  });

  it('moves a slider by the fine step with - and +', async () => {
    const r = open(baseline);
    await press(r, '+');
    await waitForText(r, `${(baseline.declaration.verification + 0.01).toFixed(2)} * was`);
    await press(r, '-');
    await waitFor(() => !screen(r).includes('* was'), 'the change mark to go');
  });

  it('fixing a state changes the outcome', async () => {
    const fixed = runScenario({ ...baseline, fixed: { ...baseline.fixed, USA: 'sign' } });
    const free = runScenario(baseline);
    expect(fixed.equilibria.least.signed).toBeGreaterThan(free.equilibria.least.signed);
    const r = open(baseline);
    await press(r, '2');
    await waitForText(r, ' States ');
    // USA is selected at start: the Why pane explains it and `f` fixes it.
    await press(r, 'f');
    const frame = await waitForText(r, tallyText(fixed.equilibria.least.signed, 85));
    expect(frame).toMatch(/USA\s+United States\s+✓ sign\*/);
    await press(r, 'f');
    await waitForText(r, /USA\s+United States\s+· abstain\*/);
    await press(r, 'f');
    await waitForText(r, tallyText(free.equilibria.least.signed, 85));
  });

  it('explains the selected state and computes its flip thresholds without blocking', async () => {
    const r = open(baseline, { columns: 100, rows: 30 });
    await press(r, '3');
    const frame = await waitForText(r, 'USA United States');
    expect(frame).toMatch(/USA–CHN subgame: /);
    await waitForText(r, 'What flips it (one at a time)', 20_000);
    expect(screen(r)).toMatch(/Verification\s+\d\.\d\d (no flip|signs|abstains)/);
  });

  it('replays the cascade round by round', async () => {
    const run = runScenario(baseline);
    const rounds = run.equilibria.least.rounds.length;
    const r = open(baseline);
    await press(r, '4');
    await waitForText(r, `round ${rounds}/${rounds}`);
    await press(r, 'g'); // an unused key changes nothing
    await press(r, KEYS.left, rounds);
    await waitForText(r, /start\s+░+ 0 sign/);
    await press(r, KEYS.right);
    await waitForText(r, new RegExp(`round 1/${rounds}\\s+█*░+ ${run.equilibria.least.rounds[0].length} sign`));
  });

  it('sorts the states table and finds a state by name', async () => {
    const r = open(baseline);
    await press(r, '2');
    await press(r, 's'); // P(sign)
    await press(r, 's'); // name
    await waitForText(r, 'by name A→Z');
    await press(r, '/');
    for (const c of 'chin') await press(r, c);
    await press(r, KEYS.enter);
    await waitForText(r, /\(Δ by term\)\s+CHN China/);
  });

  it('uses the extra room of a large terminal: sliders beside the panes', () => {
    const r = open(baseline, { columns: 160, rows: 48 });
    const frame = screen(r);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(47);
    const sliderLine = lines.find((l) => l.includes('Verification'))!;
    expect(sliderLine).toMatch(/Verification.*(Least eq\.|Greatest|QRE)/);
    expect(frame).toContain('^ least equilibrium');
  });

  it('shows the keys on ? and closes them on any key', async () => {
    const r = open(baseline);
    await press(r, '?');
    await waitForText(r, 'fix the selected state');
    await press(r, 'x');
    await waitFor(() => !screen(r).includes('fix the selected state'), 'help to close');
  });
});

describe('saving and exporting', () => {
  it('saves a what-if that loads and reproduces the screen, and never overwrites silently', async () => {
    const r = open(baseline);
    await press(r, KEYS.right, 3); // verification +0.3
    await press(r, '2');
    await press(r, 'f'); // USA held at sign
    const shown = await waitForText(r, /USA\s+United States\s+✓ sign\*/);
    const signed = Number(/(\d+) sign \(/.exec(shown)?.[1] ?? /(\d+) sign ·/.exec(shown)![1]);
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    const target = path.join(r.cwd, 'verified-us.yaml');
    await press(r, KEYS.ctrlU);
    await press(r, target);
    await press(r, KEYS.enter);
    // Then its name, offered as the scenario's name with "(what-if)".
    await waitForText(r, `Name of the what-if: ${baseline.name} (what-if)`);
    await press(r, KEYS.enter);
    await waitForText(r, 'Saved what-if to verified-us.yaml');
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/^extends: /m);
    expect(text).toMatch(/verification: 0\.3/);
    expect(text).toMatch(/USA: sign/);
    // Only the changes: no states, no weights.
    expect(text).not.toMatch(/^states:/m);
    expect(text).not.toMatch(/^weights:/m);
    const saved = loadScenario(target);
    expect(saved.declaration.verification).toBeCloseTo(baseline.declaration.verification + 0.3, 12);
    expect(saved.fixed.USA).toBe('sign');
    expect(runScenario(saved).equilibria.least.signed).toBe(signed);

    // Saving again to the same name asks first; n keeps the file.
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    await press(r, KEYS.ctrlU);
    await press(r, target);
    await press(r, KEYS.enter);
    await waitForText(r, 'Name of the what-if: ');
    await press(r, KEYS.enter);
    await waitForText(r, 'exists. Overwrite it?');
    await press(r, 'n');
    await press(r, KEYS.escape);
    await waitFor(() => !screen(r).includes('Save what-if as'), 'the prompt to close');
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('exports the current result as the JSON of `signatory run --json --rounds`', async () => {
    const r = open(baseline);
    await press(r, 'e');
    await waitForText(r, 'Export result as: ');
    await press(r, KEYS.enter);
    const frame = await waitForText(r, /Exported result to (\S+\.json)/);
    const file = path.join(r.cwd, /Exported result to (\S+\.json)/.exec(frame)![1]);
    expect(existsSync(file)).toBe(true);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const run = runScenario(baseline);
    expect(json.equilibrium.least.signed).toBe(run.equilibria.least.signed);
    expect(json.total).toBe(85);
    // What `run --json --rounds` writes: the result with its rounds, and the cascade.
    expect(json).toEqual(
      JSON.parse(JSON.stringify({ ...runToJson(run, { rounds: true }), cascade: cascadeToJson(cascadeOf(run)) })),
    );
  });
});

describe('the scenario picker', () => {
  it('lists the scenarios folder recursively and opens a file', async () => {
    const r = open(loadScenario(TWENTY));
    await waitForText(r, 'TUI test twenty');
    await press(r, 'o');
    const frame = await waitForText(r, 'examples/stag-hunt.yaml');
    expect(frame).toContain('a-coruna-2026.yaml');
    expect(frame).not.toContain('rosters/');
    const lines = frame.split('\n');
    const target = lines.findIndex((l) => l.includes('examples/stag-hunt.yaml'));
    // The picker starts on the first file (TWENTY is not in the folder), marked ▸; walk down to the stag hunt.
    const first = lines.findIndex((l) => l.startsWith('▸'));
    expect(lines[first]).toContain('a-coruna-2026.yaml');
    await press(r, KEYS.down, target - first);
    await press(r, KEYS.enter);
    await waitForText(r, 'Two-state stag hunt');
    expect(screen(r)).toMatch(tallyText(0, 2));
  });
});
