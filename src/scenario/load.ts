/**
 * The scenario loader: file (or text) → layers (`extends`, `roster`) →
 * merged document → validated Scenario → `--set` / `--fix` overrides →
 * custom-term check. Synchronous, never writes, and every bad input becomes
 * one ScenarioError.
 */
import { resolve } from 'node:path';
import type { Scenario } from '../model/scenario.js';
import { buildScenario } from './build-scenario.js';
import { registerCustomAttributes } from './custom-attributes.js';
import { collectLayers } from './layers.js';
import { checkCustomTerms } from './linearity-check.js';
import { emptyDocument, mergeLayer, mergedToPlain, type Layer } from './merge.js';
import { ScenarioError } from './errors.js';
import { applyFixes, applySets } from './overrides.js';
import { nfgToScenarioText, parseNfg } from './nfg.js';
import { readScenarioFile } from './read-text.js';

/** Command-line adjustments applied after merging. */
export interface LoadOptions {
  /**
   * `--set PATH=VALUE` overrides, validated against the path's bounds;
   * `date=YYYY-MM-DD` evaluates the scenario at another date (applied first).
   * @example ['declaration.verification=0.8', 'states.CHN.bias=0.5', 'date=2024-12-02']
   */
  overrides?: string[];
  /**
   * `--fix ID=sign|abstain|free`: hold a state to an action, or release it.
   * @example ['USA=sign']
   */
  fix?: string[];
}

/** A scenario with what the model does not need but docs and tests do. */
export interface ScenarioWithMeta {
  scenario: Scenario;
  /** Per state and attribute: the source or reason given in the file. */
  provenance: Record<string, Record<string, string>>;
  /** Files read, in merge order (base first; a roster comes before the file naming it). */
  chain: string[];
  /** The merged document, before validation turned it into a Scenario. */
  raw: unknown;
  /** The files' parsed contents, base first: plain data a sweep worker rebuilds the scenario from without reading or parsing again. */
  layers: Layer[];
}

function load(file: string, given: string | undefined, options: LoadOptions): ScenarioWithMeta {
  const absolute = resolve(file);
  // A Gambit strategic-form file becomes a scenario in the game form.
  const text = /\.nfg$/i.test(file)
    ? nfgToScenarioText(parseNfg(given ?? readScenarioFile(absolute, file), file), file)
    : given;
  const layers = collectLayers({ absolute, shown: file }, text);
  return build(file, layers, text === undefined || given === undefined ? absolute : undefined, options);
}

function build(file: string, layers: Layer[], absolute: string | undefined, options: LoadOptions): ScenarioWithMeta {
  const doc = emptyDocument();
  for (const layer of layers) mergeLayer(doc, layer);
  const built = buildScenario(doc, file, absolute);
  registerCustomAttributes(built.scenario, built.attributeBounds);
  const scenario = applySets(built.scenario, options.overrides ?? []);
  if (built.dated && scenario.date === undefined) {
    throw new ScenarioError(
      file,
      'date',
      'expected a `date:` (YYYY-MM-DD), the day the scenario is evaluated at, because it has dated values (a history or timeline.world); or give --set date=YYYY-MM-DD',
    );
  }
  applyFixes(scenario, options.fix ?? []);
  checkCustomTerms(scenario, built.customTerms);
  return {
    scenario,
    provenance: built.provenance,
    chain: layers.map((l) => l.file),
    raw: mergedToPlain(doc),
    layers,
  };
}

/**
 * The same scenario from layers already read and parsed (`ScenarioWithMeta.layers`,
 * passed to a sweep worker by structured clone): every check after parsing runs again.
 */
export function loadFromLayers(file: string, layers: Layer[], options: LoadOptions = {}): Scenario {
  return build(file, layers, resolve(file), options).scenario;
}

/** Loads a scenario file with its provenance, file chain and merged document. */
export function loadScenarioWithMeta(file: string, options: LoadOptions = {}): ScenarioWithMeta {
  return load(file, undefined, options);
}

/** Loads and validates a scenario file (YAML or JSON); throws ScenarioError on any bad input. */
export function loadScenario(file: string, options: LoadOptions = {}): Scenario {
  return load(file, undefined, options).scenario;
}

/** Like loadScenario, from text; relative `extends` and `roster` resolve against dirname(file). */
export function parseScenarioText(text: string, file: string, options: LoadOptions = {}): Scenario {
  return load(file, text, options).scenario;
}
