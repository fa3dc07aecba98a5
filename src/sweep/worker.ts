/**
 * Entry point of a sweep worker thread: reloads the scenario, builds a row
 * evaluator once and answers chunk tasks with formatted rows. Formatting
 * here rather than in the main thread keeps the main thread a writer only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario } from '../scenario/load.js';
import { rowEvaluator } from './rows.js';
import { scenarioHash } from './scenario-hash.js';
import { shardRow } from './shard.js';
import type { ChunkTask, WorkerInit, WorkerReply } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort!;
const reply = (message: WorkerReply): void => port.postMessage(message, message.type === 'rows' ? [message.bytes.buffer as ArrayBuffer] : []);
const encoder = new TextEncoder();

try {
  const scenario = loadScenario(init.file, { overrides: init.overrides, fix: init.fix });
  if (scenarioHash(scenario) !== init.hash) throw new Error(`${init.file} changed while the sweep was starting`);
  const evaluator = rowEvaluator(scenario, init.plan, init.file);
  port.on('message', (task: ChunkTask) => {
    try {
      let text = '';
      for (let pos = task.from; pos < task.to; pos++) text += evaluator.row(shardRow(init.plan.shard, pos));
      // Encoded here and transferred, not copied: the main thread only hands the bytes to write().
      reply({ type: 'rows', id: task.id, bytes: encoder.encode(text), rows: task.to - task.from });
    } catch (error) {
      reply({ type: 'error', message: (error as Error).message });
    }
  });
} catch (error) {
  reply({ type: 'error', message: (error as Error).message });
}
