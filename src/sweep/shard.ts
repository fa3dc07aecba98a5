/**
 * Shards for clusters: shard K of N (1-based, as in `--shard 2/3`) runs
 * the rows whose index i has i mod N = K − 1. `auto` reads a job-array
 * index from the environment.
 */
import { SweepError } from './sweep-error.js';

export interface Shard {
  /** 1-based shard number K. */
  index: number;
  /** Number of shards N. */
  count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

function whole(text: string | undefined, what: string): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(n))
    throw new SweepError(`${what} must be a whole number, got '${text ?? ''}'`);
  return n;
}

function checked(shard: Shard, source: string): Shard {
  if (shard.count < 1) throw new SweepError(`${source}: the number of shards must be at least 1`);
  if (shard.index < 1 || shard.index > shard.count)
    throw new SweepError(`${source}: shard ${shard.index} is outside 1..${shard.count}`);
  return shard;
}

/**
 * Parses `--shard K/N` or `--shard auto`. For `auto`, in order:
 * SLURM_ARRAY_TASK_ID (with SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT,
 * so `--array=0-9` and `--array=1-10` both work), JOB_COMPLETION_INDEX
 * (Kubernetes Indexed Jobs, 0-based, with `--shards N`),
 * AWS_BATCH_JOB_ARRAY_INDEX (0-based, with `--shards N`).
 */
export function parseShard(spec: string | undefined, shards: string | undefined, env: NodeJS.ProcessEnv): Shard {
  if (spec === undefined) {
    if (shards !== undefined) throw new SweepError('--shards N goes with --shard auto');
    return WHOLE;
  }
  if (spec !== 'auto') {
    const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
    if (!m) throw new SweepError(`--shard '${spec}': expected K/N (e.g. 2/3) or auto`);
    return checked({ index: Number(m[1]), count: Number(m[2]) }, `--shard '${spec}'`);
  }
  const count = shards === undefined ? undefined : whole(shards, '--shards');
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = whole(env.SLURM_ARRAY_TASK_ID, 'SLURM_ARRAY_TASK_ID');
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : whole(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN');
    const n =
      count ??
      (env.SLURM_ARRAY_TASK_COUNT === undefined
        ? undefined
        : whole(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT'));
    if (n === undefined) throw new SweepError('--shard auto: SLURM_ARRAY_TASK_COUNT is not set; give --shards N');
    return checked({ index: id - min + 1, count: n }, 'SLURM_ARRAY_TASK_ID');
  }
  for (const name of ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX']) {
    if (env[name] === undefined) continue;
    if (count === undefined)
      throw new SweepError(`--shard auto with ${name}: give the number of shards with --shards N`);
    return checked({ index: whole(env[name], name) + 1, count }, name);
  }
  throw new SweepError(
    '--shard auto: no job-array index found (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX)',
  );
}

/** Number of the `total` rows that fall in the shard. */
export function shardSize(shard: Shard, total: number): number {
  const first = shard.index - 1;
  return first >= total ? 0 : Math.floor((total - first - 1) / shard.count) + 1;
}

/** Global row index of the shard's position-th row. */
export function shardRow(shard: Shard, position: number): number {
  return shard.index - 1 + position * shard.count;
}
