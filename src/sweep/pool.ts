/**
 * A pool of worker threads computing a sweep in chunks, with the rows
 * written in order. Chunks come back in any order; a reorder buffer holds
 * the early ones until the gap before them is filled. The buffer is bounded:
 * no new chunk is handed out while WINDOW_PER_WORKER × workers chunks are
 * unwritten, so memory stays flat however long the sweep.
 */
import { Worker } from 'node:worker_threads';
import { SweepError } from './sweep-error.js';
import type { ChunkTask, RecycledBuffer, WorkerInit, WorkerReply } from './worker-protocol.js';

/** Unwritten chunks allowed per worker: enough to keep every worker busy while one chunk lags. */
const WINDOW_PER_WORKER = 4;
/**
 * Young-generation cap of a worker's heap: rows are short-lived strings, and
 * a small nursery keeps each worker's memory flat at a few MB of garbage.
 */
const WORKER_YOUNG_MB = 4;
/**
 * Old-generation cap of a worker's heap. A worker's live data is small (the
 * scenario and its compiled game; design tables live outside the heap), but
 * V8 lets promoted row strings pile up to far more before a major GC: the cap
 * makes it collect early, so memory stays flat in the number of points.
 */
const WORKER_OLD_MB = 64;
/** Aim for chunks of about this many seconds: large enough to amortise messaging, small enough for smooth progress. */
const CHUNK_SECONDS = 0.1;
/** At most this many rows a chunk: its text stays small enough for the young generation. */
const MAX_CHUNK = 1024;
const FIRST_CHUNK = 16;

export interface PoolOptions {
  init: WorkerInit;
  workers: number;
  /** Shard positions [from, to) to compute. */
  from: number;
  to: number;
  /** Called with each chunk's rows (UTF-8), in position order. */
  write(bytes: Uint8Array, rows: number): void;
  /** Polled before each chunk is handed out: true stops the run once the chunks out are in. */
  stopped(): boolean;
  /** Where the worker script is (resolved from this module's URL by default, so dist/ works). */
  workerUrl?: URL;
}

/** Runs the pool; resolves with the positions written (from + rows) once every handed-out chunk is in. */
export function runPool(options: PoolOptions): Promise<number> {
  const { init, from, to } = options;
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const count = Math.max(1, Math.min(options.workers, Math.max(1, to - from)));
  return new Promise<number>((resolve, reject) => {
    const workers: Worker[] = [];
    const idle: Worker[] = [];
    const pending = new Map<number, { bytes: Uint8Array; rows: number; from: Worker }>();
    let nextId = 0;
    let nextWrite = 0;
    let nextStart = from;
    let written = from;
    let inFlight = 0;
    let chunk = FIRST_CHUNK;
    let settled = false;
    const started = new Map<number, number>();

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(written);
    };
    const done = (): boolean => options.stopped() || nextStart >= to;
    const dispatch = (w: Worker): void => {
      if (done() || nextId - nextWrite >= WINDOW_PER_WORKER * count) {
        idle.push(w);
        if (inFlight === 0 && done()) finish();
        return;
      }
      const task: ChunkTask = { type: 'task', id: nextId++, from: nextStart, to: Math.min(to, nextStart + chunk) };
      nextStart = task.to;
      inFlight++;
      started.set(task.id, performance.now());
      w.postMessage(task);
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(url, {
        workerData: init,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_OLD_MB },
      });
      workers.push(w);
      w.on('message', (reply: WorkerReply) => {
        if (reply.type === 'error')
          return finish(reply.user ? new SweepError(reply.message) : new Error(reply.message));
        inFlight--;
        const seconds = (performance.now() - (started.get(reply.id) ?? 0)) / 1000;
        started.delete(reply.id);
        if (reply.rows > 0 && seconds > 0)
          chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round((CHUNK_SECONDS * reply.rows) / seconds)));
        pending.set(reply.id, { bytes: reply.bytes, rows: reply.rows, from: w });
        try {
          for (let next = pending.get(nextWrite); next; next = pending.get(nextWrite)) {
            pending.delete(nextWrite++);
            options.write(next.bytes, next.rows);
            written += next.rows;
            const recycle: RecycledBuffer = { type: 'recycle', buffer: next.bytes.buffer as ArrayBuffer };
            next.from.postMessage(recycle, [recycle.buffer]);
          }
        } catch (error) {
          return finish(error as Error);
        }
        dispatch(w);
        while (idle.length > 0 && !done() && nextId - nextWrite < WINDOW_PER_WORKER * count) dispatch(idle.pop()!);
        if (inFlight === 0 && done()) finish();
      });
      w.on('error', (error) => finish(error));
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`a sweep worker exited with code ${code}`));
      });
      dispatch(w);
    }
    if (from >= to) finish();
  });
}
