/**
 * Validating merged states: every attribute present (no silent defaults
 * except bias 0, rivals {}, blocs []), ids of rivals and patrons known,
 * provenance kept aside.
 */
import { STATE_ATTRIBUTES, type StateInput } from '../model/inputs.js';
import type { UncertainInput } from '../model/scenario.js';
import type { AttributeDeclaration } from './build-sections.js';
import { checkMergedKeys, checkStateId } from './build-sections.js';
import { describeValue } from './describe.js';
import { PATRON_KEYS, STATE_META_KEYS } from './keys.js';
import { errorAt, joinPath, type Located } from './located.js';
import type { MergedEntity } from './merge.js';
import { REAL, UNIT, readNumber, readString, readStringList, readUncertain } from './values.js';

export interface StatesResult {
  states: StateInput[];
  provenance: Record<string, Record<string, string>>;
}

function missing(entity: MergedEntity, key: string, expected: string): never {
  throw errorAt(
    { file: entity.origin.file, path: joinPath(entity.origin.path, key) },
    `expected ${expected} for state "${entity.id}", but it is missing (every state needs every attribute)`,
  );
}

function readState(
  entity: MergedEntity,
  attributes: readonly AttributeDeclaration[],
  ids: ReadonlySet<string>,
  uncertainty: UncertainInput[],
): StateInput {
  const { id, fields } = entity;
  const field = (key: string): Located | undefined => fields.get(key);
  const at = (key: string): string => `states.${id}.${key}`;
  const nameLoc = field('name');
  const name = nameLoc ? readString(nameLoc, true, true) : missing(entity, 'name', 'a name');
  const values: Record<string, number> = {};
  for (const attr of STATE_ATTRIBUTES) {
    const loc = field(attr);
    values[attr] = loc ? readUncertain(loc, UNIT, at(attr), uncertainty) : missing(entity, attr, 'a number in [0, 1]');
  }
  const extra: Record<string, number> = {};
  for (const decl of attributes) {
    const loc = field(decl.name);
    const bounds = { min: decl.min, max: decl.max };
    if (loc) extra[decl.name] = readUncertain(loc, bounds, at(decl.name), uncertainty);
    else if (decl.default !== undefined) extra[decl.name] = decl.default;
    else missing(entity, decl.name, `a number in [${decl.min}, ${decl.max}] (custom attribute without a default)`);
  }
  const biasLoc = field('bias');
  // bias 0 is the documented neutral default: no idiosyncratic propensity.
  const bias = biasLoc ? readUncertain(biasLoc, REAL, at('bias'), uncertainty) : 0;
  const blocsLoc = field('blocs');
  const blocs = blocsLoc ? readStringList(blocsLoc) : [];

  const rivals: Record<string, number> = {};
  const rivalMap = entity.nested.get('rivals');
  if (rivalMap) {
    for (const [rival, loc] of rivalMap.entries) {
      checkStateId(loc, rival, ids, 'a rival state id');
      if (rival === id) throw errorAt(loc, `expected another state as rival, but "${id}" is its own rival`);
      // defineProperty: an id like "constructor" must become a plain own entry.
      Object.defineProperty(rivals, rival, {
        value: readNumber(loc, REAL),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }

  const state: StateInput = {
    id,
    name,
    ...(values as Pick<StateInput, (typeof STATE_ATTRIBUTES)[number]>),
    bias,
    rivals,
    blocs,
    extra,
  };
  const patronMap = entity.nested.get('patron');
  if (patronMap) {
    checkMergedKeys(patronMap, PATRON_KEYS, 'a patron');
    const idLoc = patronMap.entries.get('id');
    if (!idLoc)
      throw errorAt(
        { file: patronMap.loc.file, path: joinPath(patronMap.loc.path, 'id') },
        "expected the patron's state id, but it is missing",
      );
    const patronId = checkStateId(idLoc, idLoc.value, ids, 'a patron state id');
    if (patronId === id) throw errorAt(idLoc, `expected another state as patron, but "${id}" is its own patron`);
    const defLoc = patronMap.entries.get('deference');
    if (!defLoc)
      throw errorAt(
        { file: patronMap.loc.file, path: joinPath(patronMap.loc.path, 'deference') },
        'expected a number in [0, 1], but it is missing',
      );
    state.patron = { id: patronId, deference: readUncertain(defLoc, UNIT, at('patron.deference'), uncertainty) };
  }
  return state;
}

function readProvenance(entity: MergedEntity, allowed: ReadonlySet<string>): Record<string, string> | undefined {
  const map = entity.nested.get('provenance');
  if (!map) return undefined;
  checkMergedKeys(map, allowed, 'provenance (an attribute of the state)');
  const out: Record<string, string> = {};
  for (const [key, loc] of map.entries) {
    if (typeof loc.value !== 'string')
      throw errorAt(loc, `expected a source or reason (a string), got ${describeValue(loc.value)}`);
    Object.defineProperty(out, key, { value: readString(loc), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function readStates(
  entities: ReadonlyMap<string, MergedEntity>,
  attributes: readonly AttributeDeclaration[],
  leaf: string,
  uncertainty: UncertainInput[],
): StatesResult {
  if (entities.size === 0)
    throw errorAt({ file: leaf, path: 'states' }, 'expected at least one state (in states or a roster)');
  const ids = new Set(entities.keys());
  const custom = attributes.map((a) => a.name);
  const allowedKeys = new Set<string>([...STATE_ATTRIBUTES, ...STATE_META_KEYS, ...custom]);
  const provenanceKeys = new Set<string>([...STATE_ATTRIBUTES, ...custom, 'name', 'bias', 'rivals', 'patron', 'blocs']);
  const states: StateInput[] = [];
  const provenance: Record<string, Record<string, string>> = {};
  for (const entity of entities.values()) {
    for (const [key, loc] of entity.fields) {
      if (!allowedKeys.has(key)) checkMergedKeys({ loc, entries: new Map([[key, loc]]) }, allowedKeys, 'a state');
    }
    states.push(readState(entity, attributes, ids, uncertainty));
    const p = readProvenance(entity, provenanceKeys);
    if (p)
      Object.defineProperty(provenance, entity.id, { value: p, enumerable: true, writable: true, configurable: true });
  }
  return { states, provenance };
}
