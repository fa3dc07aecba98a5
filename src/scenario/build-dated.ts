/**
 * Validating the dated parts of a merged scenario: `date`, `timeline`
 * (coverage and dated world values), each state's `history`, and
 * `participants`. Every value a dated change sets is checked exactly like
 * the undated value it replaces, and errors name the file and path where
 * it was written (`states[3].history[1].set.normSensitivity`).
 */
import { STATE_ATTRIBUTES, WORLD_PARAMETERS, type Patron, type StateInput } from '../model/inputs.js';
import type { DatedChange, DatedValues, Timeline, UncertainInput } from '../model/scenario.js';
import type { AttributeDeclaration } from './build-sections.js';
import { checkMergedKeys, checkStateId } from './build-sections.js';
import { describeValue, isMapping } from './describe.js';
import { DATED_ENTRY_KEYS, PATRON_KEYS, TIMELINE_KEYS, checkKeys } from './keys.js';
import { child, errorAt, joinPath, type Located } from './located.js';
import type { MergedEntity, MergedMap } from './merge.js';
import { DATE_FORM, dateProblem, isIsoDate } from './timeline.js';
import { REAL, UNIT, readNumber, readString, readStringList, readUncertain, type Bounds } from './values.js';

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A `YYYY-MM-DD` date (quoted or not: YAML 1.2 reads both as a string). */
export function readDate(loc: Located): string {
  if (!isIsoDate(loc.value)) throw errorAt(loc, `expected ${DATE_FORM}, got ${describeValue(loc.value)}`);
  return loc.value;
}

/** What one kind of dated change may set: numbers with their bounds, and (for states) links and blocs. */
interface ChangeKind {
  what: string;
  numbers: ReadonlyMap<string, Bounds>;
  /** Scenario path of a number, for its uncertainty record. */
  path(key: string): string;
  /** For states: the state's id and every state id of the merged scenario. */
  state?: { id: string; ids: ReadonlySet<string> };
}

function readPatron(loc: Located, kind: ChangeKind, uncertain: Record<string, UncertainInput>): Patron | null {
  const { id, ids } = kind.state!;
  if (loc.value === null) return null;
  if (!isMapping(loc.value))
    throw errorAt(loc, `expected a patron {id, deference} or null (no patron), got ${describeValue(loc.value)}`);
  const value = loc.value;
  checkKeys(loc, value, PATRON_KEYS, 'a patron');
  if (!Object.hasOwn(value, 'id'))
    throw errorAt(child(loc, 'id', undefined), "expected the patron's state id, but it is missing");
  const idLoc = child(loc, 'id', value.id);
  const patronId = checkStateId(idLoc, value.id, ids, 'a patron state id');
  if (patronId === id) throw errorAt(idLoc, `expected another state as patron, but "${id}" is its own patron`);
  if (!Object.hasOwn(value, 'deference'))
    throw errorAt(child(loc, 'deference', undefined), 'expected a number in [0, 1], but it is missing');
  const found: UncertainInput[] = [];
  const deference = readUncertain(child(loc, 'deference', value.deference), UNIT, kind.path('patron.deference'), found);
  if (found[0]) setOwn(uncertain, 'patron.deference', found[0]);
  return { id: patronId, deference };
}

function readRivals(loc: Located, kind: ChangeKind): Record<string, number> {
  const { id, ids } = kind.state!;
  if (!isMapping(loc.value))
    throw errorAt(loc, `expected a mapping of rival state id → weight, got ${describeValue(loc.value)}`);
  const rivals: Record<string, number> = {};
  for (const [rival, weight] of Object.entries(loc.value)) {
    const itemLoc = child(loc, rival, weight);
    checkStateId(itemLoc, rival, ids, 'a rival state id');
    if (rival === id) throw errorAt(itemLoc, `expected another state as rival, but "${id}" is its own rival`);
    setOwn(rivals, rival, readNumber(itemLoc, REAL));
  }
  return rivals;
}

function readSet(loc: Located, kind: ChangeKind): DatedValues {
  const value = loc.value;
  const links = kind.state ? ['rivals', 'patron', 'blocs'] : [];
  const allowed = [...kind.numbers.keys(), ...links];
  if (!isMapping(value))
    throw errorAt(
      loc,
      `expected a mapping of the values in force from this date (${kind.what}), got ${describeValue(value)}`,
    );
  if (Object.keys(value).length === 0)
    throw errorAt(loc, `expected at least one value to set (${kind.what}), got an empty mapping`);
  checkKeys(loc, value, allowed, `a dated change (${kind.what})`);
  const out: DatedValues = { numbers: {}, uncertain: {} };
  for (const [key, raw] of Object.entries(value)) {
    const itemLoc = child(loc, key, raw);
    const bounds = kind.numbers.get(key);
    if (bounds) {
      const found: UncertainInput[] = [];
      setOwn(out.numbers, key, readUncertain(itemLoc, bounds, kind.path(key), found));
      if (found[0]) setOwn(out.uncertain, key, found[0]);
    } else if (key === 'rivals') out.rivals = readRivals(itemLoc, kind);
    else if (key === 'patron') out.patron = readPatron(itemLoc, kind, out.uncertain);
    else out.blocs = readStringList(itemLoc);
  }
  return out;
}

/** A list of dated changes, in the order they apply (by date; ties as written). */
function readChanges(loc: Located, kind: ChangeKind): DatedChange[] {
  if (!Array.isArray(loc.value))
    throw errorAt(loc, `expected a list of dated changes {from, set, reason, source}, got ${describeValue(loc.value)}`);
  const changes = loc.value.map((raw, index): DatedChange => {
    const entry = child(loc, index, raw);
    if (!isMapping(raw))
      throw errorAt(entry, `expected a dated change {from, set, reason, source}, got ${describeValue(raw)}`);
    checkKeys(entry, raw, DATED_ENTRY_KEYS, 'a dated change');
    const field = (key: string, expected: string): Located => {
      if (!Object.hasOwn(raw, key))
        throw errorAt(child(entry, key, undefined), `expected ${expected}, but it is missing`);
      return child(entry, key, raw[key]);
    };
    const from = readDate(field('from', `${DATE_FORM}: the first day the values are in force`));
    const set = readSet(field('set', `the values in force from this date (${kind.what})`), kind);
    const reason = readString(field('reason', 'the reason for the change (a non-empty string)'), true);
    const source = readString(field('source', 'the source of the change (a non-empty string)'), true);
    return { from, set, reason, source };
  });
  // Array.prototype.sort is stable: changes of the same day keep their written order.
  return changes.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/** A state's `history`, validated against every state id of the merged scenario. */
export function readHistory(
  entity: MergedEntity,
  attributes: readonly AttributeDeclaration[],
  ids: ReadonlySet<string>,
): DatedChange[] | undefined {
  const loc = entity.fields.get('history');
  if (!loc) return undefined;
  const numbers = new Map<string, Bounds>([
    ...STATE_ATTRIBUTES.map((a): [string, Bounds] => [a, UNIT]),
    ['bias', REAL],
    ...attributes.map((a): [string, Bounds] => [a.name, { min: a.min, max: a.max }]),
  ]);
  return readChanges(loc, {
    what: 'state attributes, bias, rivals, patron or blocs',
    numbers,
    path: (key) => `states.${entity.id}.${key}`,
    state: { id: entity.id, ids },
  });
}

export interface TimelineSection {
  start?: string;
  end?: string;
  world: DatedChange[];
}

/** The `timeline` section: coverage (both ends required) and dated world values. */
export function readTimeline(section: MergedMap | undefined): TimelineSection {
  if (!section) return { world: [] };
  checkMergedKeys(section, TIMELINE_KEYS, 'the timeline');
  const end = (key: 'start' | 'end'): string => {
    const loc = section.entries.get(key);
    if (!loc)
      throw errorAt(
        { file: section.loc.file, path: joinPath(section.loc.path, key) },
        `expected ${DATE_FORM}, the ${key} of the timeline's coverage, but it is missing`,
      );
    return readDate(loc);
  };
  const start = end('start');
  const last = end('end');
  if (last < start)
    throw errorAt(section.entries.get('end')!, `expected an end on or after the start (${start}), got ${last}`);
  const worldLoc = section.entries.get('world');
  const numbers = new Map(WORLD_PARAMETERS.map((p): [string, Bounds] => [p.key, { min: p.min, max: p.max }]));
  const world = worldLoc
    ? readChanges(worldLoc, {
        what: WORLD_PARAMETERS.map((p) => p.key).join(', '),
        numbers,
        path: (key) => `world.${key}`,
      })
    : [];
  return { start, end: last, world };
}

/** The evaluation date, checked against the timeline's coverage. */
export function readEvaluationDate(loc: Located | undefined, timeline: TimelineSection): string | undefined {
  if (!loc) return undefined;
  const date = readDate(loc);
  const problem = dateProblem(timeline, date);
  if (problem) throw errorAt(loc, problem);
  return date;
}

/** `participants`: the states that take part, each a known id, once; undefined when absent (everyone). */
export function readParticipants(loc: Located | undefined, ids: ReadonlySet<string>): Set<string> | undefined {
  if (!loc) return undefined;
  if (!Array.isArray(loc.value))
    throw errorAt(loc, `expected a list of the state ids that take part, got ${describeValue(loc.value)}`);
  if (loc.value.length === 0) throw errorAt(loc, 'expected at least one state id, got an empty list');
  const out = new Set<string>();
  loc.value.forEach((id, i) => {
    const itemLoc = child(loc, i, id);
    checkStateId(itemLoc, id, ids);
    if (out.has(id as string))
      throw errorAt(itemLoc, `expected each state once, but "${id as string}" is listed twice`);
    out.add(id as string);
  });
  return out;
}

function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The undated values of everything `changes` set, taken from a state as
 * built from its undated fields (and their uncertainty, by path).
 */
export function undatedValues(
  changes: readonly DatedChange[],
  read: (key: string) => number,
  links: StateInput | undefined,
  uncertainty: readonly UncertainInput[],
  path: (key: string) => string,
): DatedValues {
  const out: DatedValues = { numbers: {}, uncertain: {} };
  const byPath = new Map(uncertainty.map((u) => [u.path, u]));
  const track = (key: string): void => {
    const u = byPath.get(path(key));
    if (u) setOwn(out.uncertain, key, u);
  };
  for (const change of changes) {
    for (const key of Object.keys(change.set.numbers)) {
      if (ownValue(out.numbers, key) !== undefined) continue;
      setOwn(out.numbers, key, read(key));
      track(key);
    }
    if (!links) continue;
    if (change.set.rivals !== undefined && out.rivals === undefined) out.rivals = { ...links.rivals };
    if (change.set.patron !== undefined && out.patron === undefined) {
      out.patron = links.patron ? { ...links.patron } : null;
      if (links.patron) track('patron.deference');
    }
    if (change.set.blocs !== undefined && out.blocs === undefined) out.blocs = [...links.blocs];
  }
  return out;
}

/** A Timeline from its parts; the undated values are read from the built (undated) scenario. */
export function makeTimeline(
  section: TimelineSection,
  histories: ReadonlyMap<string, DatedChange[]>,
  states: readonly StateInput[],
  world: Record<string, number>,
  uncertainty: readonly UncertainInput[],
): Timeline {
  const timeline: Timeline = {
    ...(section.start === undefined ? {} : { start: section.start, end: section.end }),
    world: section.world,
    states: {},
    undated: {
      world: undatedValues(
        section.world,
        (key) => world[key],
        undefined,
        uncertainty,
        (key) => `world.${key}`,
      ),
      states: {},
    },
  };
  for (const state of states) {
    const changes = histories.get(state.id);
    if (!changes || changes.length === 0) continue;
    setOwn(timeline.states, state.id, changes);
    const read = (key: string): number => {
      if ((STATE_ATTRIBUTES as readonly string[]).includes(key))
        return (state as unknown as Record<string, number>)[key];
      if (key === 'bias') return state.bias;
      return state.extra[key];
    };
    setOwn(
      timeline.undated.states,
      state.id,
      undatedValues(changes, read, state, uncertainty, (key) => `states.${state.id}.${key}`),
    );
  }
  return timeline;
}
