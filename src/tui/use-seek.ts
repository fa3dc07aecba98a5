import { Worker } from 'node:worker_threads';
import { useEffect, useRef, useState } from 'react';
import type { RunResult } from '../analysis/run.js';
import type { Scenario } from '../model/scenario.js';
import { toPlainScenario } from '../scenario/plain-scenario.js';
import type { SeekAnswer, SeekReply, SeekRequest } from './seek-protocol.js';

/** The decision a seek looks for: the opposite of the state's. */
export type SeekGoal = 'sign' | 'abstain';

/** The Why pane's seek: nothing asked, a search running (for how long), its answer, or why it failed. */
export type SeekView =
  | { state: 'idle' }
  | { state: 'searching'; id: string; goal: SeekGoal; seconds: number }
  | { state: 'done'; id: string; goal: SeekGoal; answer: SeekAnswer }
  | { state: 'failed'; id: string; goal: SeekGoal; message: string };

export interface SeekControl {
  view: SeekView;
  /** Starts the search for "state `id` signs" (or abstains) on `scenario`, whose run is `run` (a running search is cancelled first). */
  start(id: string, goal: SeekGoal, scenario: Scenario, run: RunResult): void;
  /** True while a search runs (read at the time of the key, not of the last render). */
  running(): boolean;
  /** Stops a running search, or forgets an answer; false when there was nothing to cancel. */
  cancel(): boolean;
}

/** The worker script (dist/tui/seek-worker.js beside this module once built). */
export const SEEK_WORKER = new URL('./seek-worker.js', import.meta.url);

/**
 * `signatory seek` for the selected state (toward the opposite decision), run in a worker thread so the UI
 * keeps answering keys: the search itself (src/analysis/seek.ts) runs
 * unchanged on the scenario as the UI has it, sent as plain data. Another
 * run (any change) or another state selected cancels the search and
 * forgets its answer.
 */
export function useSeek(run: RunResult, stateId: string | undefined, workerUrl: URL = SEEK_WORKER): SeekControl {
  const [view, setViewState] = useState<SeekView>({ state: 'idle' });
  // Keys can arrive before the next render (k then Esc at once): the view as last set.
  const viewRef = useRef(view);
  const setView = (next: SeekView | ((v: SeekView) => SeekView)): void => {
    viewRef.current = typeof next === 'function' ? next(viewRef.current) : next;
    setViewState(viewRef.current);
  };
  const worker = useRef<Worker | undefined>(undefined);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  /** The run and state the search or answer is for. */
  const forKey = useRef<{ run: RunResult; id: string } | undefined>(undefined);

  const stop = (): void => {
    if (timer.current) clearInterval(timer.current);
    timer.current = undefined;
    const w = worker.current;
    worker.current = undefined;
    if (w) {
      w.removeAllListeners();
      w.on('error', () => undefined);
      // Terminating is how a search is cancelled: seek is one synchronous call.
      void w.terminate();
    }
  };

  // Another run (a change, a date) or another state: whatever was found no longer applies.
  useEffect(() => {
    const key = forKey.current;
    if (key && (key.run !== run || key.id !== stateId)) {
      stop();
      forKey.current = undefined;
      setView({ state: 'idle' });
    }
  }, [run, stateId]);
  useEffect(() => stop, []);

  const start = (id: string, goal: SeekGoal, scenario: Scenario, forRun: RunResult): void => {
    stop();
    forKey.current = { run: forRun, id };
    const request: SeekRequest = {
      scenario: toPlainScenario(scenario),
      target: goal === 'sign' ? { mustSign: [id] } : { mustSign: [], mustAbstain: [id] },
    };
    const began = performance.now();
    const w = new Worker(workerUrl, { workerData: request });
    worker.current = w;
    const settle = (next: SeekView): void => {
      if (worker.current !== w) return;
      stop();
      setView(next);
    };
    w.on('message', (reply: SeekReply) =>
      settle(
        reply.type === 'done'
          ? { state: 'done', id, goal, answer: reply.answer }
          : { state: 'failed', id, goal, message: reply.message },
      ),
    );
    w.on('error', (error: Error) => settle({ state: 'failed', id, goal, message: error.message }));
    w.on('exit', (code) => settle({ state: 'failed', id, goal, message: `the search stopped (exit code ${code})` }));
    timer.current = setInterval(
      () => setView((v) => (v.state === 'searching' ? { ...v, seconds: (performance.now() - began) / 1000 } : v)),
      250,
    );
    setView({ state: 'searching', id, goal, seconds: 0 });
  };

  const cancel = (): boolean => {
    if (viewRef.current.state === 'idle') return false;
    stop();
    forKey.current = undefined;
    setView({ state: 'idle' });
    return true;
  };

  return { view, start, cancel, running: () => viewRef.current.state === 'searching' };
}
