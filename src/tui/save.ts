/**
 * Writing the what-if and the result: a new scenario file that `extends`
 * the loaded one with only the changed values and fixes, and the JSON of
 * the current result (the same as `signatory run --json --rounds`).
 * Never overwrites a file unless the caller says the user agreed.
 */
import { existsSync, realpathSync } from 'node:fs';
import { TargetExistsError, writeWhole } from '../app/write-file.js';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { runScenario } from '../analysis/run.js';
import { defaultHandoutStates, handoutOf } from '../report/handout-data.js';
import { handoutToHtml } from '../report/handout-html.js';
import { handoutToMarkdown } from '../report/handout-md.js';
import { runToJson } from '../report/run-json.js';
import { fixed } from '../report/format.js';
import { loadScenarioWithMeta } from '../scenario/load.js';
import { scenarioDiffToYaml } from '../scenario/serialize.js';
import { SLIDERS, sliderValue } from './parameters.js';
import { isDateMoved, type Session } from './session.js';

/** One line per change, e.g. `date 2026-02-05 → 2024-12-02`, `Verification 0.50 → 0.80`, `USA held at sign`. */
export function describeChanges(session: Session): string[] {
  const lines: string[] = [];
  if (isDateMoved(session)) lines.push(`date ${session.loaded.date ?? 'undated'} → ${session.base.date}`);
  for (const spec of SLIDERS) {
    if (!(spec.path in session.values)) continue;
    lines.push(`${spec.info.label} ${fixed(sliderValue(session.base, spec))} → ${fixed(session.values[spec.path])}`);
  }
  for (const [id, choice] of Object.entries(session.fixes))
    lines.push(choice === 'free' ? `${id} free` : `${id} held at ${choice}`);
  return lines;
}

/** The changes as one string: equal strings, the same what-if (to tell whether it was saved as it is). */
export function changesKey(session: Session): string {
  return JSON.stringify([session.base.file, session.base.date, session.values, session.fixes]);
}

/** The name a saved what-if gets unless the user types another. */
export function defaultWhatIfName(session: Session): string {
  return `${session.base.name} (what-if)`;
}

/** A file name that does not exist yet: `<dir>/<stem><suffix>.<ext>`, then `-2`, `-3` … */
export function freshPath(dir: string, stem: string, suffix: string, ext: string): string {
  for (let k = 1; ; k++) {
    const candidate = path.join(dir, `${stem}${suffix}${k === 1 ? '' : `-${k}`}.${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

function stemOf(session: Session): string {
  const file = session.base.file;
  return file ? path.basename(file).replace(/\.(ya?ml|json)$/i, '') : 'scenario';
}

/** Where a what-if goes by default: beside the loaded file, so `extends` is a plain file name. */
export function defaultWhatIfPath(session: Session, cwd: string): string {
  const dir = session.base.file ? path.dirname(session.base.file) : cwd;
  return freshPath(dir, stemOf(session), '-whatif', 'yaml');
}

/** Where an exported result goes by default: the working directory. */
export function defaultExportPath(session: Session, cwd: string): string {
  return freshPath(cwd, stemOf(session), '-result', 'json');
}

export interface SaveOutcome {
  /** Absolute path written. */
  file: string;
}

/** Thrown (never written) when the target exists and overwriting was not confirmed. */
export class FileExistsError extends Error {
  override name = 'FileExistsError';
  constructor(readonly file: string) {
    super(`${file} exists`);
  }
}

/**
 * The YAML of the what-if file at `target`, extending the loaded scenario by
 * a path relative to it, named `name` (by default "<scenario> (what-if)").
 */
export function whatIfYaml(session: Session, target: string, name = defaultWhatIfName(session)): string {
  const parent = session.base.file;
  if (!parent) throw new Error('the scenario was not loaded from a file, so a what-if cannot extend it');
  // Even with the user's yes: the file would extend itself, and the scenario it came from would be lost.
  refuseInputs(session, target, 'a what-if');
  const relative = path
    .relative(path.dirname(path.resolve(target)), parent)
    .split(path.sep)
    .join('/');
  const fixes = session.fixes;
  const changes = describeChanges(session);
  const description = changes.length
    ? `What-if on ${session.base.name}: ${changes.join('; ')}.`
    : `A copy of ${session.base.name}.`;
  const text = scenarioDiffToYaml(
    relative,
    name,
    description,
    { ...session.values },
    Object.keys(fixes).length ? fixes : undefined,
  );
  if (!isDateMoved(session)) return text;
  // The moved date goes right after `extends`: the file loads at that date, as the screen shows it.
  const { name: named, description: about, extends: extended, ...rest } = parse(text) as Record<string, unknown>;
  return stringify(
    { name: named, description: about, extends: extended, date: session.base.date, ...rest },
    { lineWidth: 0 },
  );
}

/**
 * The changed values a saved what-if cannot keep: a world value with a
 * dated change in force at the date is decided by that change when the
 * file loads (a file's `world:` holds the undated value).
 */
export function overriddenOnLoad(session: Session): string[] {
  const date = session.base.date;
  if (date === undefined) return [];
  const inForce = (session.loaded.timeline?.world ?? []).filter((c) => c.from <= date);
  const dated = new Set(inForce.flatMap((c) => Object.keys(c.set.numbers).map((k) => `world.${k}`)));
  return Object.keys(session.values).filter((p) => dated.has(p));
}

/** True when two paths name the same file: real paths (symlinks, linked folders resolved) when both exist. */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * The files the loaded scenario is built from: the file itself and its
 * extends and roster chain (read again, as they are on disk now).
 */
function inputFiles(session: Session): string[] {
  const file = session.base.file;
  if (!file) return [];
  try {
    return loadScenarioWithMeta(file).chain.map((f) => path.resolve(f));
  } catch {
    return [path.resolve(file)];
  }
}

/**
 * Refuses, whatever the user agreed to, a target that is the loaded
 * scenario or a file it is built from, by real path: a symlink to it, or
 * the file reached through a linked folder, is the same file.
 */
function refuseInputs(session: Session, target: string, what: 'a what-if' | 'an exported result'): void {
  const input = inputFiles(session).find((f) => sameFile(target, f));
  if (!input) return;
  const loaded = sameFile(input, session.base.file!);
  throw new Error(
    `${what} cannot replace ${loaded ? `the scenario it ${what === 'a what-if' ? 'extends' : 'comes from'}` : `${path.basename(input)}, a file the loaded scenario is built from`}; choose another name`,
  );
}

/** Writes `text` as a new file (or, after the user's yes, over the old one): `writeWhole`. */
function writeNew(target: string, text: string, overwrite: boolean): string {
  const file = path.resolve(target);
  if (!overwrite && existsSync(file)) throw new FileExistsError(file);
  try {
    writeWhole(file, text, overwrite, `${file}.${process.pid}.partial`);
  } catch (error) {
    if (error instanceof TargetExistsError) throw new FileExistsError(file);
    throw error;
  }
  return file;
}

/** Saves the what-if (named `name`); throws FileExistsError rather than overwrite without consent. */
export function saveWhatIf(session: Session, target: string, overwrite = false, name?: string): SaveOutcome {
  return { file: writeNew(target, whatIfYaml(session, target, name), overwrite) };
}

/**
 * Writes the current result as `signatory run --json --rounds` does; never
 * over the loaded scenario or a file it is built from; throws
 * FileExistsError rather than overwrite without consent.
 */
export function exportResult(session: Session, target: string, overwrite = false): SaveOutcome {
  refuseInputs(session, target, 'an exported result');
  const format = handoutFormat(target);
  if (format) return { file: writeNew(target, handoutText(session, format), overwrite) };
  const result = runToJson(session.run, { rounds: true });
  const json = JSON.stringify(result, null, 2) + '\n';
  return { file: writeNew(target, json, overwrite) };
}

/** A file name ending in .html/.htm or .md is a handout; anything else the JSON result. */
export function handoutFormat(target: string): 'html' | 'md' | undefined {
  const ext = path.extname(target).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.md' || ext === '.markdown' ? 'md' : undefined;
}

/**
 * The handout `signatory report` writes, for the result on screen: the
 * scenario as it stands; with a what-if, the loaded scenario (at the
 * current date) compared with it, as `report LOADED --compare WHATIF` does.
 */
export function handoutText(session: Session, format: 'html' | 'md'): string {
  const ids = defaultHandoutStates(session.scenario);
  const changes = describeChanges(session).filter((line) => !line.startsWith('date '));
  const handout = changes.length
    ? handoutOf(runScenario(session.base), ids, {
        ...session.run,
        scenario: { ...session.run.scenario, name: `${session.base.name} (what-if: ${changes.join('; ')})` },
      })
    : handoutOf(session.run, ids);
  return format === 'html' ? handoutToHtml(handout) : handoutToMarkdown(handout);
}
