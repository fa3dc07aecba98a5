/**
 * Entry point of a sweep worker process (forked by pool.ts): rebuilds the
 * scenario from the layers the main process parsed (or reloads it), builds
 * a row evaluator once and answers chunk tasks with formatted rows over the
 * IPC channel. Formatting here rather than in the main process keeps the
 * main process a writer only.
 */
import { InputError } from '../errors/input-error.js';
import { loadFromLayers, loadScenario } from '../scenario/load.js';
import { RowBuffer } from './row-bytes.js';
import { rowEvaluator, type RowEvaluator } from './rows.js';
import { scenarioHash } from './scenario-hash.js';
import { shardRow } from './shard.js';
import { SweepError } from './sweep-error.js';
import type { ChunkTask, WorkerInit, WorkerReply, WorkerStart } from './worker-protocol.js';

// The main process gone (the channel closed), nothing is left to compute for. (A worker runs in a
// process group of its own, so a terminal's Ctrl-C reaches only the main process, which decides.)
process.on('disconnect', () => process.exit(0));

/** Sends a reply; the message is serialized at once, so the row buffer can be reused right after. */
const reply = (message: WorkerReply): void => void process.send!(message);
/** The error as a reply: InputErrors (a bad scenario value, a sweep problem) are the user's to fix, anything else is internal. */
const failure = (error: unknown, where = ''): WorkerReply => ({
  type: 'error',
  message: where + (error as Error).message,
  user: error instanceof InputError,
});

let init: WorkerInit | undefined;
let evaluator: RowEvaluator | undefined;
const out = new RowBuffer(64 * 1024);

function start(message: WorkerStart): void {
  try {
    init = message.init;
    const options = { overrides: init.overrides, fix: init.fix };
    const scenario = init.layers ? loadFromLayers(init.file, init.layers, options) : loadScenario(init.file, options);
    if (scenarioHash(scenario) !== init.hash) throw new SweepError(`${init.file} changed while the sweep was starting`);
    evaluator = rowEvaluator(scenario, init.plan, init.file);
    reply({ type: 'ready' });
  } catch (error) {
    reply(failure(error));
  }
}

function compute(task: ChunkTask): void {
  if (!init || !evaluator) return;
  let pos = task.from;
  try {
    out.clear();
    for (; pos < task.to; pos++) evaluator.rowInto(shardRow(init.plan.shard, pos), out);
    reply({ type: 'rows', id: task.id, bytes: out.view(), rows: task.to - task.from });
  } catch (error) {
    reply(failure(error, `row ${shardRow(init.plan.shard, pos)}: `));
  }
}

process.on('message', (message: WorkerStart | ChunkTask) => {
  if (message.type === 'init') start(message);
  else compute(message);
});
