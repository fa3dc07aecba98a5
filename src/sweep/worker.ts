/**
 * Entry point of a sweep worker thread: rebuilds the scenario from the
 * layers the main thread parsed (or reloads it), builds a row
 * evaluator once and answers chunk tasks with formatted rows. Formatting
 * here rather than in the main thread keeps the main thread a writer only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors/input-error.js';
import { loadFromLayers, loadScenario } from '../scenario/load.js';
import { RowBuffer } from './row-bytes.js';
import { rowEvaluator } from './rows.js';
import { scenarioHash } from './scenario-hash.js';
import { shardRow } from './shard.js';
import { SweepError } from './sweep-error.js';
import type { ChunkTask, RecycledBuffer, WorkerInit, WorkerReply } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (message: WorkerReply): void =>
  port.postMessage(message, message.type === 'rows' ? [message.bytes.buffer as ArrayBuffer] : []);
/** The error as a reply: InputErrors (a bad scenario value, a sweep problem) are the user's to fix, anything else is internal. */
const failure = (error: unknown, where = ''): WorkerReply => ({
  type: 'error',
  message: where + (error as Error).message,
  user: error instanceof InputError,
});

try {
  const options = { overrides: init.overrides, fix: init.fix };
  const scenario = init.layers ? loadFromLayers(init.file, init.layers, options) : loadScenario(init.file, options);
  if (scenarioHash(scenario) !== init.hash) throw new SweepError(`${init.file} changed while the sweep was starting`);
  const evaluator = rowEvaluator(scenario, init.plan, init.file);
  const spare: ArrayBuffer[] = [];
  reply({ type: 'ready' });
  port.on('message', (message: ChunkTask | RecycledBuffer) => {
    if (message.type === 'recycle') {
      spare.push(message.buffer);
      return;
    }
    let pos = message.from;
    try {
      // Rows are written straight into a buffer the main thread handed back (none allocated in steady state).
      const out = new RowBuffer(spare.pop() ?? 64 * 1024);
      for (; pos < message.to; pos++) evaluator.rowInto(shardRow(init.plan.shard, pos), out);
      // Transferred, not copied; the main thread sends the buffer back once written.
      reply({
        type: 'rows',
        id: message.id,
        bytes: new Uint8Array(out.bytes.buffer, 0, out.length),
        rows: message.to - message.from,
      });
    } catch (error) {
      reply(failure(error, `row ${shardRow(init.plan.shard, pos)}: `));
    }
  });
} catch (error) {
  reply(failure(error));
}
