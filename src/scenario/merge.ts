/**
 * Merging the layers of a scenario (the `extends` chain, rosters, the file
 * itself) into one document, keeping where every value was written.
 * Child wins; keyed sections merge per key; states and terms merge by id
 * (a child entry for a known id may be partial); `observed` is replaced whole.
 */
import { describeValue, isMapping } from './describe.js';
import { KEYED_SECTIONS, STATE_ID, IDENTIFIER, STATE_NESTED_KEYS, type KeyedSection } from './keys.js';
import { expandGame } from './game-form.js';
import { child, errorAt, type Located } from './located.js';
import type { MergedDocument, MergedEntity, MergedMap } from './merged.js';

export type { MergedDocument, MergedEntity, MergedMap } from './merged.js';

/** One parsed file and how the user should see its name. */
export interface Layer {
  file: string;
  data: Record<string, unknown>;
  kind: 'scenario' | 'roster';
}

export function emptyDocument(): MergedDocument {
  return {
    top: new Map(),
    sections: {
      declaration: undefined,
      world: undefined,
      weights: undefined,
      fix: undefined,
      attributes: undefined,
      timeline: undefined,
    },
    states: new Map(),
    terms: new Map(),
  };
}

function entriesOf(loc: Located): [string, Located][] {
  if (!isMapping(loc.value)) throw errorAt(loc, `expected a mapping, got ${describeValue(loc.value)}`);
  const value = loc.value;
  return Object.keys(value).map((key) => [key, child(loc, key, value[key])]);
}

function mergeMap(into: MergedMap | undefined, loc: Located): MergedMap {
  const target = into ?? { loc, entries: new Map<string, Located>() };
  for (const [key, value] of entriesOf(loc)) target.entries.set(key, value);
  return target;
}

function mergeEntities(into: Map<string, MergedEntity>, loc: Located, what: 'state' | 'term'): void {
  if (!Array.isArray(loc.value)) throw errorAt(loc, `expected a list of ${what}s, got ${describeValue(loc.value)}`);
  const seen = new Map<string, string>();
  const pattern = what === 'state' ? STATE_ID : IDENTIFIER;
  loc.value.forEach((raw, index) => {
    const entry = child(loc, index, raw);
    if (!isMapping(raw)) throw errorAt(entry, `expected a ${what} mapping with an id, got ${describeValue(raw)}`);
    const idLoc = child(entry, 'id', raw.id);
    if (typeof raw.id !== 'string')
      throw errorAt(idLoc, `expected a ${what} id (a string), got ${describeValue(raw.id)}`);
    if (!pattern.test(raw.id)) {
      throw errorAt(
        idLoc,
        `expected a ${what} id of a letter then letters, digits${what === 'state' ? ', "_" or "-"' : ' or "_"'} (at most 64), got ${describeValue(raw.id)}`,
      );
    }
    const id = raw.id;
    const first = seen.get(id);
    if (first !== undefined)
      throw errorAt(idLoc, `expected each ${what} id once in a file, but "${id}" is also at ${first}`);
    seen.set(id, entry.path);
    let entity = into.get(id);
    if (!entity) {
      entity = { id, origin: entry, fields: new Map(), nested: new Map() };
      into.set(id, entity);
    }
    for (const [key, value] of entriesOf(entry)) {
      if (what === 'state' && (STATE_NESTED_KEYS as readonly string[]).includes(key)) {
        if (key === 'patron' && value.value === null) entity.nested.set(key, null);
        else entity.nested.set(key, mergeMap(entity.nested.get(key) ?? undefined, value));
      } else entity.fields.set(key, value);
    }
  });
}

/** Adds one layer on top of the merged document. */
export function mergeLayer(doc: MergedDocument, layer: Layer): void {
  const root: Located = { value: layer.data, file: layer.file, path: '' };
  if (Object.hasOwn(layer.data, 'game') && Object.hasOwn(layer.data, 'states'))
    throw errorAt(
      child(root, 'game', layer.data.game),
      'expected either `game:` or `states:` in a scenario, not both (a game defines its players)',
    );
  for (const [key, loc] of entriesOf(root)) {
    if ((KEYED_SECTIONS as readonly string[]).includes(key)) {
      const section = key as KeyedSection;
      doc.sections[section] = mergeMap(doc.sections[section], loc);
    } else if (key === 'states') mergeEntities(doc.states, loc, 'state');
    else if (key === 'terms') mergeEntities(doc.terms, loc, 'term');
    else if (key === 'game') expandGame(doc, loc);
    else if (key !== 'extends' && key !== 'roster') doc.top.set(key, loc);
  }
}

/** The merged document as plain data (for docs, tests and `raw`). */
export function mergedToPlain(doc: MergedDocument): Record<string, unknown> {
  const plainMap = (m: MergedMap | null | undefined): Record<string, unknown> | null | undefined =>
    m === null ? null : m === undefined ? undefined : Object.fromEntries([...m.entries].map(([k, v]) => [k, v.value]));
  const plainEntity = (e: MergedEntity): Record<string, unknown> => {
    const out: Record<string, unknown> = Object.fromEntries([...e.fields].map(([k, v]) => [k, v.value]));
    for (const [k, m] of e.nested) out[k] = plainMap(m);
    return out;
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of doc.top) out[k] = v.value;
  for (const key of KEYED_SECTIONS) {
    const m = plainMap(doc.sections[key]);
    if (m !== undefined) out[key] = m;
  }
  if (doc.states.size > 0) out.states = [...doc.states.values()].map(plainEntity);
  if (doc.terms.size > 0) out.terms = [...doc.terms.values()].map(plainEntity);
  return out;
}
