/** What the TUI's seek worker (seek-worker.ts) is given and answers. */
import type { Target } from '../analysis/seek.js';
import type { seekToJson } from '../report/seek-text.js';
import type { PlainScenario } from '../scenario/plain-scenario.js';

/** The search's answer as `signatory seek --json` prints it. */
export type SeekAnswer = ReturnType<typeof seekToJson>;

export interface SeekRequest {
  /** The scenario as the UI has it now (its changes and fixes applied), as plain data. */
  scenario: PlainScenario;
  target: Target;
}

export type SeekReply = { type: 'done'; answer: SeekAnswer } | { type: 'error'; message: string };
