/**
 * The explorer's text fields and prompts: a burst of keys (what a terminal
 * delivers when keys arrive together) is read character by character; a
 * what-if is saved under a name the user types; quitting or opening
 * another file asks before an unsaved what-if is dropped; the help and the
 * cascade wrap at 80 columns instead of cutting.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../src/app/glossary.js';
import { cascadeOf } from '../../src/analysis/cascade.js';
import { runScenario } from '../../src/analysis/run.js';
import { tippedLine } from '../../src/report/cascade-text.js';
import type { Scenario } from '../../src/model/scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { App } from '../../src/tui/App.js';
import { LEGEND } from '../../src/tui/components/HelpPane.js';
import { editLine } from '../../src/tui/line-edit.js';
import { wrapCells } from '../../src/tui/wrap-cells.js';
import { BASELINE, KEYS, press, SCENARIOS, screen, tallyText, TWENTY, waitFor, waitForText } from './helpers.js';

let baseline: Scenario;
beforeAll(() => {
  baseline = loadScenario(BASELINE);
});
afterEach(() => cleanup());

function open(scenario: Scenario, size = { columns: 80, rows: 24 }) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'signatory-prompts-'));
  const r = render(<App scenario={scenario} cwd={cwd} scenariosDir={SCENARIOS} size={size} />);
  return Object.assign(r, { cwd });
}

/** The text of the prompt line, after its label. */
function field(r: ReturnType<typeof open>, label: string): string {
  const line = screen(r)
    .split('\n')
    .find((l) => l.includes(label));
  return line
    ? line
        .slice(line.indexOf(label) + label.length)
        .split('  ')[0]!
        .trimEnd()
    : '';
}

describe('editLine reads every character of a burst', () => {
  const none = {};
  it('deletes one character per DEL or BS in the burst', () => {
    expect(editLine('abcdef', '\u007f\u007f\u007f', none).text).toBe('abc');
    expect(editLine('abcdef', '\b\b', none).text).toBe('abcd');
    expect(editLine('ab', '\u007f\u007f\u007f\u007f', none).text).toBe('');
    expect(editLine('ab', 'c\u007fd', none).text).toBe('abd');
  });
  it('deletes a whole character, not half of one', () => {
    expect(editLine('名前😀', '\u007f', none).text).toBe('名前');
    expect(editLine('名前😀', '\u007f\u007f', none).text).toBe('名');
  });
  it('clears with Ctrl-U, drops a word with Ctrl-W, submits on Enter, in a burst or alone', () => {
    expect(editLine('old', '\u0015new', none).text).toBe('new');
    expect(editLine('two words', '\u0017', none).text).toBe('two ');
    expect(editLine('x', 'u', { ctrl: true }).text).toBe('');
    expect(editLine('file.yaml', '\r', { return: true })).toEqual({ text: 'file.yaml', submit: true, cancel: false });
    expect(editLine('', 'a.yaml\rjunk', none)).toEqual({ text: 'a.yaml', submit: true, cancel: false });
    expect(editLine('keep', '', { escape: true })).toEqual({ text: 'keep', submit: false, cancel: true });
  });
  it('keeps control and bidi characters out of the text', () => {
    expect(editLine('', 'a\u0007b\u202ec\u001b', none).text).toBe('abc');
    expect(editLine('same', '', { upArrow: true }).text).toBe('same');
  });
  it('n Backspaces at once leave what n Backspaces one by one leave', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), fc.nat(12), (text, n) => {
        let oneByOne = text;
        for (let k = 0; k < n; k++) oneByOne = editLine(oneByOne, '', { delete: true }).text;
        expect(editLine(text, '\u007f'.repeat(n), none).text).toBe(oneByOne);
      }),
    );
  });
});

describe('text fields in the explorer', () => {
  it('three Backspaces sent together delete three characters', async () => {
    const r = open(baseline);
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    const before = field(r, 'Save what-if as: ');
    expect(before.length).toBeGreaterThan(5);
    await press(r, KEYS.backspace.repeat(3));
    await waitFor(
      () => field(r, 'Save what-if as: ') === before.slice(0, -3),
      () => `three characters gone from ${before}`,
    );
    // Typed text and Backspaces in one burst, as a fast typist or a paste delivers them.
    await press(r, 'xy\u007fz');
    await waitFor(() => field(r, 'Save what-if as: ') === `${before.slice(0, -3)}xz`, 'xz typed');
  });

  it('the state search takes a burst too', async () => {
    const r = open(baseline);
    await press(r, '2');
    await press(r, '/');
    await waitForText(r, 'Find state: ');
    await press(r, 'chnx\u007f');
    await waitFor(() => field(r, 'Find state: ') === 'chn', 'the search to read chn');
    await press(r, KEYS.enter);
    await waitForText(r, /\(Δ by term\)\s+CHN China/);
  });
});

describe('saving a what-if under a name', () => {
  it('asks for the name after the file name and writes it into the file', async () => {
    const r = open(baseline);
    await press(r, KEYS.right, 2);
    await waitForText(r, '* was');
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    const target = path.join(r.cwd, 'named.yaml');
    await press(r, KEYS.ctrlU);
    await press(r, target);
    await press(r, KEYS.enter);
    await waitForText(r, `Name of the what-if: ${baseline.name} (what-if)`);
    await press(r, KEYS.ctrlU);
    await press(r, 'Verification at 0.2');
    await press(r, KEYS.enter);
    await waitForText(r, 'Saved what-if to named.yaml as "Verification at 0.2"');
    expect(readFileSync(target, 'utf8')).toMatch(/^name: Verification at 0\.2$/m);
    const saved = loadScenario(target);
    expect(saved.name).toBe('Verification at 0.2');
    expect(saved.declaration.verification).toBeCloseTo(baseline.declaration.verification + 0.2, 12);
  });

  it('an empty name falls back to the default one', async () => {
    const r = open(baseline);
    await press(r, KEYS.right);
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    const target = path.join(r.cwd, 'unnamed.yaml');
    await press(r, KEYS.ctrlU);
    await press(r, target);
    await press(r, KEYS.enter);
    await waitForText(r, 'Name of the what-if: ');
    await press(r, KEYS.ctrlU);
    await press(r, KEYS.enter);
    await waitForText(r, 'Saved what-if to unnamed.yaml');
    expect(loadScenario(target).name).toBe(`${baseline.name} (what-if)`);
  });
});

describe('an unsaved what-if is not dropped without asking', () => {
  /** Opens the picker and walks to a file; returns when Enter has been pressed on it. */
  async function pick(r: ReturnType<typeof open>, label: string) {
    await press(r, 'o');
    const frame = await waitForText(r, label);
    const lines = frame.split('\n');
    const steps = lines.findIndex((l) => l.includes(label)) - lines.findIndex((l) => l.startsWith('▸'));
    await press(r, steps > 0 ? KEYS.down : KEYS.up, Math.abs(steps));
    await press(r, KEYS.enter);
  }

  it('opening another file asks; n keeps the what-if, y opens the file', async () => {
    const r = open(loadScenario(TWENTY));
    await waitForText(r, 'TUI test twenty');
    await press(r, KEYS.right);
    await waitForText(r, '* was');
    await pick(r, 'examples/stag-hunt.yaml');
    await waitForText(r, 'Discard the unsaved what-if (1 change) and open examples/stag-hunt.yaml?');
    await press(r, 'n');
    await waitFor(() => !screen(r).includes('Discard the unsaved'), 'the question to go');
    expect(screen(r)).toContain('TUI test twenty');
    await press(r, KEYS.enter);
    await waitForText(r, 'Discard the unsaved what-if');
    await press(r, 'y');
    await waitForText(r, 'Two-state stag hunt');
    expect(screen(r)).toMatch(tallyText(0, 2));
  });

  it('q asks with changes; Esc keeps the what-if; w opens the save prompt', async () => {
    const r = open(baseline);
    await press(r, KEYS.right);
    await waitForText(r, '* was');
    await press(r, 'q');
    await waitForText(r, 'Discard the unsaved what-if (1 change) and quit?');
    await press(r, KEYS.escape);
    await waitFor(() => !screen(r).includes('Discard the unsaved'), 'the question to go');
    expect(screen(r)).toContain('* was');
    await press(r, 'q');
    await waitForText(r, 'Discard the unsaved what-if');
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
  });

  it('a saved what-if opens another file without asking, and so does no change at all', async () => {
    const r = open(loadScenario(TWENTY));
    await press(r, KEYS.right);
    await press(r, 'w');
    await waitForText(r, 'Save what-if as: ');
    await press(r, KEYS.ctrlU);
    await press(r, path.join(r.cwd, 'kept.yaml'));
    await press(r, KEYS.enter);
    await waitForText(r, 'Name of the what-if: ');
    await press(r, KEYS.enter);
    await waitForText(r, 'Saved what-if to kept.yaml');
    await pick(r, 'examples/stag-hunt.yaml');
    await waitForText(r, 'Two-state stag hunt');
    expect(screen(r)).not.toContain('Discard');
  });
});

describe('at 80 columns nothing is cut', () => {
  it('the help wraps its legend and scrolls through the glossary', async () => {
    const r = open(baseline);
    await press(r, '?');
    const first = await waitForText(r, 'fix the selected state');
    for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // The legend, whole, over as many lines as it needs.
    await press(r, KEYS.down, 3);
    const legend = await waitForText(r, '░ abstain');
    const joined = legend.replace(/\n/g, ' ').replace(/\s+/g, ' ');
    expect(joined).toContain(wrapCells(LEGEND, 79).join(' '));
    // The glossary, down to its last entry.
    await press(r, '\u001b[F'); // End
    const last = GLOSSARY.at(-1)!;
    const end = await waitForText(r, last.term);
    for (const line of end.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    await press(r, 'x');
    await waitFor(() => !screen(r).includes('Glossary'), 'the help to close');
  });

  it('the cascade wraps a long round onto more rows, every id shown', async () => {
    const run = runScenario(baseline);
    const ids = run.scenario.states.map((s) => s.id);
    const round1 = run.equilibria.least.rounds[0]!.map((i) => ids[i]!);
    expect(round1.length * 4).toBeGreaterThan(80);
    const r = open(baseline);
    await press(r, '4');
    const frame = await waitForText(r, 'round 1');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const text = frame.replace(/\s+/g, ' ');
    for (const id of round1) expect(text).toContain(` ${id}`);
  });

  it('the cascade pane shows who tipped the round on screen, as run --rounds does', async () => {
    const usa = loadScenario(path.join(SCENARIOS, 'what-if', 'usa-signs.yaml'));
    const cascade = cascadeOf(runScenario(usa), 3);
    const round2 = cascade.tipped.filter((t) => t.round === 2);
    expect(round2.some((t) => t.tippers.some((x) => x.id === 'USA'))).toBe(true);
    const r = open(usa, { columns: 80, rows: 40 });
    await press(r, '4');
    const rounds = cascade.rounds.length;
    await waitForText(r, `round ${rounds}/${rounds}`);
    await press(r, KEYS.left, rounds - 2);
    const frame = await waitForText(r, 'Who tipped round 2');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    // Each state's line, wrapped at the pane's width, word for word.
    const text = frame.replace(/\s+/g, ' ');
    for (const t of round2) expect(text).toContain(tippedLine(t).replace(/\s+/g, ' '));
    // Round 1 signed alone: nobody tipped it.
    await press(r, KEYS.left);
    await waitForText(r, 'round 1/');
    expect(screen(r)).not.toContain('Who tipped');
  });

  it('i shows the whole description, wrapped and scrollable; the header says it is there', async () => {
    expect(baseline.description.replace(/\s+/g, ' ').length).toBeGreaterThan(80);
    const r = open(baseline);
    const first = await waitForText(r, '· i more');
    expect(first.split('\n')[1]!.length).toBeLessThanOrEqual(79);
    await press(r, 'i');
    const about = await waitForText(r, 'About this scenario');
    for (const line of about.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const words = baseline.description.trim().split(/\s+/);
    const text = about.replace(/\s+/g, ' ');
    expect(text).toContain(words.join(' '));
    await press(r, 'x');
    await waitFor(() => !screen(r).includes('About this scenario'), 'the description to close');
  });
});
