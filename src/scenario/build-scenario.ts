/**
 * From a merged document to a validated Scenario: sections, states, custom
 * terms and weights, in an order where each step can name what it needs
 * (custom attributes before states, states before rivals and fixes).
 */
import type { DatedChange, Scenario, UncertainInput } from '../model/scenario.js';
import { BUILTIN_TERMS, type Term } from '../model/terms.js';
import { makeTimeline, readEvaluationDate, readHistory, readParticipants, readTimeline } from './build-dated.js';
import { readAttributes, readDeclaration, readEvent, readFix, readObserved, readWorld } from './build-sections.js';
import { readStates } from './build-states.js';
import { readCustomTerms, readWeights, type LocatedTerm } from './build-terms.js';
import { errorAt } from './located.js';
import type { MergedDocument } from './merge.js';
import { resolveInPlace } from './timeline.js';
import { readString } from './values.js';

export interface BuiltScenario {
  scenario: Scenario;
  provenance: Record<string, Record<string, string>>;
  customTerms: LocatedTerm[];
  /** Bounds of the declared custom attributes, by name. */
  attributeBounds: Map<string, { min: number; max: number }>;
  /** Whether the merged document has any dated change (a history or timeline.world entry): then a date is required. */
  dated: boolean;
}

export function buildScenario(doc: MergedDocument, leaf: string, absoluteFile: string | undefined): BuiltScenario {
  const uncertainty: UncertainInput[] = [];
  const nameLoc = doc.top.get('name');
  if (!nameLoc)
    throw errorAt({ file: leaf, path: 'name' }, 'expected a scenario name (a non-empty string), but it is missing');
  const name = readString(nameLoc, true, true);
  const descriptionLoc = doc.top.get('description');
  const description = descriptionLoc ? readString(descriptionLoc) : '';
  const attributes = readAttributes(doc.sections.attributes);
  const declaration = readDeclaration(doc.sections.declaration, leaf, uncertainty);
  const world = readWorld(doc.sections.world, leaf, uncertainty);
  const all = readStates(doc.states, attributes, leaf, uncertainty);
  const allIds = new Set(all.states.map((s) => s.id));
  const histories = new Map<string, DatedChange[]>();
  for (const entity of doc.states.values()) {
    const history = readHistory(entity, attributes, allIds);
    if (history) histories.set(entity.id, history);
  }
  const timelineSection = readTimeline(doc.sections.timeline);
  const date = readEvaluationDate(doc.top.get('date'), timelineSection);
  const dated = timelineSection.world.length > 0 || [...histories.values()].some((h) => h.length > 0);

  // Participants: the others are left out, with every link to them and their uncertain values.
  const participants = readParticipants(doc.top.get('participants'), allIds);
  const absent = new Set(participants ? [...allIds].filter((id) => !participants.has(id)) : []);
  const states = participants ? all.states.filter((s) => participants.has(s.id)) : all.states;
  const provenance = participants
    ? Object.fromEntries(Object.entries(all.provenance).filter(([id]) => participants.has(id)))
    : all.provenance;
  const ids = new Set(states.map((s) => s.id));
  let kept = uncertainty;
  if (absent.size > 0) {
    const dropped = new Set<string>();
    for (const state of states) {
      for (const rival of Object.keys(state.rivals)) if (absent.has(rival)) delete state.rivals[rival];
      if (state.patron && absent.has(state.patron.id)) {
        delete state.patron;
        dropped.add(`states.${state.id}.patron.deference`);
      }
    }
    kept = uncertainty.filter(
      (u) => !dropped.has(u.path) && !(u.path.startsWith('states.') && absent.has(u.path.split('.')[1])),
    );
  }

  const customTerms = readCustomTerms(doc.terms, new Set(attributes.map((a) => a.name)));
  const terms: Term[] = [...BUILTIN_TERMS, ...customTerms.map((c) => c.term)];
  const weights = readWeights(doc.sections.weights, terms, customTerms, leaf);
  const fixed = readFix(doc.sections.fix, ids, absent);
  const observed = readObserved(doc.top.get('observed'), ids, absent);
  const event = readEvent(doc.top.get('event'));
  const timeline =
    dated || doc.sections.timeline
      ? makeTimeline(timelineSection, histories, states, world as unknown as Record<string, number>, kept)
      : undefined;
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
    uncertainty: kept,
    ...(observed ? { observed } : {}),
    ...(event ? { event } : {}),
    ...(timeline ? { timeline } : {}),
  };
  if (date !== undefined) resolveInPlace(scenario, date);
  return {
    scenario,
    provenance,
    customTerms,
    attributeBounds: new Map(attributes.map((a) => [a.name, { min: a.min, max: a.max }])),
    dated,
  };
}
