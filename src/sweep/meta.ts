/**
 * The run receipt `OUT.meta.json` beside a sweep's output: what was run
 * (version, scenario hash, command, master seed, design), when, and how far
 * it got. `--resume` and `merge` read it to check that the rows they join
 * belong to the same sweep.
 */
import { rmSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { columns, totalRows, type SweepPlan } from './plan.js';
import { SweepError } from './sweep-error.js';

export interface SweepMeta {
  signatory: string;
  scenario: { name: string; file: string; hash: string };
  /** The command line as typed (argv after `signatory`). */
  command: string[];
  seed: number;
  plan: SweepPlan;
  columns: string[];
  /** Rows of the whole sweep (all shards). */
  totalRows: number;
  /** Rows in this file once complete. */
  rows: number;
  status: 'running' | 'interrupted' | 'complete';
  startedAt: string;
  endedAt: string | null;
  /** When the run was resumed, if it was. */
  resumedAt?: string[];
  /** Shard files a merged output was built from. */
  mergedFrom?: string[];
}

/** The receipt's path for an output file. */
export function metaPath(out: string): string {
  return `${out}.meta.json`;
}

/** Writes the receipt atomically (write then rename), so it is never half-written. */
/** Receipts written by this process, to name each temporary file uniquely. */
let receiptWrites = 0;

/**
 * Writes the receipt through a temporary file of this process created with
 * 'wx' (never an existing file, never through a symlink someone left at the
 * name) and renamed into place, so a reader sees the old or the new receipt.
 */
export function writeMeta(out: string, meta: SweepMeta): void {
  const target = metaPath(out);
  const temporary = `${target}.${process.pid}.${(receiptWrites++).toString(36)}.tmp`;
  writeFileSync(temporary, JSON.stringify(meta, null, 2) + '\n', { flag: 'wx' });
  try {
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export function readMeta(out: string): SweepMeta {
  const file = metaPath(out);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SweepError(`${file}: run receipt not found (it is written beside every sweep output)`);
  }
  let meta: unknown;
  try {
    meta = JSON.parse(text);
  } catch {
    throw new SweepError(`${file}: not a sweep run receipt (not JSON)`);
  }
  const problem = receiptProblem(meta);
  if (problem) throw new SweepError(`${file}: not a sweep run receipt (${problem})`);
  return meta as SweepMeta;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const areStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * What is wrong with a parsed receipt, or undefined: every field `--resume`
 * and `merge` read is checked before use, so an edited or truncated receipt
 * is refused in one line instead of failing halfway.
 */
function receiptProblem(meta: unknown): string | undefined {
  if (!isObject(meta)) return 'not a JSON object';
  if (typeof meta.signatory !== 'string') return 'no signatory version';
  const scenario = meta.scenario;
  if (!isObject(scenario) || typeof scenario.hash !== 'string' || typeof scenario.file !== 'string')
    return 'no scenario hash and file';
  if (!areStrings(meta.command)) return 'no command';
  if (!areStrings(meta.columns)) return 'no columns';
  if (!isWhole(meta.totalRows) || !isWhole(meta.rows)) return 'no row counts';
  if (!['running', 'interrupted', 'complete'].includes(meta.status as string)) return 'no status';
  if (typeof meta.startedAt !== 'string') return 'no start time';
  const plan = meta.plan;
  if (!isObject(plan)) return 'no plan';
  const design = plan.design;
  if (!isObject(design) || typeof design.kind !== 'string' || !Array.isArray(design.factors)) return 'no design';
  if (!design.factors.every((f) => isObject(f) && typeof f.path === 'string')) return 'a design factor without a path';
  if (!isObject(plan.shard) || !isWhole(plan.shard.index) || !isWhole(plan.shard.count)) return 'no shard';
  if (plan.format !== 'csv' && plan.format !== 'jsonl') return 'no format';
  if (!areStrings(plan.track) || typeof plan.solver !== 'string') return 'no solver or tracked states';
  if (plan.recorded !== undefined && !areStrings(plan.recorded)) return 'recorded inputs that are not paths';
  if (!isWhole(plan.replications)) return 'no replications';
  return undefined;
}

/** Fields that decide the rows' bytes: two runs agreeing on them write the same rows. */
export function rowIdentity(meta: Pick<SweepMeta, 'signatory' | 'scenario' | 'plan'>): Record<string, unknown> {
  const { shard: _shard, ...plan } = meta.plan;
  return { signatory: meta.signatory, scenarioHash: meta.scenario.hash, plan };
}

/** The first field on which two receipts' rows would differ, or undefined. */
export function identityDifference(
  a: SweepMeta,
  b: Pick<SweepMeta, 'signatory' | 'scenario' | 'plan'>,
): string | undefined {
  const x = rowIdentity(a);
  const y = rowIdentity(b);
  if (x.signatory !== y.signatory) return `signatory version (${String(x.signatory)} vs ${String(y.signatory)})`;
  if (x.scenarioHash !== y.scenarioHash) return 'scenario (its hash differs: the file or a --set/--fix changed)';
  const px = x.plan as Record<string, unknown>;
  const py = y.plan as Record<string, unknown>;
  for (const key of Object.keys({ ...px, ...py })) {
    if (JSON.stringify(px[key]) !== JSON.stringify(py[key]))
      return key === 'design' ? 'design (--vary, --lhs, --random, --design or --seed)' : key;
  }
  return undefined;
}

export function newMeta(fields: Omit<SweepMeta, 'columns' | 'totalRows' | 'status' | 'endedAt' | 'seed'>): SweepMeta {
  return {
    ...fields,
    seed: fields.plan.design.seed,
    columns: columns(fields.plan),
    totalRows: totalRows(fields.plan),
    status: 'running',
    endedAt: null,
  };
}
