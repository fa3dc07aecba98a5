/**
 * `signatory report`: the handout's exit codes, its --out rules, and its
 * content against what the other commands print (run --json, compare --json,
 * explain); text from a scenario escaped in both formats. The HTML in a real
 * browser is test/report/handout-browser.test.ts.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';
import { escapeMarkdown } from '../../src/report/handout-md.js';
import { HANDOUT_WORDS, word } from '../../src/report/handout-data.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const FULL = path.join(ROOT, 'scenarios', 'what-if', 'full-prescription.yaml');
const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-handout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inDir = (args: string[]) => cli(args, { cwd: dir });

/** The rows of the Markdown table that follows the heading starting with `heading`. */
function tableAfter(md: string, heading: string): string[][] {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => l.startsWith(heading));
  expect(at, `no heading '${heading}'`).toBeGreaterThanOrEqual(0);
  let k = at + 1;
  while (!lines[k].startsWith('|')) k++;
  const rows: string[][] = [];
  for (k += 2; lines[k]?.startsWith('|'); k++)
    rows.push(
      lines[k]
        .slice(2, -2)
        .split(/(?<!\\) \| /)
        .map((c) => c.trim()),
    );
  return rows;
}

describe('signatory report', () => {
  it('writes the baseline handout in Markdown with the numbers run --json gives', async () => {
    const [r, json] = await Promise.all([cli(['report', BASE, '--format', 'md']), cli(['run', BASE, '--json'])]);
    expect(r.status, r.stderr).toBe(0);
    expect(json.status).toBe(0);
    const run = JSON.parse(json.stdout) as {
      total: number;
      equilibrium: { least: { signed: number }; greatest: { signed: number } };
      qre: { expectedSigned: number; interval90: [number, number]; pMajority: number };
    };
    const tally = tableAfter(r.stdout, '## How many sign');
    expect(tally.map((row) => row[1])).toEqual([
      `${run.equilibrium.least.signed} of ${run.total}`,
      `${run.equilibrium.greatest.signed} of ${run.total}`,
      run.qre.expectedSigned.toFixed(1),
      `${run.qre.interval90[0]} to ${run.qre.interval90[1]}`,
      `${(100 * run.qre.pMajority).toFixed(1)}%`,
    ]);
    // Plain words with the technical name beside them.
    expect(tally[0][0]).toContain('(least pure Nash equilibrium)');
    expect(tally[2][0]).toContain('(QRE, λ = 4)');
    expect(r.stdout).toContain('## Why United States (USA) abstains');
    expect(r.stdout).toContain('## Why China (CHN) abstains');
    expect(r.stdout).toContain('### What would flip USA');
    expect(r.stdout).toContain('### What would flip CHN');
    expect(r.stdout).toContain('## How the signatures spread, round by round');
    expect(r.stdout).toContain('## Words used here (glossary)');
    expect(r.stdout).not.toContain('<svg');
  });

  it("lists each chosen state's terms with the values explain gives", async () => {
    const [r, explain] = await Promise.all([
      cli(['report', BASE, '--format', 'md', '--states', 'chn']),
      cli(['explain', BASE, 'CHN', '--json', '--no-flips']),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(explain.stdout) as { contributions: { id: string; value: number }[] };
    const rows = tableAfter(r.stdout, '## Why China (CHN)');
    expect(rows.map((row) => [row[0], row[3]])).toEqual(
      e.contributions.map((c) => [
        c.id,
        `${c.value > 0 && c.value.toFixed(3) !== '0.000' ? '+' : ''}${c.value.toFixed(3)}`,
      ]),
    );
    expect(r.stdout).not.toContain('## Why United States');
  });

  it('puts the cascade round by round, as run --json has it', async () => {
    const [r, json] = await Promise.all([
      cli(['report', BASE, '--format', 'md', '--states', '']),
      cli(['run', BASE, '--json', '--rounds']),
    ]);
    const cascade = (
      JSON.parse(json.stdout) as { cascade: { rounds: { round: number; ids: string[]; cumulative: number }[] } }
    ).cascade;
    const rows = tableAfter(r.stdout, '## How the signatures spread');
    expect(rows).toEqual(
      cascade.rounds.map((x) => [String(x.round), String(x.ids.length), String(x.cumulative), x.ids.join(', ')]),
    );
    expect(r.stdout).not.toContain('## Why');
  });

  it('with --compare lists who joins and leaves, as compare --json has them', async () => {
    const [r, json] = await Promise.all([
      cli(['report', BASE, '--compare', FULL, '--format', 'md']),
      cli(['compare', BASE, FULL, '--json']),
    ]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(json.stdout) as { joined: { id: string }[]; left: { id: string }[] };
    expect(c.joined.length).toBeGreaterThan(30);
    const joined = tableAfter(r.stdout, `### Who joins (${c.joined.length})`);
    expect(joined.map((row) => /\(([A-Z]{3})\)$/.exec(row[0])?.[1])).toEqual(c.joined.map((j) => j.id));
    expect(r.stdout).toContain(`### Who leaves (${c.left.length})`);
    // The chosen states decomposed term by term: neither great power joins, even with the full prescription.
    expect(r.stdout).toContain('### United States (USA): abstains in both');
    expect(r.stdout).toContain('### China (CHN): abstains in both');
  });

  it('writes HTML with inline SVG charts, no scripts and no external references', async () => {
    const r = await inDir(['report', BASE, '--compare', FULL, '--out', 'cmp.html']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(path.join(dir, 'cmp.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // The tally chart and one term chart per chosen state.
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toContain("default-src 'none'");
    const letter = await cli(['report', BASE, '--format', 'html', '--paper', 'letter']);
    expect(letter.stdout).toContain('@page { size: letter;');
  });

  it('is byte-identical from run to run', async () => {
    const a = await cli(['report', BASE, '--compare', FULL, '--format', 'html']);
    const b = await cli(['report', BASE, '--compare', FULL, '--format', 'html']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('refuses an existing --out without --force, and replaces it with --force', async () => {
    const out = path.join(dir, 'exists.md');
    writeFileSync(out, 'keep me');
    const r = await inDir(['report', BASE, '--format', 'md', '--out', 'exists.md']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--out exists.md exists (give --force to replace it)');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await inDir(['report', BASE, '--format', 'md', '--out', 'exists.md', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# A Coruña 2026\n/);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes over the scenario or the one compared, even with --force', async () => {
    const own = path.join(dir, 'crowd.yaml');
    copyFileSync(CROWD, own);
    const before = readFileSync(own, 'utf8');
    for (const args of [
      ['report', 'crowd.yaml', '--format', 'md', '--states', '', '--out', 'crowd.yaml', '--force'],
      ['report', CROWD, '--compare', 'crowd.yaml', '--format', 'md', '--states', '', '--out', 'crowd.yaml', '--force'],
    ]) {
      const r = await inDir(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--out crowd.yaml is the scenario, the one compared, or a file they extend');
      expect(readFileSync(own, 'utf8')).toBe(before);
    }
  });

  it.each([
    [['--format', 'pdf'], "--format must be html or md, got 'pdf'"],
    [['--out', 'x.txt'], 'give the format: --format html or --format md'],
    [['--format', 'md', '--states', 'USA,XYZ'], '--states: '],
    [['--format', 'md', '--force'], '--force needs --out'],
    [['--format', 'html', '--paper', 'a3'], "--paper must be a4 or letter, got 'a3'"],
    [['--format', 'md', '--out', 'no-such-folder/x.md'], 'folder'],
  ])('refuses %j in one line, exit code 2, nothing written', async (extra, message) => {
    const r = await inDir(['report', BASE, ...extra]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'x.txt'))).toBe(false);
  });

  it('escapes markup from the scenario in HTML and Markdown', async () => {
    const hostile = path.join(dir, 'hostile.yaml');
    writeFileSync(
      hostile,
      readFileSync(CROWD, 'utf8')
        .replace(/^name: .*$/m, `name: "<img src=x onerror=alert(1)> & *bold* | [link](http://x)"`)
        .replace('name: "Threshold 0"', 'name: "<script>alert(2)</script>|"'),
    );
    const html = await cli(['report', hostile, '--format', 'html', '--states', 'S01']);
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).not.toMatch(/<img|<script/);
    expect(html.stdout).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; *bold*');
    expect(html.stdout).toContain('&lt;script&gt;alert(2)&lt;/script&gt;|');
    const md = await cli(['report', hostile, '--format', 'md', '--states', 'S01']);
    expect(md.stdout).toContain('# \\<img src=x onerror=alert(1)\\> &amp; \\*bold\\* \\| \\[link\\](http://x)');
    expect(md.stdout).not.toMatch(/(?<!\\)<(script|img)/);
  });
});

describe('escapeMarkdown', () => {
  it('escapes markup, raw HTML, table pipes and a list marker at the start', () => {
    expect(escapeMarkdown('a|b <i> *x* _y_ `z` [l] ~s~ #h & c')).toBe(
      'a\\|b \\<i\\> \\*x\\* \\_y\\_ \\`z\\` \\[l\\] \\~s\\~ \\#h &amp; c',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('\\1. item');
    expect(escapeMarkdown('-1.812')).toBe('-1.812');
    expect(escapeMarkdown('40.3')).toBe('40.3');
    expect(escapeMarkdown('line\nbreak')).toBe('line\\nbreak');
  });
});

it('every word the handout defines is in the glossary', () => {
  for (const id of HANDOUT_WORDS) expect(word(id).plain.length).toBeGreaterThan(20);
});
