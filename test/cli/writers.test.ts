/**
 * No command overwrites a file it did not create in this run without
 * --force, and none ever writes over its inputs (issue 13, item 6):
 * `merge --out` never onto a part, a part's receipt or .partial, and onto an
 * existing output only with --force; `calibrate --write` never onto the
 * input or any file of its extends chain, compared by real path (a symlink,
 * the parent reached through a linked folder), even with --force.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => cli(args, { cwd: dir });
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
copyFileSync(path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml'), path.join(dir, 'stag.yaml'));

describe('merge --out', { timeout: 60_000 }, () => {
  const GRID = ['sweep', 'stag.yaml', '--vary', 'declaration.verification=0:1:4', '--solver', 'nash', '--workers', '1'];
  const PARTS = ['p-1.csv', 'p-2.csv'];

  beforeAll(async () => {
    for (const [k, part] of PARTS.entries()) {
      const r = await run([...GRID, '--shard', `${k + 1}/2`, '--out', part]);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('never writes onto a part, its receipt or its .partial, even with --force', async () => {
    const receipt = read('p-1.csv.meta.json');
    const part = read('p-1.csv');
    for (const out of ['p-1.csv', 'p-1.csv.meta.json', 'p-1.csv.partial']) {
      const r = await run(['merge', ...PARTS, '--out', out, '--force']);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toMatch(
        /would write over p-1\.csv(\.meta\.json|\.partial)?, (one of the parts|a file of the part p-1\.csv)/,
      );
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Through a symlink too.
    symlinkSync(path.join(dir, 'p-2.csv.meta.json'), path.join(dir, 'link.csv'));
    const linked = await run(['merge', ...PARTS, '--out', 'link.csv', '--force']);
    expect(linked.status).toBe(2);
    expect(linked.stderr).toContain('would write over p-2.csv.meta.json');
    expect(read('p-1.csv.meta.json')).toBe(receipt);
    expect(read('p-1.csv')).toBe(part);
  });

  it('refuses an existing output or receipt without --force, replaces them with --force', async () => {
    writeFileSync(path.join(dir, 'old.csv'), 'precious\n');
    const refused = await run(['merge', ...PARTS, '--out', 'old.csv']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('old.csv exists; pass --force to replace it');
    expect(read('old.csv')).toBe('precious\n');
    writeFileSync(path.join(dir, 'r.csv.meta.json'), '{"mine": true}\n');
    const receipt = await run(['merge', ...PARTS, '--out', 'r.csv']);
    expect(receipt.status).toBe(2);
    expect(receipt.stderr).toContain('r.csv.meta.json exists');
    expect(read('r.csv.meta.json')).toBe('{"mine": true}\n');
    const forced = await run(['merge', ...PARTS, '--out', 'old.csv', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(read('old.csv')).toMatch(/^index,point,replication/);
  });

  it('fuzzed targets: a part, its receipt or the scenario is never changed, whatever the target and --force', async () => {
    symlinkSync(path.join(dir, 'p-1.csv'), path.join(dir, 'link-part.csv'));
    symlinkSync(path.join(dir, 'stag.yaml'), path.join(dir, 'link-stag.csv'));
    const guarded = ['p-1.csv', 'p-1.csv.meta.json', 'p-2.csv', 'p-2.csv.meta.json', 'stag.yaml'];
    const target = fc.constantFrom(
      ...guarded,
      'p-1.csv.partial',
      'p-2.csv.meta.json.tmp',
      'link-part.csv',
      'link-stag.csv',
      './p-2.csv',
      'sub/../p-1.csv',
      'fresh.csv',
      'other.csv',
    );
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    await fc.assert(
      fc.asyncProperty(target, fc.boolean(), async (out, force) => {
        const before = guarded.map((f) => read(f));
        const r = await run(['merge', ...PARTS, '--out', out, ...(force ? ['--force'] : [])]);
        expect(guarded.map((f) => read(f))).toEqual(before);
        expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
        // A merge that was allowed wrote a new file: remove it and its receipt for the next case.
        if (r.status === 0) {
          // link-stag.csv with --force: the link is replaced by the output, the scenario it named is intact.
          expect(['fresh.csv', 'other.csv', 'p-2.csv.meta.json.tmp', 'link-stag.csv']).toContain(out);
          rmSync(path.join(dir, out), { force: true });
          rmSync(path.join(dir, `${out}.meta.json`), { force: true });
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('refuses a directory before any work', async () => {
    mkdirSync(path.join(dir, 'adir'));
    const r = await run(['merge', ...PARTS, '--out', 'adir', '--force']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--out adir is a directory');
  });
});

describe('sweep --out', () => {
  it('a directory is refused before any row is computed, --force or not', async () => {
    mkdirSync(path.join(dir, 'out-dir'));
    for (const force of [[], ['--force']]) {
      const r = await run([
        'sweep',
        'stag.yaml',
        '--vary',
        'declaration.verification=0:1:3',
        '--format',
        'csv',
        '--out',
        'out-dir',
        ...force,
      ]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--out out-dir: out-dir is a directory');
      expect(r.stderr).not.toContain('internal error');
      expect(existsSync(path.join(dir, 'out-dir.partial'))).toBe(false);
    }
  });
});

describe('plot --svg', () => {
  it('never onto the results or their receipt, an existing SVG only with --force, a directory refused', async () => {
    const sweep = await run(['sweep', 'stag.yaml', '--vary', 'declaration.verification=0:1:3', '--out', 'plotted.csv']);
    expect(sweep.status, sweep.stderr).toBe(0);
    const receipt = read('plotted.csv.meta.json');
    symlinkSync(path.join(dir, 'plotted.csv.meta.json'), path.join(dir, 'receipt-link.svg'));
    const plot = (svg: string, ...more: string[]) =>
      run(['plot', 'plotted.csv', '--x', 'declaration.verification', '--no-text', '--svg', svg, ...more]);
    const linked = await plot('receipt-link.svg', '--force');
    expect(linked.status).toBe(2);
    expect(linked.stderr).toContain('would write over plotted.csv.meta.json, the results it plots');
    expect(read('plotted.csv.meta.json')).toBe(receipt);
    writeFileSync(path.join(dir, 'old.svg'), 'mine\n');
    const refused = await plot('old.svg');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--svg old.svg exists; pass --force to replace it');
    expect(read('old.svg')).toBe('mine\n');
    const forced = await plot('old.svg', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(read('old.svg')).toMatch(/^<svg|^<\?xml/);
    mkdirSync(path.join(dir, 'charts.svg'));
    const folder = await plot('charts.svg', '--force');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('--svg charts.svg is a directory');
  });
});

describe('malformed receipts', () => {
  it.each([
    ['{"plan": {}, "columns": []}', 'no signatory version'],
    ['[1]', 'not a JSON object'],
    ['{"signatory": "0.1.0"', 'not JSON'],
  ])('%s: resume and merge refuse it in one line, exit 2, before any work', async (receipt, problem) => {
    const sweep = ['sweep', 'stag.yaml', '--vary', 'declaration.verification=0:1:3', '--format', 'csv'];
    writeFileSync(path.join(dir, 'bad.csv.partial'), 'index\n');
    writeFileSync(path.join(dir, 'bad.csv.meta.json'), receipt);
    const resumed = await run([...sweep, '--out', 'bad.csv', '--resume']);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toContain(`bad.csv.meta.json: not a sweep run receipt (${problem})`);
    expect(resumed.stderr).not.toContain('internal error');
    writeFileSync(path.join(dir, 'bad.csv'), 'index\n');
    const merged = await run(['merge', 'bad.csv', '--out', 'bad-merged.csv']);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toContain(`not a sweep run receipt (${problem})`);
    expect(existsSync(path.join(dir, 'bad-merged.csv'))).toBe(false);
  });
});

describe('calibrate --write', { timeout: 60_000 }, () => {
  const PRIOR = path.join(ROOT, 'scenarios', 'base', 'a-coruna-2026-prior.yaml');

  it("never writes onto the input's parent or its roster, even with --force, and leaves them intact", async () => {
    // The prior (with its roster) copied into base/ and rosters/, and a child that extends it.
    mkdirSync(path.join(dir, 'base'));
    mkdirSync(path.join(dir, 'rosters'));
    copyFileSync(PRIOR, path.join(dir, 'base', 'prior.yaml'));
    copyFileSync(
      path.join(ROOT, 'scenarios', 'rosters', 'reaim-2026.yaml'),
      path.join(dir, 'rosters', 'reaim-2026.yaml'),
    );
    writeFileSync(path.join(dir, 'base', 'child.yaml'), 'name: child\nextends: ./prior.yaml\n');
    const prior = read('base/prior.yaml');
    const roster = read('rosters/reaim-2026.yaml');
    for (const target of ['base/prior.yaml', 'rosters/reaim-2026.yaml', 'base/child.yaml']) {
      const r = await run(['calibrate', 'base/child.yaml', '--write', target, '--force']);
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain(
        `--write would overwrite the input ${path.basename(target)} (the scenario or a file of its extends chain)`,
      );
    }
    expect(read('base/prior.yaml')).toBe(prior);
    expect(read('rosters/reaim-2026.yaml')).toBe(roster);
  });

  it('compares real paths: a symlink to the input, or the input through a linked folder', async () => {
    copyFileSync(PRIOR, path.join(dir, 'unused.yaml'));
    const linkedDir = path.join(dir, 'linked');
    symlinkSync(path.join(ROOT, 'scenarios', 'base'), linkedDir);
    symlinkSync(PRIOR, path.join(dir, 'prior-link.yaml'));
    const before = readFileSync(PRIOR, 'utf8');
    for (const target of ['prior-link.yaml', path.join('linked', path.basename(PRIOR))]) {
      const r = await run(['calibrate', PRIOR, '--write', target, '--force']);
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain('--write would overwrite the input');
    }
    expect(readFileSync(PRIOR, 'utf8')).toBe(before);
  });

  it('refuses a directory, and writes through a partial file created with wx', async () => {
    mkdirSync(path.join(dir, 'cal-dir'));
    const d = await run(['calibrate', PRIOR, '--write', 'cal-dir', '--force']);
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('--write cal-dir is a directory');
    writeFileSync(path.join(dir, 'fit.yaml.partial'), 'someone else’s\n');
    const blocked = await run(['calibrate', PRIOR, '--write', 'fit.yaml']);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain('fit.yaml.partial exists');
    expect(read('fit.yaml.partial')).toBe('someone else’s\n');
    expect(existsSync(path.join(dir, 'fit.yaml'))).toBe(false);
  });
});
