/**
 * The rows of a sweep: row `index` is replication `index mod R` of design
 * point `⌊index / R⌋`. A row evaluator computes and formats one row from
 * its index alone, so any worker can compute any row and get the same bytes.
 */
import type { Scenario, UncertainInput } from '../model/scenario.js';
import type { RandomStream } from '../random/stream.js';
import { dateOfDay } from '../scenario/dated.js';
import { designPoints } from './design.js';
import { formatFixed, OUTCOME_DECIMALS, PARAMETER_DECIMALS } from './number-format.js';
import { SCENARIO_OUTCOMES, STATE_OUTCOMES, type OutcomeSolver } from './outcomes.js';
import { columns, hasNash, hasQre, type SolverChoice, type SweepPlan } from './plan.js';
import { pointModel, pointOutcome, type PointOutcome } from './point-model.js';
import { RowBuffer } from './row-bytes.js';
import { rowSeeder, rowStream } from './seeds.js';

export interface RowEvaluator {
  /** Writes row `index`, with its newline, as UTF-8 at the end of `out`. */
  rowInto(index: number, out: RowBuffer): void;
}

/** A draw of an uncertain input, clamped to its bounds. */
export function draw(input: UncertainInput, u: RandomStream): number {
  const d = input.distribution;
  const x = d.kind === 'normal' ? d.mean + d.sd * u.normal() : d.min + (d.max - d.min) * u.uniform();
  return Math.min(input.max, Math.max(input.min, x));
}

/** Uncertain inputs a row draws: none without `--replications`; a varied path keeps its design value. */
export function drawnInputs(
  scenario: Pick<Scenario, 'uncertainty'>,
  plan: Pick<SweepPlan, 'draws' | 'design'>,
): UncertainInput[] {
  if (!plan.draws) return [];
  const varied = new Set(plan.design.factors.map((f) => f.path));
  return scenario.uncertainty.filter((u) => !varied.has(u.path));
}

export function rowEvaluator(scenario: Scenario, plan: SweepPlan, file?: string): RowEvaluator {
  const factors = plan.design.factors;
  const uncertain = drawnInputs(scenario, plan);
  const model = pointModel(
    scenario,
    [...factors.map((f) => f.path), ...uncertain.map((u) => u.path)],
    plan.track,
    file,
  );
  const pointAt = designPoints(plan.design);
  const values = new Float64Array(factors.length);
  const outcome = pointOutcome(plan.track.length);
  const drawn = new Float64Array(uncertain.length);
  const record = plan.recorded !== undefined;
  const R = plan.replications;
  const seedOf = rowSeeder(plan.design.seed);
  const csv = plan.format === 'csv';
  const encoder = new TextEncoder();
  // What goes before each field: a comma (CSV), or the JSON key with its brace or comma.
  const lead = columns(plan).map((c, k) =>
    encoder.encode(csv ? (k === 0 ? '' : ',') : `${k === 0 ? '{' : ','}${JSON.stringify(c)}:`),
  );
  const close = encoder.encode(csv ? '\n' : '}\n');
  const emptyField = encoder.encode(csv ? '' : 'null');
  // A grid repeats each factor's few values on many rows: their bytes are made once.
  const memo = factors.map(() => new Map<number, Uint8Array>());
  const factorBytes = (j: number, v: number): Uint8Array => {
    const known = memo[j].get(v);
    if (known !== undefined) return known;
    const text =
      factors[j].path !== 'date'
        ? formatFixed(v, PARAMETER_DECIMALS)
        : csv
          ? dateOfDay(v)
          : JSON.stringify(dateOfDay(v));
    const made = encoder.encode(text);
    if (memo[j].size < 65_536) memo[j].set(v, made);
    return made;
  };
  // The outcome columns in order: a whole-scenario outcome reads position 0, a state's its tracked position.
  const reads: { read: (o: PointOutcome, t: number) => number; t: number; integer: boolean }[] = [];
  for (const k of SCENARIO_OUTCOMES)
    if (runs(plan.solver, k.solver)) reads.push({ read: k.read, t: 0, integer: k.integer });
  for (let t = 0; t < plan.track.length; t++)
    for (const k of STATE_OUTCOMES)
      if (runs(plan.solver, k.solver)) reads.push({ read: k.read, t, integer: k.integer });
  let current = -1;

  function rowInto(index: number, out: RowBuffer): void {
    const point = Math.floor(index / R);
    const replication = index - point * R;
    if (point !== current) {
      pointAt(point, values);
      current = point;
    }
    for (let j = 0; j < values.length; j++) model.set(j, values[j]);
    const seed = seedOf(point, replication);
    if (uncertain.length > 0) {
      const u = rowStream(seed);
      for (let k = 0; k < uncertain.length; k++) {
        drawn[k] = draw(uncertain[k], u);
        model.set(values.length + k, drawn[k]);
      }
    }
    model.solve(plan.solver, outcome);
    let c = 0;
    out.raw(lead[c++]);
    out.natural(index);
    out.raw(lead[c++]);
    out.natural(point);
    out.raw(lead[c++]);
    out.natural(replication);
    for (let j = 0; j < values.length; j++) {
      out.raw(lead[c++]);
      out.raw(factorBytes(j, values[j]));
    }
    if (record)
      for (let k = 0; k < drawn.length; k++) {
        out.raw(lead[c++]);
        out.ascii(formatFixed(drawn[k], PARAMETER_DECIMALS));
      }
    out.raw(lead[c++]);
    out.natural(seed);
    for (let k = 0; k < reads.length; k++) {
      out.raw(lead[c++]);
      const { read, t, integer } = reads[k];
      const v = read(outcome, t);
      if (Number.isNaN(v)) out.raw(emptyField);
      else if (integer && Number.isSafeInteger(v) && v >= 0) out.natural(v);
      else out.ascii(outcomeText(v, integer, csv));
    }
    out.raw(close);
  }

  return { rowInto };
}

const runs = (solver: SolverChoice, needs: OutcomeSolver): boolean =>
  needs === 'nash' ? hasNash(solver) : hasQre(solver);
/** An outcome's text; NaN (a QRE the solver could not find) is an empty CSV field or JSON null. */
export const outcomeText = (v: number, integer: boolean, csv: boolean): string =>
  Number.isNaN(v) ? (csv ? '' : 'null') : integer ? String(v) : formatFixed(v, OUTCOME_DECIMALS);
