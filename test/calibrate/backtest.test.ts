/**
 * The backtest (docs/calibration.md, "Backtest"): leave one event out,
 * refit, predict it, beside persistence and a one-attribute logistic; and
 * `signatory backtest` / `signatory calibrate FILE FILE…` in-process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backtest, type BacktestResult } from '../../src/calibrate/backtest.js';
import { STATE_ATTRIBUTES } from '../../src/model/inputs.js';
import { cli } from '../cli/run-cli.js';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SPECS, eventYaml, syntheticPanel } from './synthetic-panel.js';

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('backtest on a synthetic panel drawn from the model', () => {
  const { events } = syntheticPanel('signatory-backtest', 250, DEFAULT_SPECS);
  const result: BacktestResult = backtest(events.map((e) => e.scenario));

  // The stated interval is the 90% posterior predictive interval: the tally
  // distribution of the least QRE averaged over draws of the weights from
  // their posterior. If it is calibrated, a held-out tally falls outside with
  // probability 0.1; over 40 held-out events of ten other synthetic panels
  // of this design, 36 fell inside. A bias of the fit or an interval that
  // ignored the fit's uncertainty puts the tallies outside (the choices'
  // interval alone misses three of these four). The seed is fixed.
  it("predicts every left-out event's tally within its stated interval", () => {
    expect(result.heldOut).toHaveLength(4);
    for (const row of result.heldOut) {
      const [lo, hi] = row.model.interval90;
      expect(row.observed.signed, row.event).toBeGreaterThanOrEqual(lo);
      expect(row.observed.signed, row.event).toBeLessThanOrEqual(hi);
      expect(row.model.withinInterval).toBe(true);
      // The posterior predictive interval contains the choices' own.
      expect(lo).toBeLessThanOrEqual(row.model.choiceInterval90[0]);
      expect(hi).toBeGreaterThanOrEqual(row.model.choiceInterval90[1]);
    }
  });

  it('the model, which made the data, scores better out of sample than both baselines', () => {
    const model = total(result.heldOut.map((r) => r.model.logScore));
    expect(model).toBeGreaterThan(total(result.heldOut.map((r) => r.oneAttribute.logScore)));
    const withPrevious = result.heldOut.filter((r) => r.persistence);
    expect(total(withPrevious.map((r) => r.model.logScore))).toBeGreaterThan(
      total(withPrevious.map((r) => r.persistence!.logScore)),
    );
  });

  it('events in date order; persistence from the previous one, none for the first; the baseline attribute is a state attribute', () => {
    expect(result.events).toEqual(['SYN/1', 'SYN/2', 'SYN/3', 'SYN/4']);
    expect(result.heldOut[0].persistence).toBeNull();
    result.heldOut.slice(1).forEach((row, k) => expect(row.persistence!.from).toBe(result.events[k]));
    for (const row of [...result.heldOut, ...result.inSample])
      expect(STATE_ATTRIBUTES).toContain(row.oneAttribute.attribute);
    for (const row of result.heldOut) expect(row.notes).toEqual([]);
  });

  it('the numbers of a row: observed counts, tallies on the observed scale, known states, AUC', () => {
    for (const [k, row] of result.inSample.entries()) {
      const counts = events[k].scenario.observed!.counts!;
      expect(row.observed).toMatchObject({
        signed: counts.signed,
        notSigned: counts.notSigned,
        absent: counts.absent,
        participants: 250,
      });
      const { model } = row;
      // Least ≤ greatest on both scales; the observed scale discounts the unnamed for absence.
      expect(model.least!).toBeLessThanOrEqual(model.greatest! + 1e-9);
      expect(model.least!).toBeLessThanOrEqual(model.leastAll! + 1e-9);
      expect(model.knownRight.total).toBe(row.observed.known);
      expect(model.knownStates).toHaveLength(row.observed.known);
      expect(model.knownStates!.filter((x) => x.least === x.observed)).toHaveLength(model.knownRight.correct);
      expect(model.auc === null || (model.auc >= 0 && model.auc <= 1)).toBe(true);
      // In sample, the fit reproduces each tally within its interval.
      expect(model.withinInterval, row.event).toBe(true);
    }
    // The fully named summit: every state known.
    expect(result.inSample[3].observed.known).toBe(250);
  });

  it('an event of a kind the training events lack borrows the mean intercept, and says so', () => {
    const small = syntheticPanel('signatory-backtest-kinds', 80, DEFAULT_SPECS.slice(1)).events.map((e) => e.scenario);
    const r = backtest(small);
    expect(r.heldOut[0].kind).toBe('un-vote');
    expect(r.heldOut[0].notes.join(' ')).toMatch(/no un-vote among the training events: the intercept is the mean/);
    expect(r.heldOut[1].notes).toEqual([]);
  });
});

describe('signatory backtest and calibrate with several event files, in-process', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'signatory-backtest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files = syntheticPanel('signatory-backtest-cli', 60, DEFAULT_SPECS.slice(0, 3)).events.map((e, k) => {
    const file = path.join(dir, `event-${k + 1}.yaml`);
    writeFileSync(file, eventYaml(e.scenario));
    return file;
  });

  it('backtest --json gives the numbers the table prints', async () => {
    const json = await cli(['backtest', ...files, '--json']);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout) as BacktestResult & { files: string[] };
    expect(data.heldOut).toHaveLength(3);
    expect(data.inSample).toHaveLength(3);
    const text = await cli(['backtest', ...files]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Held out: each event predicted by a fit to the other events\./m);
    for (const row of data.heldOut) {
      const m = row.model;
      expect(text.stdout).toContain(`${m.mean.toFixed(1)} [${m.interval90[0]}, ${m.interval90[1]}]`);
      expect(text.stdout).toContain(`1-attribute: ${row.oneAttribute.attribute}`);
    }
    const markdown = await cli(['backtest', ...files, '--markdown']);
    expect(markdown.stdout).toMatch(
      /^\| event \| observed \| method \| least \| greatest \| QRE mean \[90%\] \| known right \| AUC \|$/m,
    );
  });

  it('calibrate with several files prints the identification report', async () => {
    const r = await cli(['calibrate', ...files]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const part of [
      'Panel calibration over 3 events',
      'post.sd',
      'robust',
      'shift',
      'most correlated',
      'R² others',
      'Profile likelihood of momentum',
      'intercept, un-vote',
      'intercept, summit-declaration',
      'In sample, the fitted game per event',
    ]) {
      expect(r.stdout).toContain(part);
    }
    const json = await cli(['calibrate', ...files, '--json', '--profile', 'none', '--ridge', '2']);
    const data = JSON.parse(json.stdout) as {
      mode: string;
      ridge: number;
      profile: unknown;
      estimates: unknown[];
      weightsByKind: Record<string, Record<string, number>>;
    };
    expect(data.mode).toBe('panel');
    expect(data.ridge).toBe(2);
    expect(data.profile).toBeNull();
    expect(Object.keys(data.weightsByKind)).toEqual(['un-vote', 'summit-declaration']);
  });

  it('calibrate FILE... --write OUT writes a scenario extending the last file, its kind’s intercept anchored to the observed tally', async () => {
    const out = path.join(path.dirname(files[0]), 'panel-out.yaml');
    const r = await cli(['calibrate', ...files, '--write', out, '--name', 'Panel out']);
    expect(r.status).toBe(0);
    const written = loadScenario(out);
    expect(written.name).toBe('Panel out');
    const last = loadScenario(files[files.length - 1]);
    const target = last.observed?.counts?.signed ?? last.observed!.signed.length;
    expect(runScenario(written).equilibria.least.signed).toBe(target);
    const json = JSON.parse((await cli(['calibrate', ...files, '--json', '--profile', 'none'])).stdout) as {
      termWeights: Record<string, number>;
    };
    for (const [id, w] of Object.entries(json.termWeights)) expect(written.weights[id]).toBeCloseTo(w, 4);
    const again = await cli(['calibrate', ...files, '--write', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
  });

  it('one file with a partial outcome is fitted by the panel method; --panel asks for it', async () => {
    const partial = await cli(['calibrate', files[0]]);
    expect(partial.status).toBe(0);
    expect(partial.stdout).toMatch(/^Panel calibration over 1 event:/);
    const forced = await cli(['calibrate', files[0], '--panel', '--profile', 'none']);
    expect(forced.stdout).toMatch(/^Panel calibration over 1 event:/);
  });

  it.each([
    [['backtest', 'FILE0'], /expected at least two event FILEs, got 1/],
    [['backtest', 'FILE0', 'missing.yaml'], /unexpected argument 'missing\.yaml': not a scenario file/],
    [
      ['calibrate', 'FILE0', 'FILE1', '--cv', '5'],
      /--cv cross-validates a single event; for several events use signatory backtest/,
    ],
    [['calibrate', 'FILE0', 'FILE1', '--write', 'FILE1'], /--write would overwrite the input/],
    [['calibrate', 'FILE0', 'FILE1', '--ridge', 'auto'], /--ridge auto chooses the ridge of a single event/],
    [['calibrate', 'FILE0', 'FILE1', '--profile', 'nosuch'], /no term 'nosuch' to profile/],
    [['backtest', 'FILE0', 'FILE1', '--json', '--markdown'], /choose one of --json and --markdown/],
  ])('%j is refused with exit code 2', async (args, message) => {
    const r = await cli(args.map((a) => (a === 'FILE0' ? files[0] : a === 'FILE1' ? files[1] : a)));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
