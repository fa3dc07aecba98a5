/** Gambit .nfg interchange: round trips, Gambit-format files read, bad files refused. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { compileScenario } from '../../src/model/compile.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { gameToNfg, nfgToScenarioText, parseNfg } from '../../src/scenario/nfg.js';
import { netGains } from '../../src/solve/game.js';
import { cli } from '../cli/run-cli.js';

const GAMES = [
  'prisoners-dilemma',
  'stag-hunt',
  'chicken',
  'battle-of-the-sexes',
  'matching-pennies',
  'asymmetric-matching-pennies',
  'granovetter-crowd',
  'assurance',
];
const sig = (x: number) => 1 / (1 + Math.exp(-x));

function roundTrip(file: string) {
  const scenario = loadScenario(file);
  const game = compileScenario(scenario).game;
  const nfg = gameToNfg(
    game,
    scenario.name,
    scenario.states.map((s) => s.id),
    scenario.description,
  );
  const back = parseScenarioText(nfgToScenarioText(parseNfg(nfg, 'x.nfg'), 'x.nfg'), 'x.yaml', {
    overrides: [`world.lambda=${scenario.world.lambda}`],
  });
  return { scenario, game, nfg, back, backGame: compileScenario(back).game };
}

describe('.nfg round trip', () => {
  it.each(GAMES)('%s: same net gains at every profile, same equilibria and QRE', (name) => {
    const { scenario, game, back, backGame } = roundTrip(`scenarios/games/${name}.yaml`);
    expect(back.states.map((s) => s.id)).toEqual(scenario.states.map((s) => s.id));
    const n = game.n;
    for (let profile = 0; profile < 2 ** n; profile++) {
      const x = Array.from({ length: n }, (_, i) => (profile >> i) & 1);
      const d1 = netGains(game, x);
      const d2 = netGains(backGame, x);
      for (let i = 0; i < n; i++) expect(d2[i]).toBeCloseTo(d1[i], 12);
    }
    const r1 = runScenario(scenario);
    const r2 = runScenario(back);
    expect(Array.from(r2.equilibria.least.profile)).toEqual(Array.from(r1.equilibria.least.profile));
    expect(Array.from(r2.equilibria.greatest.profile)).toEqual(Array.from(r1.equilibria.greatest.profile));
    for (let i = 0; i < n; i++) expect(r2.qre.least.p[i]).toBeCloseTo(r1.qre.least.p[i], 10);
  });

  it('exporting the re-read game gives the same file', () => {
    const { nfg, back, backGame } = roundTrip('scenarios/games/chicken.yaml');
    expect(
      gameToNfg(
        backGame,
        back.name,
        back.states.map((s) => s.id),
        back.description,
      ),
    ).toBe(nfg);
  });
});

describe('reading Gambit files', () => {
  it('outcome and payoff versions of the Ochs game give the QRE of McKelvey and Palfrey', () => {
    for (const f of ['ochs-x9', 'ochs-x9-payoffs']) {
      const r = runScenario(loadScenario(`test/fixtures/nfg/${f}.nfg`, { overrides: ['world.lambda=2'] }));
      let lo = 0;
      let hi = 1;
      for (let it = 0; it < 200; it++) {
        const mid = (lo + hi) / 2;
        if (mid > sig(2 * (-1 + 10 * sig(2 * (1 - 2 * mid))))) hi = mid;
        else lo = mid;
      }
      expect(r.qre.least.p[0]).toBeCloseTo((lo + hi) / 2, 11);
      expect(r.scenario.states.map((s) => s.id)).toEqual(['Row', 'Column']);
    }
  });

  it('refuses a game with three strategies, one that is not additive, and a malformed file, exit 2', async () => {
    let r = await cli(['run', 'test/fixtures/nfg/three-strategies.nfg']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected two strategies for every player (sign, abstain), but player 1 ("A") has 3');
    r = await cli(['run', 'test/fixtures/nfg/not-additive.nfg']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('to add up over the others');
    const dir = mkdtempSync(join(tmpdir(), 'nfg-'));
    writeFileSync(join(dir, 'bad.nfg'), 'NFG 1 R "x" { "A" } { 2 }\n1 zz\n');
    r = await cli(['run', join(dir, 'bad.nfg')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('expected a number');
  });
});

describe('signatory export --nfg', () => {
  it('prints, writes with --out, refuses an existing file without --force and the scenario itself', async () => {
    const printed = await cli(['export', 'scenarios/games/stag-hunt.yaml', '--nfg']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^NFG 1 R "Stag hunt" \{ "ROW" "COL" \}/);
    const dir = mkdtempSync(join(tmpdir(), 'nfg-'));
    const out = join(dir, 'sh.nfg');
    expect((await cli(['export', 'scenarios/games/stag-hunt.yaml', '--nfg', '--out', out])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    const again = await cli(['export', 'scenarios/games/stag-hunt.yaml', '--nfg', '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists (give --force to replace it)');
    expect((await cli(['export', 'scenarios/games/chicken.yaml', '--nfg', '--out', out, '--force'])).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('"Chicken"');
    const copy = join(dir, 'g.yaml');
    writeFileSync(copy, readFileSync('scenarios/games/chicken.yaml'));
    const self = await cli(['export', copy, '--nfg', '--out', copy, '--force']);
    expect(self.status).toBe(2);
    expect(readFileSync(copy, 'utf8')).toContain('game:');
  });
  it('refuses a roster too large for 2^N profiles', async () => {
    const r = await cli(['export', 'scenarios/a-coruna-2026.yaml', '--nfg', '--out', join(tmpdir(), 'never.nfg')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('has 85 states');
    expect(existsSync(join(tmpdir(), 'never.nfg'))).toBe(false);
  });
});

describe('a what-if of a Gambit game', () => {
  it('extends the .nfg file, as a what-if saved from it does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nfg-'));
    writeFileSync(join(dir, 'ochs.nfg'), readFileSync('test/fixtures/nfg/ochs-x9.nfg'));
    writeFileSync(join(dir, 'what-if.yaml'), 'name: Ochs at λ = 5\nextends: ochs.nfg\nworld: {lambda: 5}\n');
    const child = runScenario(loadScenario(join(dir, 'what-if.yaml')));
    const direct = runScenario(loadScenario(join(dir, 'ochs.nfg'), { overrides: ['world.lambda=5'] }));
    expect(Array.from(child.qre.least.p)).toEqual(Array.from(direct.qre.least.p));
    writeFileSync(join(dir, 'fake.nfg'), 'secret: hunter2\n');
    writeFileSync(join(dir, 'bad.yaml'), 'name: x\nextends: fake.nfg\n');
    expect(() => loadScenario(join(dir, 'bad.yaml'))).toThrow(/fake\.nfg: expected "NFG" in the \.nfg file/);
  });
});
