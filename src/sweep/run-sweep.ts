/**
 * Runs a sweep end to end: checks the plan against the scenario, opens (or
 * resumes) the output and its run receipt, computes the rows on the worker
 * pool and finishes the file. The core of `signatory sweep`: it never
 * prints; progress goes to a callback.
 */
import { closeSync, existsSync, writeSync } from 'node:fs';
import type { Scenario } from '../model/scenario.js';
import type { Layer } from '../scenario/merge.js';
import { metaPath, identityDifference, newMeta, readMeta, writeMeta, type SweepMeta } from './meta.js';
import { finishOutput, openOutput, partialPath } from './output-file.js';
import { headerLine, rowIndex, totalRows, type SweepPlan } from './plan.js';
import { runPool } from './pool.js';
import { RowBuffer } from './row-bytes.js';
import { rowEvaluator, type RowEvaluator } from './rows.js';
import { InputError } from '../errors/input-error.js';
import { scenarioHash } from './scenario-hash.js';
import { shardRow, shardSize } from './shard.js';
import { SweepError } from './sweep-error.js';

export interface SweepRequest {
  scenario: Scenario;
  /** The scenario file as given, and the --set / --fix it was loaded with (workers rebuild the scenario from them). */
  file: string;
  /** The files as the main thread read and parsed them: workers rebuild from these instead of reading and parsing again. */
  layers?: Layer[];
  overrides: string[];
  fix: string[];
  plan: SweepPlan;
  /** Output file; rows go to `stream` when absent (no receipt, no resume). */
  out?: string;
  stream?: { write(data: string | Uint8Array): unknown };
  resume: boolean;
  workers: number;
  /** argv after `signatory`, for the receipt. */
  command: string[];
  version: string;
  /** Called after each block of rows is written. */
  onProgress?(done: number, total: number): void;
  /** Polled between chunks: true stops the run cleanly (Ctrl-C). */
  stopped?(): boolean;
}

export interface SweepOutcome {
  status: 'complete' | 'interrupted' | 'already-complete';
  /** Rows in the output (this shard). */
  rows: number;
  /** Rows this shard should hold. */
  total: number;
  /** Rows written by this invocation. */
  computed: number;
}

/** writeSync until every byte is out (a write may be short). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Computes shard positions [from, to) into `out` with the main thread's evaluator; an error names
 * its row (a bad value the user can fix is a SweepError, anything else internal).
 */
function computeRows(evaluator: RowEvaluator, plan: SweepPlan, from: number, to: number, out: RowBuffer): void {
  let pos = from;
  try {
    for (; pos < to; pos++) evaluator.rowInto(shardRow(plan.shard, pos), out);
  } catch (error) {
    const message = `row ${shardRow(plan.shard, pos)}: ${(error as Error).message}`;
    throw error instanceof InputError ? new SweepError(message) : new Error(message);
  }
}

/** Rows per block when the main thread computes them (`--workers 1`): progress and Ctrl-C are polled between blocks. */
const INLINE_BLOCK = 512;

/**
 * `--workers 1`: the rows are computed here, by the evaluator already built
 * from the scenario already loaded, so nothing is parsed twice and no
 * worker process is started. The bytes are those a worker would write.
 */
async function runInline(
  evaluator: RowEvaluator,
  plan: SweepPlan,
  from: number,
  to: number,
  write: (bytes: Uint8Array, rows: number) => void,
  stopped: () => boolean,
): Promise<number> {
  const buffer = new RowBuffer();
  let pos = from;
  while (pos < to && !stopped()) {
    const start = pos;
    const end = Math.min(to, pos + INLINE_BLOCK);
    buffer.clear();
    computeRows(evaluator, plan, start, end, buffer);
    pos = end;
    write(buffer.view(), end - start);
    // Let signal handlers and the progress view run.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return pos;
}

export async function runSweep(req: SweepRequest): Promise<SweepOutcome> {
  const { plan, scenario } = req;
  // Builds the evaluator once here so a bad path or state id fails before any file is touched.
  const evaluator = rowEvaluator(scenario, plan, req.file);
  const hash = scenarioHash(scenario);
  const total = shardSize(plan.shard, totalRows(plan));
  const now = (): string => new Date().toISOString();
  let meta: SweepMeta = newMeta({
    signatory: req.version,
    scenario: { name: scenario.name, file: req.file, hash },
    command: req.command,
    plan,
    rows: total,
    startedAt: now(),
  });
  let fd: number | undefined;
  let start = 0;
  if (req.out !== undefined) {
    const out = req.out;
    if (req.resume) {
      if (!existsSync(metaPath(out))) throw new SweepError(`${metaPath(out)} not found: nothing to resume`);
      const old = readMeta(out);
      const diff = identityDifference(old, meta);
      if (diff !== undefined)
        throw new SweepError(`cannot resume ${out}: the ${diff} differs from the interrupted run's`);
      if (JSON.stringify(old.plan.shard) !== JSON.stringify(plan.shard))
        throw new SweepError(`cannot resume ${out}: it holds shard ${old.plan.shard.index}/${old.plan.shard.count}`);
      if (old.status === 'complete' && existsSync(out) && !existsSync(partialPath(out)))
        return { status: 'already-complete', rows: total, total, computed: 0 };
      meta = {
        ...old,
        command: old.command,
        status: 'running',
        endedAt: null,
        resumedAt: [...(old.resumedAt ?? []), now()],
      };
    }
    const opened = openOutput(
      out,
      headerLine(plan),
      req.resume,
      `signatory ${req.command.filter((a) => a !== '--resume').join(' ')}`,
    );
    fd = opened.fd;
    start = opened.rows;
    if (opened.rows > total) {
      closeSync(fd);
      throw new SweepError(
        `${partialPath(out)} holds ${opened.rows} rows, more than the ${total} of this sweep; cannot resume`,
      );
    }
    if (
      opened.lastRow !== undefined &&
      rowIndex(opened.lastRow, plan.format) !== shardRow(plan.shard, opened.rows - 1)
    ) {
      closeSync(fd);
      throw new SweepError(
        `${partialPath(out)}: its last row is not row ${shardRow(plan.shard, opened.rows - 1)} of this sweep; cannot resume`,
      );
    }
    writeMeta(out, meta);
  } else {
    req.stream?.write(headerLine(plan));
  }
  let done = start;
  req.onProgress?.(done, total);
  const target = fd;
  let end: number;
  try {
    const write = (bytes: Uint8Array, rows: number) => {
      if (target !== undefined) writeAll(target, bytes);
      // A stream may write later, and the pool hands the buffer back to its worker: copy it.
      else req.stream?.write(Buffer.from(bytes));
      done += rows;
      req.onProgress?.(done, total);
    };
    const stopped = () => req.stopped?.() ?? false;
    end =
      req.workers <= 1
        ? await runInline(evaluator, plan, start, total, write, stopped)
        : await runPool({
            init: {
              file: req.file,
              overrides: req.overrides,
              fix: req.fix,
              plan,
              hash,
              ...(req.layers ? { layers: req.layers } : {}),
            },
            workers: req.workers,
            states: scenario.states.length,
            // The main thread computes too: it is otherwise idle but for writing, and starts at once.
            inline: (from, to) => {
              const out = new RowBuffer(16 * 1024);
              computeRows(evaluator, plan, from, to, out);
              return out.view();
            },
            from: start,
            to: total,
            write,
            stopped,
          });
  } catch (error) {
    if (target !== undefined) {
      closeSync(target);
      writeMeta(req.out!, { ...meta, status: 'interrupted', endedAt: now() });
    }
    throw error;
  }
  const complete = end >= total;
  if (req.out !== undefined && target !== undefined) {
    if (complete) finishOutput(req.out, target);
    else closeSync(target);
    writeMeta(req.out, { ...meta, status: complete ? 'complete' : 'interrupted', endedAt: now() });
  }
  return { status: complete ? 'complete' : 'interrupted', rows: end, total, computed: end - start };
}
