/** Options every scenario-reading command shares: the file, --set and --fix. */
import path from 'node:path';
import { loadScenarioWithMeta } from '../scenario/load.js';
import type { Layer } from '../scenario/merge.js';
import type { Scenario } from '../model/scenario.js';
import { many } from './command.js';
import { UsageError } from './usage-error.js';

export const SCENARIO_OPTIONS = {
  set: { type: 'string', multiple: true },
  fix: { type: 'string', multiple: true },
} as const;

export const SCENARIO_HELP = `  --set PATH=VALUE     override a value, e.g. declaration.verification=0.8 (repeatable)
  --fix ID=ACTION      hold a state at sign, abstain or free, e.g. USA=sign (repeatable;
                       ID in any case, or the state's English name)`;

export function requireFile(command: string, positionals: string[], index = 0, what = 'a scenario FILE'): string {
  const file = positionals[index];
  if (file === undefined)
    throw new UsageError(`missing ${what}`, command, { key: 'cli.missingFile', params: { what } });
  return file;
}

/** Refuses arguments beyond the `count` a command takes, rather than silently ignoring them. */
export function noExtraArguments(command: string, positionals: string[], count: number): void {
  if (positionals.length > count)
    throw new UsageError(`unexpected argument '${positionals[count]}'`, command, {
      key: 'cli.unexpectedArgument',
      params: { word: positionals[count] },
    });
}

export function loadFromArgs(file: string, values: { set?: unknown; fix?: unknown }, cwd: string): Scenario {
  return loadWithChain(file, values, cwd).scenario;
}

/** The scenario and every file it was built from (its `extends` and `roster` chain), as absolute paths. */
export function loadWithChain(
  file: string,
  values: { set?: unknown; fix?: unknown },
  cwd: string,
): { scenario: Scenario; chain: string[]; layers: Layer[] } {
  // Relative paths are the user's own words: errors then name the file as typed.
  const resolved =
    path.isAbsolute(file) || path.resolve(file) === path.resolve(cwd, file) ? file : path.resolve(cwd, file);
  const { scenario, chain, layers } = loadScenarioWithMeta(resolved, {
    overrides: many(values.set as string[] | undefined),
    fix: many(values.fix as string[] | undefined),
  });
  // The loader names files relative to the process's working directory (shownName), not `cwd`.
  return { scenario, chain: chain.map((f) => path.resolve(f)), layers };
}
