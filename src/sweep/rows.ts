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
import { rowSeed, rowStream } from './seeds.js';

export interface RowEvaluator {
  /** The formatted row (with its newline). */
  row(index: number): string;
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
  const keys = columns(plan).map((c) => JSON.stringify(c));
  const drawn = new Float64Array(uncertain.length);
  const record = plan.recorded !== undefined;
  const R = plan.replications;
  const master = plan.design.seed;
  let current = -1;
  // A grid repeats each factor's few values on many rows: their text is made once.
  const memo = factors.map(() => new Map<number, string>());
  const text = (j: number, v: number): string => {
    const known = memo[j].get(v);
    if (known !== undefined) return known;
    const made = formatFixed(v, PARAMETER_DECIMALS);
    if (memo[j].size < 65_536) memo[j].set(v, made);
    return made;
  };
  return {
    row(index) {
      const point = Math.floor(index / R);
      const replication = index - point * R;
      if (point !== current) {
        pointAt(point, values);
        current = point;
      }
      for (let j = 0; j < values.length; j++) model.set(j, values[j]);
      const seed = rowSeed(master, point, replication);
      if (uncertain.length > 0) {
        const u = rowStream(seed);
        for (let k = 0; k < uncertain.length; k++) {
          drawn[k] = draw(uncertain[k], u);
          model.set(values.length + k, drawn[k]);
        }
      }
      model.solve(plan.solver, outcome);
      const fields = rowFields(
        plan,
        index,
        point,
        replication,
        values,
        record ? drawn : undefined,
        seed,
        outcome,
        text,
      );
      if (plan.format === 'csv') return fields.join(',') + '\n';
      return '{' + fields.map((f, k) => `${keys[k]}:${f}`).join(',') + '}\n';
    },
  };
}

const runs = (solver: SolverChoice, needs: OutcomeSolver): boolean =>
  needs === 'nash' ? hasNash(solver) : hasQre(solver);
/** An outcome's text; NaN (a QRE the solver could not find) is an empty CSV field or JSON null. */
export const outcomeText = (v: number, integer: boolean, csv: boolean): string =>
  Number.isNaN(v) ? (csv ? '' : 'null') : integer ? String(v) : formatFixed(v, OUTCOME_DECIMALS);

/** The row's values as text, in column order. */
function rowFields(
  plan: SweepPlan,
  index: number,
  point: number,
  replication: number,
  values: Float64Array,
  drawn: Float64Array | undefined,
  seed: number,
  o: PointOutcome,
  parameterText: (j: number, v: number) => string,
): string[] {
  const f: string[] = [String(index), String(point), String(replication)];
  plan.design.factors.forEach((factor, j) => {
    if (factor.path !== 'date') f.push(parameterText(j, values[j]));
    else f.push(plan.format === 'csv' ? dateOfDay(values[j]) : JSON.stringify(dateOfDay(values[j])));
  });
  if (drawn) for (const v of drawn) f.push(formatFixed(v, PARAMETER_DECIMALS));
  f.push(String(seed));
  const csv = plan.format === 'csv';
  for (const k of SCENARIO_OUTCOMES) if (runs(plan.solver, k.solver)) f.push(outcomeText(k.read(o, 0), k.integer, csv));
  for (let t = 0; t < plan.track.length; t++)
    for (const k of STATE_OUTCOMES) if (runs(plan.solver, k.solver)) f.push(outcomeText(k.read(o, t), k.integer, csv));
  return f;
}
