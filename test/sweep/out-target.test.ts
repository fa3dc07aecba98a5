/** A sweep never writes over a file the scenario is built from, and replaces an existing output only with --force. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-out-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => cli(args, { cwd: dir });
copyFileSync(path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml'), path.join(dir, 'stag.yaml'));
writeFileSync(path.join(dir, 'child.yaml'), 'extends: ./stag.yaml\nname: Child\n');
const VARY = ['--vary', 'declaration.verification=0:1:3'];

describe('sweep --out', () => {
  it('refuses the scenario itself and a file of its extends chain, even with --force, and leaves them intact', async () => {
    const before = readFileSync(path.join(dir, 'stag.yaml'));
    for (const [file, out] of [
      ['stag.yaml', 'stag.yaml'],
      ['child.yaml', 'stag.yaml'],
      ['child.yaml', 'child.yaml'],
    ]) {
      const r = await run(['sweep', file, ...VARY, '--format', 'csv', '--out', out, '--force']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('a file the scenario is built from');
    }
    expect(readFileSync(path.join(dir, 'stag.yaml')).equals(before)).toBe(true);
  });

  it('refuses an existing output without --force, replaces it with --force', async () => {
    writeFileSync(path.join(dir, 'old.csv'), 'precious\n');
    const refused = await run(['sweep', 'stag.yaml', ...VARY, '--out', 'old.csv']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/old\.csv exists; pass --force/);
    expect(readFileSync(path.join(dir, 'old.csv'), 'utf8')).toBe('precious\n');
    const forced = await run(['sweep', 'stag.yaml', ...VARY, '--out', 'old.csv', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(dir, 'old.csv'), 'utf8')).toMatch(/^index,point,replication/);
  });

  it('refuses when only a receipt of an earlier run is there', async () => {
    writeFileSync(path.join(dir, 'r.csv.meta.json'), '{}');
    const r = await run(['sweep', 'stag.yaml', ...VARY, '--out', 'r.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('r.csv.meta.json exists');
    expect(existsSync(path.join(dir, 'r.csv'))).toBe(false);
  });
});
