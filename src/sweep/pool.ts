/**
 * A pool of worker processes computing a sweep in chunks, with the rows
 * written in order. Chunks come back in any order; a reorder buffer holds
 * the early ones until the gap before them is filled. The buffer is bounded:
 * no new chunk is handed out while WINDOW_PER_WORKER × workers chunks are
 * unwritten, so memory stays flat however long the sweep.
 *
 * Workers are child processes (`child_process.fork`, V8 serialization over
 * the IPC channel), not worker threads: on the 2-core machines this is
 * measured on, two worker threads in one process each computed a row about
 * 1.45 times slower than one thread alone, while two processes did not slow
 * each other that way (docs/sweeps.md, "Start-up and rows"). A worker runs
 * in a process group of its own, so the SIGINT a terminal sends to its
 * foreground group on Ctrl-C (or a batch system's signal to the job's group)
 * reaches only the main process, which decides when to stop, finishes the
 * chunks out and ends the workers; a worker whose main process is gone exits
 * when the IPC channel closes. A batch system may signal every process of a
 * job (Slurm does, on a time limit): a worker ended by SIGTERM, SIGINT or
 * SIGHUP leaves its chunks to the others, and the main process, signalled
 * too, stops in its own time; a worker ended any other way fails the run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SweepError } from './sweep-error.js';
import type { ChunkTask, WorkerInit, WorkerReply } from './worker-protocol.js';

/** Unwritten chunks allowed per worker: enough to keep every worker busy while one chunk lags. */
const WINDOW_PER_WORKER = 4;
/**
 * Semi-space size of a worker's young generation, in MB: a row allocates almost nothing (it is
 * written into a reused byte buffer), so a small nursery suffices and keeps each worker's memory
 * flat.
 */
const WORKER_SEMI_SPACE_MB = 2;
/**
 * Old-generation cap of a worker's heap: WORKER_OLD_MB plus WORKER_OLD_MB_PER_1000_STATES for
 * every 1,000 states. A worker's live data is the scenario as parsed, its compiled game and the
 * solvers' workspaces, all linear in the number of states (a 13,000-state roster, the largest a
 * 4 MiB file holds, peaks near 100 MB per worker); rows are written into a reused byte buffer,
 * not strings, so garbage does not grow with the number of points. The cap makes V8 collect
 * early, so memory stays flat however long the sweep.
 */
const WORKER_OLD_MB = 64;
const WORKER_OLD_MB_PER_1000_STATES = 16;
/** The end of a worker's standard error kept for the message when it dies (a V8 fatal error says why there). */
const STDERR_KEPT = 4096;

/** A worker's old-generation cap in MB for a scenario of `states` states. */
export function workerHeapMb(states: number): number {
  return WORKER_OLD_MB + Math.ceil((WORKER_OLD_MB_PER_1000_STATES * Math.max(0, states)) / 1000);
}
/** Aim for chunks of about this many seconds: large enough to amortise messaging, small enough for smooth progress. */
const CHUNK_SECONDS = 0.1;
/** At most this many rows a chunk: its text stays small enough for the young generation. */
const MAX_CHUNK = 1024;
const FIRST_CHUNK = 16;
/** A worker ready when less than this many seconds of rows are left (at the main thread's pace) is not used. */
const LATE_START_SECONDS = 0.4;
/** Worker processes are started only when the main thread alone has more than this many seconds of rows left, */
const WORKERS_FROM_SECONDS = 0.8;
/** judged after this many seconds of computing, at this many times its pace so far. */
const PACE_SECONDS = 0.1;
const WARM_SPEED_UP = 2;

export interface PoolOptions {
  init: WorkerInit;
  /** Computing participants in all: the worker processes, plus the main thread when `inline` is given. */
  workers: number;
  /** Shard positions [from, to) to compute. */
  from: number;
  to: number;
  /** Called with each chunk's rows (UTF-8), in position order. */
  write(bytes: Uint8Array, rows: number): void;
  /** Polled before each chunk is handed out: true stops the run once the chunks out are in. */
  stopped(): boolean;
  /** States in the scenario: the workers' heap cap grows with it (`workerHeapMb`). */
  states: number;
  /**
   * The main thread's own share: computes positions [from, to) into the bytes a worker would
   * send (the same evaluator code on the same scenario). Given, the main thread takes chunks
   * like a worker, from the first moment (while the workers start) and between the writes.
   */
  inline?: (from: number, to: number) => Uint8Array;
  /** Where the worker script is (resolved from this module's URL by default, so dist/ works). */
  workerUrl?: URL;
}

/** A participant: a worker process, or the main thread itself. */
type Participant = ChildProcess | 'main';

/** Runs the pool; resolves with the positions written (from + rows) once every handed-out chunk is in. */
export function runPool(options: PoolOptions): Promise<number> {
  const { init, from, to, inline } = options;
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const wanted = Math.max(1, Math.min(options.workers, Math.max(1, to - from)));
  const processes = inline ? wanted - 1 : wanted;
  return new Promise<number>((resolve, reject) => {
    const workers: ChildProcess[] = [];
    const idle: Participant[] = [];
    const pending = new Map<number, { bytes: Uint8Array; rows: number; from: Participant }>();
    let nextId = 0;
    let nextWrite = 0;
    let nextStart = from;
    let written = from;
    let chunk = FIRST_CHUNK;
    /** Whether the worker processes were started, or judged not worth starting. */
    let workersDecided = false;
    /** The main thread's pace, in rows per second (measured on its own chunks). */
    let mainRate = 0;
    let mainSeconds = 0;
    let settled = false;
    const window = WINDOW_PER_WORKER * wanted;

    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
      if (error) reject(error);
      else resolve(written);
    };
    /** Chunks handed out and not yet back: who has each, and since when (ms). */
    const outstanding = new Map<number, { task: ChunkTask; p: Participant; since: number }>();
    /** Chunks of a worker stopped by a signal, handed out again before any new one (lowest first). */
    const retry: ChunkTask[] = [];
    const done = (): boolean => options.stopped() || (nextStart >= to && retry.length === 0);
    const canHandOut = (): boolean => retry.length > 0 || nextId - nextWrite < window;
    const dispatch = (p: Participant): void => {
      if (settled) return;
      if (done() || !canHandOut()) {
        idle.push(p);
        if (outstanding.size === 0 && done()) finish();
        return;
      }
      let task = retry.shift();
      if (!task) {
        task = { type: 'task', id: nextId++, from: nextStart, to: Math.min(to, nextStart + chunk) };
        nextStart = task.to;
      }
      outstanding.set(task.id, { task, p, since: performance.now() });
      if (p !== 'main') {
        p.send(task);
        return;
      }
      // The main thread's chunk runs on a later turn of the event loop, so the workers' replies
      // and signal handlers are served between its chunks.
      const mine = task;
      setImmediate(() => {
        if (settled) return;
        let bytes: Uint8Array;
        try {
          bytes = inline!(mine.from, mine.to);
        } catch (error) {
          return finish(error as Error);
        }
        received(mine.id, bytes, mine.to - mine.from, 'main');
      });
    };
    const received = (id: number, bytes: Uint8Array, rows: number, participant: Participant): void => {
      if (settled) return;
      const seconds = (performance.now() - (outstanding.get(id)?.since ?? 0)) / 1000;
      outstanding.delete(id);
      if (rows > 0 && seconds > 0)
        chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round((CHUNK_SECONDS * rows) / seconds)));
      if (participant === 'main' && rows > 0 && seconds > 0) {
        mainRate = rows / seconds;
        mainSeconds += seconds;
        // Workers only for a sweep long enough to repay their start (a process, its modules and
        // its scenario: about 0.35 s on the benchmark machines, and on a 2-vCPU machine a
        // started worker slowed the main thread by about 0.1 s even unused). Judged once the
        // main thread has computed for PACE_SECONDS, at WARM_SPEED_UP times its pace so far: its
        // first rows run cold code (2 to 3 times slower on those machines).
        if (!workersDecided && mainSeconds >= PACE_SECONDS) {
          if ((to - nextStart) / (WARM_SPEED_UP * mainRate) > WORKERS_FROM_SECONDS) startWorkers();
          else workersDecided = true;
        }
      }
      pending.set(id, { bytes, rows, from: participant });
      try {
        for (let next = pending.get(nextWrite); next; next = pending.get(nextWrite)) {
          pending.delete(nextWrite++);
          options.write(next.bytes, next.rows);
          written += next.rows;
        }
      } catch (error) {
        return finish(error as Error);
      }
      dispatch(participant);
      serveIdle();
    };
    const serveIdle = (): void => {
      while (idle.length > 0 && !done() && canHandOut()) dispatch(idle.pop()!);
      if (outstanding.size === 0 && done()) finish();
    };
    /**
     * A worker stopped by a signal from outside (a batch system signals every process of a job,
     * not only the main one): its chunks go to the others, and the main process, signalled too,
     * stops in its own time. With nobody left to compute, the run fails.
     */
    const lost = (w: ChildProcess): void => {
      const k = idle.indexOf(w);
      if (k >= 0) idle.splice(k, 1);
      for (const [id, { task, p }] of outstanding)
        if (p === w) {
          outstanding.delete(id);
          retry.push(task);
        }
      retry.sort((x, y) => x.id - y.id);
      const alive = workers.some((v) => v.exitCode === null && v.signalCode === null);
      if (!inline && !alive) return finish(new Error('every sweep worker was stopped by a signal'));
      serveIdle();
    };
    const script = fileURLToPath(url);
    /** Starts the worker processes (once). */
    const startWorkers = (): void => {
      if (workersDecided) return;
      workersDecided = true;
      for (let k = 0; k < processes; k++) startWorker();
    };
    if (inline) dispatch('main');
    else startWorkers();
    function startWorker(): void {
      const w = fork(script, [], {
        serialization: 'advanced',
        execArgv: [
          `--max-old-space-size=${workerHeapMb(options.states)}`,
          `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
        ],
        // The rows travel over the IPC channel: the worker's stdout is not the sweep's.
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        // Its own process group: a terminal's Ctrl-C goes to the main process only.
        detached: true,
      });
      workers.push(w);
      let stderr = '';
      w.stderr!.setEncoding('utf8');
      w.stderr!.on('data', (text: string) => void (stderr = (stderr + text).slice(-STDERR_KEPT)));
      w.on('message', (reply: WorkerReply) => {
        if (reply.type === 'error')
          return finish(reply.user ? new SweepError(reply.message) : new Error(reply.message));
        // A worker gets its first chunk once it is ready: a chunk given to a process still
        // starting would hold back the writes, and with them everyone else's chunks.
        // Two chunks each: the second waits in the worker's queue, so the worker never idles while
        // the main thread, busy with a chunk of its own, has not yet read the first one's reply.
        if (reply.type === 'ready') {
          // Too late to help: a worker's first chunks run cold code, several times slower than
          // the warm main thread, so with less than LATE_START_SECONDS of rows left at the main
          // thread's pace it would only delay the end. It stays unused.
          if (inline && to - nextStart < LATE_START_SECONDS * mainRate) return;
          dispatch(w);
          dispatch(w);
          return;
        }
        received(reply.id, reply.bytes, reply.rows, w);
      });
      // A message to a worker that has just died fails (EPIPE): the 'exit' that follows decides, and
      // the error must not reach the CLI as such (an EPIPE there means stdout's reader has gone).
      w.on('error', (error) => {
        if (w.pid === undefined) finish(new Error(`could not start a sweep worker: ${error.message}`));
      });
      w.on('exit', (code, signal) => {
        if (settled) return;
        if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGHUP') return lost(w);
        const why = stderr
          .split('\n')
          .find((line) => /error/i.test(line))
          ?.trim();
        finish(new Error(`a sweep worker exited with ${signal ?? `code ${code}`}${why ? `: ${why}` : ''}`));
      });
      w.send({ type: 'init', init });
    }
    if (from >= to) finish();
  });
}
