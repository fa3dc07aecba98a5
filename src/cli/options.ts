/** Option checks shared by the commands that take numbers, output files, factors and state ids. */
import { existsSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stateIndex } from '../analysis/explain.js';
import { InputError } from '../errors/input-error.js';
import type { Scenario } from '../model/scenario.js';
import { atDate, dateOfDay } from '../scenario/dated.js';
import { resolvePath } from '../scenario/paths.js';
import type { Factor } from '../sweep/vary-spec.js';
import { UsageError } from './usage-error.js';

/** A whole-number option (`fallback` when absent), refused below `min` or beyond exact integers. */
export function wholeNumber(
  command: string,
  name: string,
  text: string | undefined,
  fallback: number,
  min = 1,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min}, got '${text}'`, command);
  return n;
}

/**
 * Checks every factor's path and range against the scenario (a bad path
 * names itself); `source` is where the factors came from, as messages name it.
 */
export function checkFactors(command: string, scenario: Scenario, factors: Factor[], source = '--vary'): void {
  const seen = new Set<string>();
  for (const f of factors) {
    if (seen.has(f.path)) throw new UsageError(`${source} ${f.path} is given twice`, command);
    seen.add(f.path);
    if (f.path === 'date') {
      // Both ends must lie in the scenario's timeline; the loader's check says why not.
      for (const day of [f.lo, f.hi]) atDate(scenario, dateOfDay(day), source);
      continue;
    }
    const accessor = resolvePath(scenario, f.path, source);
    if (f.lo < accessor.min || f.hi > accessor.max) {
      throw new UsageError(
        `${source} ${f.path}=${f.lo}:${f.hi}: the range leaves [${accessor.min}, ${accessor.max}], the bounds of ${f.path}`,
        command,
      );
    }
  }
}

/**
 * The ids of the states a user named (an id in any case, or an English
 * name); refuses one the scenario does not have, naming the option it came from.
 */
export function checkStateIds(command: string, option: string, scenario: Scenario, ids: readonly string[]): string[] {
  return ids.map((id) => {
    try {
      return scenario.states[stateIndex(scenario, id)].id;
    } catch (error) {
      if (error instanceof InputError)
        throw new UsageError(
          `${option}: ${error.message}`,
          command,
          error.localized && { key: 'cli.optionPrefix', params: { option }, inner: error.localized },
        );
      throw error;
    }
  });
}

/** Refuses an output file (`given` as typed, `file` resolved) whose folder does not exist. */
export function checkFolder(command: string, option: string, given: string, file: string): void {
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new UsageError(`${option} ${given}: folder ${dir} does not exist`, command);
}

/** True when two paths name the same file (real paths when both exist). */
export function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * A sweep's output: never a file the scenario is built from (its extends and
 * roster chain), and an existing output, partial file or receipt only with
 * --force (replace) or --resume (continue).
 */
export function checkSweepTarget(
  out: string,
  given: string,
  chain: readonly string[],
  resume: boolean,
  force: boolean,
): void {
  const files = [out, `${out}.partial`, `${out}.meta.json`];
  const folder = files.find((f) => existsSync(f) && statSync(f).isDirectory());
  // Before any row is computed: the rename at the end would fail.
  if (folder)
    throw new UsageError(`--out ${given}: ${path.basename(folder)} is a directory; give a file name`, 'sweep');
  const input = chain.find((f) => files.some((o) => samePath(o, f)));
  if (input)
    throw new UsageError(
      `--out ${given} would write over ${path.basename(input)}, a file the scenario is built from`,
      'sweep',
    );
  if (resume || force) return;
  const existing = files.find((f) => existsSync(f));
  if (existing)
    throw new UsageError(
      `--out ${given}: ${path.basename(existing)} exists; pass --force to replace it, or --resume to continue an interrupted run`,
      'sweep',
    );
}

/**
 * Writes a chart or other output file: beside the target as `FILE.partial`
 * opened 'wx' (a file of this run, never one already there or a symlink
 * left at the name), then renamed into place, so no half-written file is
 * ever at `target`. The checks of what `target` may be come first, by the
 * command.
 */
export function writeThroughPartial(
  command: string,
  option: string,
  given: string,
  target: string,
  text: string,
): void {
  try {
    writeFileSync(`${target}.partial`, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(
        `${option} ${given}: ${given}.partial exists (an interrupted write?): delete it and run again`,
        command,
      );
    throw error;
  }
  renameSync(`${target}.partial`, target);
}
