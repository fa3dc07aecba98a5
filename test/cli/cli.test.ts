import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, ROOT } from './run-cli.js';

const STAG = 'scenarios/examples/stag-hunt.yaml';
const CROWD = 'scenarios/examples/threshold-crowd.yaml';

describe('signatory run', () => {
  it('--json has the documented shape', async () => {
    const r = await cli(['run', CROWD, '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.scenario).toBe('Threshold crowd');
    expect(j.total).toBe(12);
    expect(Object.keys(j.declaration).sort()).toEqual(
      [
        'accountability',
        'clubCompatibility',
        'differentiation',
        'enforcement',
        'humanControl',
        'neutralInterpretation',
        'thresholdClarity',
        'thresholdStrictness',
        'verification',
      ].sort(),
    );
    expect(j.world).toEqual({ raceIntensity: 0, raceShock: 0, lambda: 50, seed: 1 });
    expect(j.equilibrium.least.signed).toBe(7);
    expect(j.equilibrium.least.signers).toEqual(['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07']);
    expect(j.equilibrium.least.rounds).toEqual([['S01'], ['S02'], ['S03'], ['S04'], ['S05'], ['S06'], ['S07']]);
    expect(j.equilibrium.greatest.signed).toBe(12);
    expect(j.qre.lambda).toBe(50);
    expect(j.qre.interval90).toHaveLength(2);
    expect(Object.keys(j.qre.pSign)).toHaveLength(12);
    expect(j.states[0]).toMatchObject({ id: 'S01', name: 'Threshold 0', signs: true });
    expect(typeof j.states[0].delta).toBe('number');
    expect(Object.keys(j.states[0].terms)).toContain('momentum');
  });

  it('plain output gives the tally line, the range and the QRE', async () => {
    const r = await cli(['run', CROWD]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7 sign · 5 abstain (of 12)');
    expect(r.stdout).toContain('Range: 7–12 signers');
    expect(r.stdout).toMatch(
      /Expected signers if choices are noisy \(QRE, λ = 50\): [\d.]+, 90% interval \[\d+, \d+\]/,
    );
    expect(r.stdout).toMatch(/Chance of a majority \(P\(≥ 7\)\): [\d.]+%/);
  });

  it('the stag hunt: both abstain in the least equilibrium, both sign in the greatest', async () => {
    const j = JSON.parse((await cli(['run', STAG, '--json'])).stdout);
    expect(j.equilibrium.least.signed).toBe(0);
    expect(j.equilibrium.greatest.signers).toEqual(['RED', 'BLU']);
  });

  it('--set and --fix change the resolved inputs and the outcome', async () => {
    const j = JSON.parse((await cli(['run', STAG, '--json', '--fix', 'RED=sign', '--set', 'world.lambda=2'])).stdout);
    expect(j.world.lambda).toBe(2);
    expect(j.fixed).toEqual({ RED: 'sign' });
    expect(j.equilibrium.least.signers).toEqual(['RED', 'BLU']);
  });

  it('with no command and no terminal, prints the plain report of the default scenario', async () => {
    const r = await cli([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('35 sign · 50 abstain (of 85)');
  });
});

describe('bad input: one line, exit code 2, no stack trace', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'signatory-cli-'));
  const broken = path.join(dir, 'broken.yaml');
  writeFileSync(
    broken,
    readFileSync(path.join(ROOT, STAG), 'utf8').replace(
      'capability: 1\n    pace: 1\n    size: 0\n    threat: 0\n    ratification: 0\n    grayZone: 0\n    treatyCaution: 0\n    weaponizationFear: 0\n    clubOption: 0\n    humanControlValue: 0\n    normSensitivity: 1\n    raceExposure: 0\n    rivals: { RED: 1 }',
      'capability: high\n    pace: 1\n    size: 0\n    threat: 0\n    ratification: 0\n    grayZone: 0\n    treatyCaution: 0\n    weaponizationFear: 0\n    clubOption: 0\n    humanControlValue: 0\n    normSensitivity: 1\n    raceExposure: 0\n    rivals: { RED: 1 }',
    ),
  );

  it('a wrong type names the file and the path inside it', async () => {
    const r = await cli(['run', broken]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('broken.yaml');
    expect(lines[0]).toContain('states[1].capability');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it.each([
    [['run', 'missing.yaml'], /missing\.yaml/],
    [['run', STAG, '--set', 'declaration.verificaton=1'], /did you mean/],
    [['run', STAG, '--set', 'declaration.verification=2'], /declaration\.verification/],
    [['run', STAG, '--fix', 'XXX=sign'], /XXX/],
    [['run', STAG, '--bogus'], /--bogus/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['explain', STAG, 'NOPE'], /unknown state 'NOPE'/],
    [['subgame', STAG, 'RED'], /two state ids/],
    [['run'], /missing a scenario FILE/],
    [['run', STAG, STAG], /unexpected argument/],
    [['explain', STAG, 'RED', 'BLUE'], /unexpected argument 'BLUE'/],
    [['subgame', STAG, 'RED', 'BLUE', 'RED'], /unexpected argument 'RED'/],
    [['calibrate', STAG, 'extra'], /unexpected argument 'extra'/],
    [['calibrate', STAG, '--cv', '0.5'], /--cv expects a whole number of folds/],
    [['calibrate', STAG, '--cv', '2.5'], /--cv expects a whole number of folds/],
  ])('%j', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('explain, subgame, help and version', () => {
  it('explain lists terms and flip thresholds', async () => {
    const r = await cli(['explain', STAG, 'RED']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('RED — Red: abstains');
    expect(r.stdout).toContain('restraint');
    expect(r.stdout).toMatch(/Verification\s+now 1\.00/);
    const j = JSON.parse((await cli(['explain', STAG, 'RED', '--json'])).stdout);
    expect(j.contributions.find((c: { id: string }) => c.id === 'restraint').value).toBeCloseTo(-1, 10);
    expect(j.contributions.find((c: { id: string }) => c.id === 'reputation').value).toBeCloseTo(0.5, 10);
  });
  it('the stag hunt subgame is classified as a Stag Hunt with risk dominance', async () => {
    const r = await cli(['subgame', STAG, 'RED', 'BLU']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Stag Hunt');
    const j = JSON.parse((await cli(['subgame', STAG, 'RED', 'BLU', '--json'])).stdout);
    expect(j.types).toEqual(['Stag Hunt', 'Stag Hunt']);
    expect(j.equilibria).toEqual([
      [1, 1],
      [0, 0],
    ]);
    expect(j.assuranceThreshold[0]).toBeCloseTo(0.5, 12);
  });
  it('--help on every command and --version', async () => {
    const top = await cli(['--help']);
    expect(top.status).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) {2}/gm)].map((m) => m[1]);
    expect(commands).toEqual(expect.arrayContaining(['run', 'explain', 'subgame', 'calibrate']));
    for (const c of commands) {
      const r = await cli([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`Usage: signatory ${c}`));
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect((await cli(['--version'])).stdout.trim()).toBe(pkg.version);
  });
});

describe('calibrate --write never overwrites silently', () => {
  it('refuses the input itself and an existing file, and writes a loadable scenario', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signatory-cal-'));
    const prior = path.join(ROOT, 'scenarios/base/a-coruna-2026-prior.yaml');
    const self = await cli(['calibrate', prior, '--write', prior]);
    expect(self.status).toBe(2);
    expect(self.stderr).toMatch(/overwrite the input/);
    const out = path.join(dir, 'fitted.yaml');
    writeFileSync(out, 'keep me');
    const exists = await cli(['calibrate', prior, '--write', out]);
    expect(exists.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const fresh = path.join(dir, 'fresh.yaml');
    const ok = await cli(['calibrate', prior, '--write', fresh]);
    expect(ok.status).toBe(0);
    expect(existsSync(`${fresh}.partial`)).toBe(false);
    const run = JSON.parse((await cli(['run', fresh, '--json'])).stdout);
    expect(run.equilibrium.least.signed).toBe(35);
  });
});

describe('every example scenario runs in plain and JSON form', () => {
  const examples = readdirSync(path.join(ROOT, 'scenarios', 'examples')).filter((f) => f.endsWith('.yaml'));
  const baseline = runScenario(loadScenario(path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml'))).states;
  // Each example's extremal equilibria, known from how it is built: a new example needs its line here.
  const expected: Record<string, { total: number; least: string[]; greatest: string[] }> = {
    // The baseline with some values written as distributions whose means are the baseline's values.
    'a-coruna-uncertain.yaml': {
      total: 85,
      least: baseline.filter((s) => s.signs).map((s) => s.id),
      greatest: baseline.filter((s) => s.signsGreatest).map((s) => s.id),
    },
    // Two states that each sign only if the other does.
    'stag-hunt.yaml': { total: 2, least: [], greatest: ['RED', 'BLU'] },
    // Thresholds 0–6 then 8–11: the cascade stops at seven for want of a threshold of 7; all twelve signing is also stable.
    'threshold-crowd.yaml': {
      total: 12,
      least: ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07'],
      greatest: Array.from({ length: 12 }, (_, k) => `S${String(k + 1).padStart(2, '0')}`),
    },
  };
  it('every example has its expected outcome below', () => {
    expect(examples.sort()).toEqual(Object.keys(expected).sort());
    expect(baseline.filter((s) => s.signs)).toHaveLength(35);
  });
  it.each(examples)('%s', async (file) => {
    const rel = `scenarios/examples/${file}`;
    const want = expected[file];
    const plain = await cli(['run', rel]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain(
      `${want.least.length} sign · ${want.total - want.least.length} abstain (of ${want.total})`,
    );
    expect(plain.stdout).toContain(`Range: ${want.least.length}–${want.greatest.length} signers`);
    const json = await cli(['run', rel, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const j = JSON.parse(json.stdout);
    expect(j.total).toBe(want.total);
    expect(j.equilibrium.least.signers).toEqual(want.least);
    expect(j.equilibrium.greatest.signers).toEqual(want.greatest);
  });
});
