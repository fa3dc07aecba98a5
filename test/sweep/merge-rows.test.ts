/** merge checks every row against what the sweep writes: an edited part is refused, naming part and line. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const CROWD = path.join(ROOT, 'scenarios', 'examples', 'threshold-crowd.yaml');
const STAG = path.join(ROOT, 'test', 'sweep', 'fixtures', 'uncertain-stag-hunt.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-merge-rows-'));
const cli = (args: string[]) => runCli(args, { cwd: dir });
const file = (name: string) => path.join(dir, name);

/** A copy of part `from` (and its receipt) as `to`, with line `line` (1-based) rewritten by `edit`. */
function tampered(from: string, to: string, line: number, edit: (l: string) => string): void {
  const lines = readFileSync(file(from), 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1]);
  writeFileSync(file(to), lines.join('\n'));
  copyFileSync(file(`${from}.meta.json`), file(`${to}.meta.json`));
}

describe('merge validates every row', () => {
  it('CSV: edited values, an extra column, an index written 10.0, a wrong seed, a non-number outcome', async () => {
    const grid = ['sweep', CROWD, '--vary', 'declaration.verification=0:1:10', '--solver', 'both', '--workers', '1'];
    for (const k of [1, 2]) expect((await cli([...grid, '--shard', `${k}/2`, '--out', `p-${k}.csv`])).status).toBe(0);
    expect((await cli(['merge', 'p-1.csv', 'p-2.csv', '--out', 'ok.csv'])).status).toBe(0);
    const header = readFileSync(file('p-1.csv'), 'utf8').split('\n')[0].split(',');
    const at = (name: string) => header.indexOf(name);
    const setField = (name: string, value: string) => (l: string) => {
      const f = l.split(',');
      f[at(name)] = value;
      return f.join(',');
    };
    const cases: [string, (l: string) => string, RegExp][] = [
      ['value', setField('declaration.verification', '0.45'), /declaration\.verification is 0\.45, the design's value/],
      ['extra', (l) => `${l},1`, /fields where the sweep writes/],
      ['index', (l) => l.replace(/^2,/, '2.0,'), /index "2\.0" is not a whole number in plain form/],
      ['seed', setField('seed', '12345'), /seed 12345 is not the seed of row/],
      ['outcome', setField('least', 'many'), /least "many" is not a whole number/],
      ['mean', setField('qre_mean', '1e3'), /qre_mean "1e3" is not a number/],
    ];
    for (const [name, edit, message] of cases) {
      tampered('p-1.csv', `t-${name}.csv`, 3, edit);
      const r = await cli(['merge', `t-${name}.csv`, 'p-2.csv', '--out', `m-${name}.csv`]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).toContain(`t-${name}.csv: line 3:`);
      expect(existsSync(file(`m-${name}.csv`))).toBe(false);
    }
  });

  it('JSON Lines with recorded draws: the columns in order; the draws must be numbers', async () => {
    const mc = ['sweep', STAG, '--vary', 'declaration.enforcement=0:1:3', '--replications', '2', '--workers', '1'];
    for (const k of [1, 2]) expect((await cli([...mc, '--shard', `${k}/2`, '--out', `j-${k}.jsonl`])).status).toBe(0);
    expect((await cli(['merge', 'j-1.jsonl', 'j-2.jsonl', '--out', 'ok.jsonl'])).status).toBe(0);
    tampered('j-1.jsonl', 'r.jsonl', 1, (l) => l.replace('"point":', '"Point":'));
    let r = await cli(['merge', 'r.jsonl', 'j-2.jsonl', '--out', 'mr.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/r\.jsonl: line 1: expected the columns index, point, replication/);
    const first = JSON.parse(readFileSync(file('j-1.jsonl'), 'utf8').split('\n')[0]);
    const drawn = Object.keys(first).find((k) => k === 'declaration.verification');
    expect(drawn).toBeDefined();
    tampered('j-1.jsonl', 'd.jsonl', 1, (l) =>
      l.replace(new RegExp(`("${drawn!.replace(/\./g, '\\.')}":)[^,]+`), '$1"x"'),
    );
    r = await cli(['merge', 'd.jsonl', 'j-2.jsonl', '--out', 'md.jsonl']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a number');
  });
});

describe('receipts', () => {
  it('are never written through a file or symlink left at a temporary name', async () => {
    const { symlinkSync } = await import('node:fs');
    writeFileSync(file('victim.txt'), 'keep me\n');
    symlinkSync(file('victim.txt'), file('s.csv.meta.json.tmp'));
    const r = await cli([
      'sweep',
      CROWD,
      '--vary',
      'declaration.verification=0:1:3',
      '--solver',
      'nash',
      '--out',
      's.csv',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file('victim.txt'), 'utf8')).toBe('keep me\n');
    expect(JSON.parse(readFileSync(file('s.csv.meta.json'), 'utf8')).status).toBe('complete');
  });
});
