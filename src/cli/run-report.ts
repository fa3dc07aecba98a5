/** What `signatory run` prints, shared with the commands that fall back to it (`tui` off a terminal). */
import { runScenario } from '../analysis/run.js';
import type { Scenario } from '../model/scenario.js';
import { runToJson } from '../report/run-json.js';
import { runToText } from '../report/run-text.js';
import { write, type CommandIo } from './command.js';

/** Solves the scenario and writes the plain report, or with `json` its JSON form. */
export function writeRunReport(
  io: CommandIo,
  scenario: Scenario,
  options: { json?: boolean; rounds?: boolean } = {},
): void {
  const run = runScenario(scenario);
  const rounds = Boolean(options.rounds);
  write(io, options.json ? JSON.stringify(runToJson(run, { rounds }), null, 2) : runToText(run, { rounds }));
}
