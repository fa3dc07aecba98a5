/**
 * A sweep plan: everything that decides the rows of a sweep, as plain data
 * (it is sent to the worker processes and recorded in the run receipt). Two runs
 * with the same scenario and the same plan write the same bytes.
 */
import { designSize, type DesignSpec } from './design.js';
import { outcomeColumns } from './outcomes.js';
import type { SolverChoice } from './solver-choice.js';
import type { Shard } from './shard.js';

export { hasNash, hasQre, type SolverChoice } from './solver-choice.js';
export type OutputFormat = 'csv' | 'jsonl';

export interface SweepPlan {
  design: DesignSpec;
  /** Rows per design point. */
  replications: number;
  /** Whether each row draws the scenario's uncertain inputs (set by `--replications`). */
  draws: boolean;
  /**
   * The uncertain inputs whose drawn values each row records, as columns
   * after the design's (`--record-draws`); absent when none are.
   */
  recorded?: string[];
  solver: SolverChoice;
  /** State ids whose decisions each row reports. */
  track: string[];
  format: OutputFormat;
  shard: Shard;
}

/** Rows of the whole sweep (all shards): design points × replications. */
export function totalRows(plan: Pick<SweepPlan, 'design' | 'replications'>): number {
  return designSize(plan.design) * plan.replications;
}

/** Column names, in order: the CSV header, the JSON Lines keys. */
export function columns(plan: Pick<SweepPlan, 'design' | 'solver' | 'track' | 'recorded'>): string[] {
  return [
    'index',
    'point',
    'replication',
    ...plan.design.factors.map((f) => f.path),
    ...(plan.recorded ?? []),
    'seed',
    ...outcomeColumns(plan.solver, plan.track),
  ];
}

/** Quotes a CSV field when it needs it (RFC 4180). */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The first line of a CSV output (JSON Lines has none). */
export function headerLine(plan: Pick<SweepPlan, 'design' | 'solver' | 'track' | 'format' | 'recorded'>): string {
  return plan.format === 'csv' ? columns(plan).map(csvField).join(',') + '\n' : '';
}

/** The row index at the start of a CSV or JSON Lines row (NaN when there is none). */
export function rowIndex(line: string, format: OutputFormat): number {
  if (format === 'csv') return Number(line.slice(0, line.indexOf(',')));
  const m = /^\{"index":(\d+)[,}]/.exec(line);
  return m ? Number(m[1]) : NaN;
}
