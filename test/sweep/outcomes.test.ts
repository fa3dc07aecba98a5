/** One vocabulary of outcome names: sweep columns, sensitivity --output, plot --z, --list-outcomes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findOutcome, OUTCOME_ALIASES, outcomeColumns, parseOutcome } from '../../src/sweep/outcomes.js';
import { columns } from '../../src/sweep/plan.js';
import { cli as runCli, ROOT } from '../cli/run-cli.js';

const STAG = path.join(ROOT, 'scenarios', 'examples', 'stag-hunt.yaml');
const UNCERTAIN = path.join(ROOT, 'test', 'sweep', 'fixtures', 'uncertain-stag-hunt.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-outcomes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) => runCli(args, { cwd: dir });

describe('outcome names', () => {
  it('a sweep header ends with the outcome columns, in the vocabulary order', () => {
    const design = {
      kind: 'grid' as const,
      factors: [{ path: 'world.raceIntensity', lo: 0, hi: 1, steps: 2 }],
      seed: 1,
    };
    for (const solver of ['nash', 'qre', 'both'] as const) {
      const cols = columns({ design, solver, track: ['RED', 'BLU'] });
      expect(cols.slice(5)).toEqual(outcomeColumns(solver, ['RED', 'BLU']));
      for (const c of cols.slice(5)) expect(findOutcome(c)?.name).toBe(c);
    }
    expect(outcomeColumns('both', ['USA'])).toEqual([
      'least',
      'greatest',
      'qre_mean',
      'p_majority',
      'USA.least',
      'USA.greatest',
      'USA.p',
    ]);
  });

  it('the older names are aliases of the column names', () => {
    expect(findOutcome('qre')?.name).toBe('qre_mean');
    expect(findOutcome('pmajority')?.name).toBe('p_majority');
    expect(findOutcome('p:USA')).toMatchObject({ name: 'USA.p', state: 'USA', solver: 'qre' });
    expect(findOutcome('least:USA')).toMatchObject({ name: 'USA.least', state: 'USA', solver: 'nash' });
    expect(findOutcome('greatest:USA')?.name).toBe('USA.greatest');
    for (const [alias] of OUTCOME_ALIASES) expect(findOutcome(alias.replace('ID', 'X'))).toBeDefined();
    for (const bad of ['tally', 'p:', 'USA.q', 'p:USA:CHN', '.p', '']) expect(findOutcome(bad)).toBeUndefined();
  });

  it('an unknown name is refused naming the option and the nearest name', () => {
    expect(() => parseOutcome('--z', 'qre_maen')).toThrow(/^--z 'qre_maen': not an outcome.*did you mean "qre_mean"/);
    expect(() => parseOutcome('--output', 'USA.q', ['USA', 'CHN'])).toThrow(/did you mean "USA.p"/);
  });
});

describe('the CLI speaks one vocabulary', () => {
  it('sweep --list-outcomes names every outcome column a sweep writes, each with a meaning', async () => {
    const list = await cli('sweep', '--list-outcomes', UNCERTAIN);
    expect(list.status, list.stderr).toBe(0);
    const sweep = await cli('sweep', STAG, '--vary', 'world.raceIntensity=0:1:2', '--track', 'RED', '--workers', '1');
    expect(sweep.status, sweep.stderr).toBe(0);
    const header = sweep.stdout.split('\n')[0].split(',');
    for (const column of header.slice(header.indexOf('seed') + 1)) {
      const form = column.replace(/^RED\./, 'ID.');
      expect(list.stdout).toMatch(new RegExp(`^  ${form.replace('.', '\\.')} +\\S`, 'm'));
    }
    expect(list.stdout).toContain('States (ID): RED, BLU');
    expect(list.stdout).toContain('p:ID = ID.p');
    expect(list.stdout).toContain('world.raceIntensity');
  });

  it('sensitivity --output takes the column names (and the aliases), reporting the column name', async () => {
    const args = ['sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--n', '20', '--bootstrap', '5'];
    const byColumn = await cli(...args, '--output', 'RED.p', '--json');
    expect(byColumn.status, byColumn.stderr).toBe(0);
    const byAlias = await cli(...args, '--output', 'p:RED', '--json');
    expect(byAlias.stdout).toBe(byColumn.stdout);
    expect(JSON.parse(byColumn.stdout).output).toBe('RED.p');
    const qre = await cli(...args, '--output', 'qre_mean');
    expect(qre.status, qre.stderr).toBe(0);
    expect(qre.stdout).toContain('Sobol indices of qre_mean');
  });

  it('errors name the option given: --output, --x, --z', async () => {
    const state = await cli('sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--output', 'p:XYZ');
    expect(state.status).toBe(2);
    expect(state.stderr).toMatch(/^signatory: --output/);
    expect(state.stderr).not.toContain('--track');
    const typo = await cli('sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--output', 'pmajorty');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean "pmajority"');
    expect(typo.stderr.trim().split('\n')).toHaveLength(1);

    writeFileSync(
      path.join(dir, 'line.csv'),
      'index,point,replication,declaration.verification,seed,least,greatest,qre_mean,p_majority\n' +
        '0,0,0,0,1,0,0,0.1,0.01\n1,1,0,1,2,0,2,0.3,0.02\n',
    );
    const alias = await cli('plot', 'line.csv', '--x', 'declaration.verification', '--z', 'qre');
    expect(alias.status, alias.stderr).toBe(0);
    expect(alias.stdout).toContain('qre_mean (mean over 2 rows)');
    const x = await cli('plot', 'line.csv', '--x', 'declaration.verificaton');
    expect(x.status).toBe(2);
    expect(x.stderr).toMatch(/--x declaration\.verificaton: .*did you mean "declaration\.verification"/);
    const z = await cli('plot', 'line.csv', '--x', 'declaration.verification', '--z', 'USA.p');
    expect(z.status).toBe(2);
    expect(z.stderr).toContain("--z USA.p: line.csv has no column 'USA.p'");
  });
});
