/** Messages between the sweep's main process and its worker processes (V8 serialization over the IPC channel). */
import type { Layer } from '../scenario/merge.js';
import type { SweepPlan } from './plan.js';

/** What a worker needs to rebuild the scenario and compute any row. */
export interface WorkerInit {
  file: string;
  overrides: string[];
  fix: string[];
  plan: SweepPlan;
  /** The scenario hash the main thread computed: a worker that loads a different scenario refuses. */
  hash: string;
  /** The files as parsed by the main thread (structured clone): when present, nothing is read or parsed again. */
  layers?: Layer[];
}

/** Compute shard positions [from, to) of the plan. */
export interface ChunkTask {
  type: 'task';
  id: number;
  from: number;
  to: number;
}

/** The first message to a worker: what it computes from. */
export interface WorkerStart {
  type: 'init';
  init: WorkerInit;
}

export type WorkerReply =
  /** The worker has built its evaluator and takes chunks from now on. */
  | { type: 'ready' }
  | { type: 'rows'; id: number; bytes: Uint8Array; rows: number }
  /** `user`: the scenario's or the command's fault (e.g. a custom term non-linear at a swept value), reported as bad input. */
  | { type: 'error'; message: string; user: boolean };
