/**
 * From a merged document to a validated Scenario: sections, states, custom
 * terms and weights, in an order where each step can name what it needs
 * (custom attributes before states, states before rivals and fixes).
 */
import type { Scenario, UncertainInput } from '../model/scenario.js';
import { BUILTIN_TERMS, type Term } from '../model/terms.js';
import { readAttributes, readDeclaration, readFix, readObserved, readWorld } from './build-sections.js';
import { readStates } from './build-states.js';
import { readCustomTerms, readWeights, type LocatedTerm } from './build-terms.js';
import { errorAt } from './located.js';
import type { MergedDocument } from './merge.js';
import { readString } from './values.js';

export interface BuiltScenario {
  scenario: Scenario;
  provenance: Record<string, Record<string, string>>;
  customTerms: LocatedTerm[];
  /** Bounds of the declared custom attributes, by name. */
  attributeBounds: Map<string, { min: number; max: number }>;
}

export function buildScenario(doc: MergedDocument, leaf: string, absoluteFile: string | undefined): BuiltScenario {
  const uncertainty: UncertainInput[] = [];
  const nameLoc = doc.top.get('name');
  if (!nameLoc) throw errorAt({ file: leaf, path: 'name' }, 'expected a scenario name (a non-empty string), but it is missing');
  const name = readString(nameLoc, true);
  const descriptionLoc = doc.top.get('description');
  const description = descriptionLoc ? readString(descriptionLoc) : '';
  const attributes = readAttributes(doc.sections.attributes);
  const declaration = readDeclaration(doc.sections.declaration, leaf, uncertainty);
  const world = readWorld(doc.sections.world, leaf, uncertainty);
  const { states, provenance } = readStates(doc.states, attributes, leaf, uncertainty);
  const ids = new Set(states.map((s) => s.id));
  const customTerms = readCustomTerms(doc.terms, new Set(attributes.map((a) => a.name)));
  const terms: Term[] = [...BUILTIN_TERMS, ...customTerms.map((c) => c.term)];
  const weights = readWeights(doc.sections.weights, terms, customTerms, leaf);
  const fixed = readFix(doc.sections.fix, ids);
  const observed = readObserved(doc.top.get('observed'), ids);
  const scenario: Scenario = {
    name,
    description,
    ...(absoluteFile === undefined ? {} : { file: absoluteFile }),
    declaration,
    world,
    weights,
    states,
    terms,
    fixed,
    uncertainty,
    ...(observed ? { observed } : {}),
  };
  return { scenario, provenance, customTerms, attributeBounds: new Map(attributes.map((a) => [a.name, { min: a.min, max: a.max }])) };
}
