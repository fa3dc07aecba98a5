/**
 * The Why pane's seek (`k`), run in a worker thread, and its labels, which
 * wrap instead of being cut. The real worker is dist's (test/global-setup.ts
 * builds it); a worker that never answers shows the UI answering keys while
 * a search runs, and the search being cancelled.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXPLAINED_PARAMETERS } from '../../src/analysis/parameter-flip.js';
import { runScenario } from '../../src/analysis/run.js';
import { seek } from '../../src/analysis/seek.js';
import type { Scenario } from '../../src/model/scenario.js';
import { fixed, signed } from '../../src/report/format.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fromPlainScenario, toPlainScenario } from '../../src/scenario/plain-scenario.js';
import { App } from '../../src/tui/App.js';
import { cli } from '../cli/run-cli.js';
import { BASELINE, KEYS, press, ROOT, SCENARIOS, screen, waitFor, waitForText } from './helpers.js';

const WORKER = pathToFileURL(path.join(ROOT, 'dist', 'tui', 'seek-worker.js'));
const SILENT = pathToFileURL(path.join(ROOT, 'test', 'tui', 'fixtures', 'silent-seek-worker.mjs'));
const LONG_TERM = path.join(ROOT, 'test', 'tui', 'fixtures', 'long-term.yaml');
const TECH_LOBBY = path.join(ROOT, 'test', 'fixtures', 'scenarios', 'tech-lobby.yaml');

let baseline: Scenario;
beforeAll(() => {
  baseline = loadScenario(BASELINE);
});
afterEach(() => cleanup());

function open(scenario: Scenario, worker: URL, size = { columns: 80, rows: 24 }) {
  return render(
    <App
      scenario={scenario}
      cwd={mkdtempSync(path.join(tmpdir(), 'signatory-seek-'))}
      scenariosDir={SCENARIOS}
      size={size}
      seekWorker={worker}
    />,
  );
}

/** Selects a state with `/` and opens its Why pane. */
async function why(r: ReturnType<typeof open>, id: string) {
  await press(r, '2');
  await press(r, '/');
  await press(r, id);
  await press(r, KEYS.enter);
  await waitForText(r, new RegExp(`\\(Δ by term\\) {2}${id} `));
}

/** The text of the column that starts where `marker` does, its lines joined with single spaces. */
function rightColumn(frame: string, marker: string): string {
  const lines = frame.split('\n');
  const at = lines.findIndex((l) => l.includes(marker));
  const column = lines[at].indexOf(marker);
  const end = lines.findIndex((l, k) => k > at && l.includes('subgame:'));
  return lines
    .slice(at, end < 0 ? undefined : end)
    .map((l) => l.slice(column).trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** The seek the CLI prints for "ID sign" on the baseline. */
async function cliSeek(id: string) {
  const out = await cli(['seek', BASELINE, '--target', `${id} sign`, '--json']);
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as {
    status: string;
    distance: number | null;
    lowerBound: number | null;
    exact: boolean;
    changes: { path: string; label: string; from: number; to: number }[];
    tally: { least: number; greatest: number };
    missing: string[];
    evaluations: number;
  };
}

describe('a scenario as plain data (what the seek worker is sent)', () => {
  it('survives a structured clone and gives the same game, custom terms included', () => {
    for (const file of [BASELINE, TECH_LOBBY]) {
      const s = loadScenario(file);
      expect(() => structuredClone(s)).toThrow();
      const back = fromPlainScenario(structuredClone(toPlainScenario(s)));
      expect(back.terms.map((t) => t.id)).toEqual(s.terms.map((t) => t.id));
      const a = runScenario(s);
      const b = runScenario(back);
      expect(b.states.map((x) => x.delta)).toEqual(a.states.map((x) => x.delta));
      expect(b.tally).toEqual(a.tally);
    }
  });

  it('gives the same seek as the scenario it came from', () => {
    const back = fromPlainScenario(structuredClone(toPlainScenario(baseline)));
    const a = seek(baseline, { mustSign: ['BRA'] });
    const b = seek(back, { mustSign: ['BRA'] });
    expect(b.changes).toEqual(a.changes);
    expect(b.distance).toBe(a.distance);
    expect(b.evaluations).toBe(a.evaluations);
  });
});

describe('k in the Why pane: signatory seek for the selected state, in the background', () => {
  it('shows searching…, then the smallest change signatory seek prints', async () => {
    const expected = await cliSeek('BRA');
    expect(expected.status).toBe('found');
    const r = open(baseline, WORKER);
    await why(r, 'BRA');
    await press(r, 'k');
    const done = await waitForText(r, 'L1 distance', 20_000);
    expect(r.frames.some((f) => f.includes('searching…'))).toBe(true);
    expect(done).toContain(`L1 distance ${fixed(expected.distance!, 4)}`);
    for (const c of expected.changes) {
      expect(done).toContain(c.label);
      expect(done).toContain(`${fixed(c.from, 4)} → ${fixed(c.to, 4)} (${signed(c.to - c.from, 4)})`);
    }
    const now = runScenario(baseline).equilibria.least.signed;
    expect(done).toContain(
      `Then ${expected.tally.least} of ${baseline.states.length} sign (${signed(expected.tally.least - now, 0)})`,
    );
    expect(done).toContain(`${expected.evaluations} equilibrium`);
    for (const line of done.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says so when no setting within bounds makes the state sign (the US on the baseline)', async () => {
    const expected = await cliSeek('USA');
    expect(expected.status).toBe('infeasible');
    const r = open(baseline, WORKER);
    await press(r, '3');
    await press(r, 'k');
    const done = await waitForText(r, 'None found', 20_000);
    expect(rightColumn(done, 'Smallest change')).toContain(
      `Even the most favourable one gives ${expected.tally.least} of ${baseline.states.length} signers, and USA still abstains.`,
    );
  });

  it('keeps answering keys while the search runs; moving to another state cancels it', async () => {
    const r = open(baseline, SILENT);
    await press(r, '3');
    await press(r, 'k');
    await waitForText(r, 'searching…');
    // Other panes and back: the search goes on.
    await press(r, '2');
    await waitForText(r, 'States');
    await press(r, '3');
    await waitForText(r, 'searching…');
    // Another state: the answer would no longer apply.
    const selectedState = () => screen(r).match(/\(Δ by term\) {2}(\S+) /)?.[1];
    const before = selectedState();
    expect(before).toBe('USA');
    // The US has the lowest Δ, so it is the last row of the table sorted by Δ: ↑ moves.
    await press(r, KEYS.up);
    await waitFor(
      () => !screen(r).includes('searching…') && selectedState() !== before,
      () => `another state, no search:\n${screen(r)}`,
    );
    expect(screen(r)).toContain('What flips it');
  });

  it('Esc or k again cancels; a change to a parameter cancels too', async () => {
    const r = open(baseline, SILENT);
    await press(r, '3');
    await press(r, 'k');
    await waitForText(r, 'searching…');
    await press(r, KEYS.escape);
    await waitForText(r, 'Search cancelled.');
    expect(screen(r)).not.toContain('searching…');
    await press(r, 'k');
    await waitForText(r, 'searching…');
    await press(r, 'k');
    await waitFor(() => !screen(r).includes('searching…'), 'k to cancel');
    await press(r, 'k');
    await waitForText(r, 'searching…');
    await press(r, '1');
    await press(r, KEYS.right);
    await press(r, '3');
    await waitFor(
      () => !screen(r).includes('searching…') && screen(r).includes('What flips it'),
      'the change to cancel',
    );
  });

  it('for a state that signs, seeks what makes it abstain, as signatory seek --target "ID abstain" does', async () => {
    const out = await cli(['seek', BASELINE, '--target', 'GBR abstain', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const expected = JSON.parse(out.stdout) as Awaited<ReturnType<typeof cliSeek>>;
    expect(expected.status).toBe('found');
    const r = open(baseline, WORKER);
    await why(r, 'GBR');
    expect(screen(r)).toMatch(/GBR United Kingdom signs/);
    await press(r, 'k');
    const done = await waitForText(r, 'L1 distance', 20_000);
    expect(done).toContain('Smallest change that makes GBR abstain');
    expect(done).toContain(`L1 distance ${fixed(expected.distance!, 4)}`);
    for (const c of expected.changes) {
      expect(done).toContain(c.label);
      expect(done).toContain(`${fixed(c.from, 4)} → ${fixed(c.to, 4)} (${signed(c.to - c.from, 4)})`);
    }
    expect(done).toContain(`Then ${expected.tally.least} of ${baseline.states.length} sign`);
  });

  it('does not search for a state held fixed, and says why', async () => {
    const r = open(baseline, SILENT);
    await press(r, '3');
    await press(r, 'f');
    await waitForText(r, 'held at sign');
    await press(r, 'k');
    await waitForText(r, 'USA is held fixed');
    expect(screen(r)).not.toContain('searching…');
  });
});

describe('the Why pane never cuts a label', () => {
  it.each([
    [80, 24],
    [140, 40],
  ])('shows every parameter label whole at %i columns', async (columns, rows) => {
    const r = open(baseline, SILENT, { columns, rows });
    await press(r, '3');
    const frame = await waitForText(r, 'What flips it (one at a time)', 20_000);
    const flips = rightColumn(frame, 'What flips it');
    expect(flips).not.toContain('…');
    // Every parameter that has a row shows its label whole (as many rows as the 24-row screen has).
    const labels = EXPLAINED_PARAMETERS.map((p) => p.info.label);
    const shown = labels.filter((l) => flips.includes(l));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    expect(shown).toEqual(labels.slice(0, shown.length));
    expect(shown).toContain('Neutral interpretation');
    expect(shown).toContain('Threshold clarity');
    // The key hints name k whole.
    expect(frame).toContain('↑↓ state · k seek: what flips it · f fix · r free · / find · Tab pane · ? keys');
  });

  it('wraps a term id longer than its column instead of cutting it, at 80 and 140 columns', async () => {
    const scenario = loadScenario(LONG_TERM);
    for (const [columns, rows] of [
      [80, 24],
      [140, 40],
    ]) {
      const r = open(scenario, SILENT, { columns, rows });
      await press(r, '3');
      const frame = await waitForText(r, 'What flips it');
      // The pieces of the id, one under the other at the start of the chart's rows.
      const lines = frame.split('\n');
      const at = lines.findIndex((l) => /domestic/.test(l));
      expect(at).toBeGreaterThan(0);
      const column = lines[at].indexOf('domestic');
      let id = '';
      for (let k = at; k < lines.length; k++) {
        const piece = lines[k].slice(column).match(/^[A-Za-z]+/)?.[0];
        if (!piece) break;
        id += piece;
        if (id.length >= 'domesticDefenceIndustryLobbyPressure'.length) break;
      }
      expect(id).toBe('domesticDefenceIndustryLobbyPressure');
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
      cleanup();
    }
  });
});
