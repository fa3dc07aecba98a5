/**
 * What `merge` checks of every row of a part: the row a sweep would have
 * written at that index, as far as the receipt alone determines it. The
 * index in canonical form, the right number of fields (and, for JSON
 * Lines, the column names in order), the point and replication the index
 * implies, the design's values at that point printed as a sweep prints them,
 * the row's seed, and outcomes of the right kind (whole numbers for
 * tallies and decisions, decimals — or empty / null for a QRE the solver
 * could not find — for the rest). The outcome values themselves can only be
 * checked by computing them again.
 */
import { dateOfDay } from '../scenario/dated.js';
import { designPoints } from './design.js';
import { formatFixed, PARAMETER_DECIMALS } from './number-format.js';
import { SCENARIO_OUTCOMES, STATE_OUTCOMES, type OutcomeSolver } from './outcomes.js';
import { columns, hasNash, hasQre, type SweepPlan } from './plan.js';
import { rowSeed } from './seeds.js';

const INDEX = /^(0|[1-9]\d*)$/;
const INTEGER = /^-?(0|[1-9]\d*)$/;
const DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A checker of rows: the problem with a row (for the error message), or undefined when it is what the sweep writes. */
export function rowChecker(plan: SweepPlan): (line: string) => string | undefined {
  const names = columns(plan);
  const keys = names.map((c) => JSON.stringify(c));
  const factors = plan.design.factors;
  const pointAt = designPoints(plan.design);
  const values = new Float64Array(factors.length);
  const recorded = plan.recorded?.length ?? 0;
  const R = plan.replications;
  const kinds: ('integer' | 'decimal')[] = [];
  const runs = (needs: OutcomeSolver): boolean => (needs === 'nash' ? hasNash(plan.solver) : hasQre(plan.solver));
  for (const k of SCENARIO_OUTCOMES) if (runs(k.solver)) kinds.push(k.integer ? 'integer' : 'decimal');
  for (let t = 0; t < plan.track.length; t++)
    for (const k of STATE_OUTCOMES) if (runs(k.solver)) kinds.push(k.integer ? 'integer' : 'decimal');
  const csv = plan.format === 'csv';
  let current = -1;

  return (line) => {
    let fields: string[];
    if (csv) fields = line.split(',');
    else {
      if (!line.startsWith('{') || !line.endsWith('}')) return 'not a JSON object on one line';
      const parts = line.slice(1, -1).split(',');
      fields = [];
      for (let k = 0; k < parts.length; k++) {
        const key = keys[k];
        if (key === undefined || !parts[k].startsWith(key + ':'))
          return `expected the columns ${names.join(', ')} in that order`;
        fields.push(parts[k].slice(key.length + 1));
      }
    }
    if (fields.length !== names.length)
      return `${fields.length} fields where the sweep writes ${names.length} (${names.join(', ')})`;
    if (!INDEX.test(fields[0])) return `index "${fields[0].slice(0, 20)}" is not a whole number in plain form`;
    const index = Number(fields[0]);
    const point = Math.floor(index / R);
    const replication = index - point * R;
    if (fields[1] !== String(point) || fields[2] !== String(replication))
      return `point and replication are not those of index ${index} (${point}, ${replication})`;
    if (point !== current) {
      pointAt(point, values);
      current = point;
    }
    for (let j = 0; j < factors.length; j++) {
      const expected =
        factors[j].path === 'date'
          ? csv
            ? dateOfDay(values[j])
            : JSON.stringify(dateOfDay(values[j]))
          : formatFixed(values[j], PARAMETER_DECIMALS);
      if (fields[3 + j] !== expected)
        return `${factors[j].path} is ${fields[3 + j].slice(0, 24)}, the design's value at point ${point} is ${expected}`;
    }
    let at = 3 + factors.length;
    for (let k = 0; k < recorded; k++, at++)
      if (!DECIMAL.test(fields[at])) return `${names[at]} "${fields[at].slice(0, 24)}" is not a number`;
    if (fields[at] !== String(rowSeed(plan.design.seed, point, replication)))
      return `seed ${fields[at].slice(0, 24)} is not the seed of row ${index}`;
    at++;
    for (let k = 0; k < kinds.length; k++, at++) {
      const f = fields[at];
      const ok = kinds[k] === 'integer' ? INTEGER.test(f) : DECIMAL.test(f) || f === (csv ? '' : 'null');
      if (!ok)
        return `${names[at]} "${f.slice(0, 24)}" is not ${kinds[k] === 'integer' ? 'a whole number' : 'a number'}`;
    }
    return undefined;
  };
}
