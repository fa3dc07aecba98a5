/**
 * `signatory report --worksheet`: the five exercises with blanks, and the
 * answer key beside them with the numbers the commands give.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-worksheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inDir = (args: string[]) => cli(args, { cwd: dir });

describe('signatory report --worksheet', () => {
  it('writes the worksheet with blanks and the answer key beside it, with the numbers the commands give', async () => {
    const r = await inDir(['report', '--worksheet', '--out', 'ws.md']);
    expect(r.status, r.stderr).toBe(0);
    const sheet = readFileSync(path.join(dir, 'ws.md'), 'utf8');
    const key = readFileSync(path.join(dir, 'ws-answers.md'), 'utf8');
    expect(sheet.match(/^## Exercise \d/gm)).toHaveLength(5);
    expect(key.match(/^## Exercise \d/gm)).toHaveLength(5);
    // Blanks in the worksheet, answers only in the key.
    expect(sheet).toContain('| How many states sign in the baseline (least equilibrium)? |   |   |');
    expect(sheet).not.toContain('35 of 85');
    const json = async (args: string[]) => JSON.parse((await cli(args)).stdout) as unknown;
    const run = (await json(['run', BASE, '--json'])) as { equilibrium: { least: { signed: number } } };
    expect(key).toContain(
      `| How many states sign in the baseline (least equilibrium)? | ${run.equilibrium.least.signed} of 85 |`,
    );
    const verification = (await json([
      'compare',
      BASE,
      path.join(ROOT, 'scenarios/what-if/verification.yaml'),
      '--json',
    ])) as {
      other: { least: number };
      joined: { id: string }[];
    };
    expect(key).toContain(`| Predict: how many sign with verification added? | ${verification.other.least} of 85 |`);
    expect(key).toContain(`| Which states join? | ${verification.joined.map((j) => j.id).join(', ')} |`);
    const enforcement = (await json([
      'compare',
      BASE,
      path.join(ROOT, 'scenarios/what-if/enforcement.yaml'),
      '--json',
    ])) as {
      left: { id: string }[];
    };
    expect(key).toContain(`| Which states leave? | ${enforcement.left.map((l) => l.id).join(', ')} |`);
  });

  it('writes HTML with empty cells for the predictions', async () => {
    const r = await inDir(['report', '--worksheet', '--format', 'html', '--out', 'ws.html']);
    expect(r.status, r.stderr).toBe(0);
    const sheet = readFileSync(path.join(dir, 'ws.html'), 'utf8');
    expect(sheet).toContain('<td></td><td></td>');
    expect(sheet).toContain('<table class="blanks">');
    expect(readFileSync(path.join(dir, 'ws-answers.html'), 'utf8')).toContain('Answer key');
  });

  it('refuses before writing either file when the answer key exists', async () => {
    writeFileSync(path.join(dir, 'new-answers.md'), 'mine');
    const r = await inDir(['report', '--worksheet', '--out', 'new.md']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out new-answers.md exists (give --force to replace it)');
    expect(existsSync(path.join(dir, 'new.md'))).toBe(false);
    expect(readFileSync(path.join(dir, 'new-answers.md'), 'utf8')).toBe('mine');
  });

  it.each([
    [['--worksheet', '--format', 'md'], '--worksheet needs --out'],
    [['--worksheet', '--out', 'w.md', '--compare', BASE], '--worksheet takes no --compare'],
    [['--worksheet', BASE, '--out', 'w.md'], 'unexpected argument'],
  ])('refuses %j', async (args, message) => {
    const r = await inDir(['report', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
