/**
 * Following `extends` and `roster` references from a scenario file to the
 * ordered list of layers to merge (base first), refusing cycles, missing
 * files and overlong chains.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describeValue } from './describe.js';
import { ScenarioError } from './errors.js';
import { ROSTER_KEYS, SCENARIO_KEYS, checkKeys } from './keys.js';
import { MAX_EXTENDS_CHAIN } from './limits.js';
import { child, errorAt, type Located } from './located.js';
import type { Layer } from './merge.js';
import { nfgToScenarioText, parseNfg } from './nfg.js';
import { parseDocumentCached } from './parse-cache.js';
import { readScenarioFile } from './read-text.js';

/** A file name as the user should see it: relative to cwd. */
export function shownName(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return rel === '' ? absolute : rel;
}

interface Visit {
  absolute: string;
  shown: string;
}

function referenced(from: Located, kind: 'extends' | 'roster', baseDir: string): Visit {
  if (typeof from.value !== 'string' || from.value.trim() === '') {
    throw errorAt(from, `expected a file path relative to this file, got ${describeValue(from.value)}`);
  }
  if (from.value.includes('\u0000')) throw errorAt(from, 'expected a file path, got a string with a NUL byte');
  // Only scenario files: a path to anything else (/etc/shadow, a key file) is refused before it is opened.
  if (!SCENARIO_FILE.test(from.value) && !(kind === 'extends' && GAME_FILE.test(from.value)))
    throw errorAt(
      from,
      `expected a ${kind === 'extends' ? 'scenario' : 'roster'} file ending in .yaml, .yml or .json${kind === 'extends' ? ' (or a .nfg game)' : ''}, got ${describeValue(from.value)}`,
    );
  const absolute = resolve(baseDir, from.value);
  if (!existsSync(absolute))
    throw errorAt(
      from,
      `expected an existing ${kind === 'extends' ? 'scenario' : 'roster'} file, ${JSON.stringify(shownName(absolute))} does not exist`,
    );
  return { absolute, shown: shownName(absolute) };
}

/** What `extends` and `roster` may name: YAML files (JSON is YAML), by extension. */
const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** A parent may also be a Gambit game (a what-if saved from one extends it). */
const GAME_FILE = /\.nfg$/i;

/**
 * Reads (or takes) one file's data and validates its top-level keys. A file
 * reached through `extends` or `roster` (`via`) with none of the keys of its
 * kind is not a scenario: it is refused at the reference, never echoing its
 * content (its keys could be a secret's first line).
 */
function readLayer(visit: Visit, kind: Layer['kind'], text: string | undefined, via?: Located): Layer {
  let data: Record<string, unknown>;
  try {
    const raw = text ?? readScenarioFile(visit.absolute, visit.shown);
    // A Gambit game becomes its scenario in the game form (the converter names no text of the file).
    const source =
      text === undefined && GAME_FILE.test(visit.absolute)
        ? nfgToScenarioText(parseNfg(raw, visit.shown), visit.shown)
        : raw;
    data = parseDocumentCached(source, visit.shown) as Record<string, unknown>;
  } catch (error) {
    // A referenced file that does not even parse may not be a scenario at all: its position is
    // named, but not the parser's reason, which can quote the file's text (a tag, an alias).
    if (via && error instanceof ScenarioError) {
      const syntax = /^expected valid (YAML|JSON)\b/.exec(error.expected);
      if (syntax)
        throw new ScenarioError(
          error.file,
          error.path,
          `expected valid ${syntax[1]} (a ${kind} file named at ${via.file}: ${via.path}; run it directly for the parser's reason)`,
        );
    }
    throw error;
  }
  const root: Located = { value: data, file: visit.shown, path: '' };
  const allowed: readonly string[] = kind === 'roster' ? ROSTER_KEYS : SCENARIO_KEYS;
  if (via && !Object.keys(data).some((key) => allowed.includes(key)))
    throw errorAt(
      via,
      `expected a ${kind} file, but ${JSON.stringify(visit.shown)} is not one (none of its top-level keys is a ${kind} key)`,
    );
  checkKeys(root, data, allowed, kind === 'roster' ? 'a roster file' : 'a scenario file');
  return { file: visit.shown, data, kind };
}

/**
 * The layers of a scenario, base first: for each file its parent's layers,
 * then its roster, then the file itself. `text` is the top file's content
 * when it did not come from disk.
 */
export function collectLayers(top: Visit, text: string | undefined): Layer[] {
  const layers: Layer[] = [];
  const stack: Visit[] = [];
  const visit = (current: Visit, currentText: string | undefined, via: Located | undefined): void => {
    const cycleStart = stack.findIndex((v) => v.absolute === current.absolute);
    if (cycleStart >= 0 && via) {
      const cycle = [...stack.slice(cycleStart), current].map((v) => v.shown).join(' → ');
      throw errorAt(via, `expected an extends chain without cycles, found ${cycle}`);
    }
    if (stack.length >= MAX_EXTENDS_CHAIN && via)
      throw errorAt(via, `expected an extends chain of at most ${MAX_EXTENDS_CHAIN} files`);
    const layer = readLayer(current, 'scenario', currentText, via);
    stack.push(current);
    const root: Located = { value: layer.data, file: layer.file, path: '' };
    const baseDir = dirname(current.absolute);
    if (Object.hasOwn(layer.data, 'extends')) {
      const from = child(root, 'extends', layer.data.extends);
      visit(referenced(from, 'extends', baseDir), undefined, from);
    }
    if (Object.hasOwn(layer.data, 'roster')) {
      const from = child(root, 'roster', layer.data.roster);
      const target = referenced(from, 'roster', baseDir);
      if (target.absolute === current.absolute) throw errorAt(from, 'expected a roster file other than this scenario');
      layers.push(readLayer(target, 'roster', undefined, from));
    }
    layers.push(layer);
    stack.pop();
  };
  visit(top, text, undefined);
  return layers;
}
