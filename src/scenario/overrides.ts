/**
 * Command-line overrides applied after merging: `--set PATH=VALUE` and
 * `--fix ID=sign|abstain|free`.
 */
import type { FixedAction } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { quote } from './describe.js';
import { ScenarioError } from './errors.js';
import { withValues } from './paths.js';
import { findState, unknownStateMessage } from './find-state.js';
import { didYouMean } from './suggest.js';

/** Plain decimal numbers only: no hex, no Infinity, no empty string (which Number() would accept). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function split(arg: string, file: string, form: string): [string, string] {
  const eq = arg.indexOf('=');
  if (eq <= 0) throw new ScenarioError(file, '', `expected ${form}, got ${quote(arg)}`);
  return [arg.slice(0, eq).trim(), arg.slice(eq + 1).trim()];
}

/**
 * Applies `--set` overrides (validated against each path's bounds); returns
 * a new scenario. `date=YYYY-MM-DD` applies first, whatever its position,
 * and re-resolves the scenario's dated values.
 */
export function applySets(scenario: Scenario, overrides: readonly string[]): Scenario {
  if (overrides.length === 0) return scenario;
  // No prototype: `--set __proto__=1` must reach the path check, not set a prototype and vanish.
  const values: Record<string, number | string> = Object.create(null) as Record<string, number | string>;
  for (const arg of overrides) {
    const [path, text] = split(arg, '--set', 'PATH=VALUE (e.g. declaration.verification=0.8)');
    if (path === 'date') {
      values.date = text;
      continue;
    }
    if (!DECIMAL.test(text)) throw new ScenarioError('--set', path, `expected a number, got ${quote(text)}`);
    values[path] = Number(text);
  }
  return withValues(scenario, values, '--set');
}

/** Applies `--fix` arguments in place on a scenario the loader owns. */
export function applyFixes(scenario: Scenario, fixes: readonly string[]): void {
  for (const arg of fixes) {
    const [given, action] = split(arg, '--fix', 'ID=sign|abstain|free (e.g. USA=sign)');
    // The state's id in any case, or its English name (`--fix usa=sign`, `--fix "United States=sign"`).
    const i = findState(scenario.states, given);
    if (i < 0) {
      const known = scenario.states.flatMap((s) => [s.id, s.name]);
      throw new ScenarioError(
        '--fix',
        given,
        `expected a state id or English name of this scenario, got unknown state ${quote(given)}${didYouMean(given, known)}`,
        { key: 'cli.optionPrefix', params: { option: '--fix' }, inner: unknownStateMessage(scenario.states, given) },
      );
    }
    const id = scenario.states[i].id;
    if (action !== 'sign' && action !== 'abstain' && action !== 'free')
      throw new ScenarioError('--fix', id, `expected sign, abstain or free, got ${quote(action)}`);
    if (action === 'free') delete scenario.fixed[id];
    else
      Object.defineProperty(scenario.fixed, id, {
        value: action satisfies FixedAction,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
}
