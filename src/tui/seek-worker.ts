/**
 * Entry point of the thread the Why pane's seek (`k`) runs in: rebuilds the
 * scenario from plain data, runs the same search as `signatory seek` and
 * answers with its JSON form, so the UI keeps answering keys meanwhile. The
 * UI cancels a search by terminating the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { seek } from '../analysis/seek.js';
import { seekToJson } from '../report/seek-text.js';
import { fromPlainScenario } from '../scenario/plain-scenario.js';
import type { SeekReply, SeekRequest } from './seek-protocol.js';

const request = workerData as SeekRequest;
let reply: SeekReply;
try {
  reply = { type: 'done', answer: seekToJson(seek(fromPlainScenario(request.scenario), request.target)) };
} catch (error) {
  reply = { type: 'error', message: (error as Error).message };
}
parentPort!.postMessage(reply);
