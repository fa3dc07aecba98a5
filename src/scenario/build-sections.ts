/**
 * Validating the keyed sections of a merged scenario: custom attribute
 * declarations, declaration, world, fix, observed and event.
 */
import {
  DECLARATION_PARAMETERS,
  WORLD_PARAMETERS,
  type Declaration,
  type FixedAction,
  type World,
} from '../model/inputs.js';
import { EVENT_KINDS, type EventInfo, type EventKind, type Observed, type UncertainInput } from '../model/scenario.js';
import { describeValue, isMapping } from './describe.js';
import {
  ATTRIBUTE_DECLARATION_KEYS,
  EVENT_KEYS,
  IDENTIFIER,
  OBSERVED_COUNT_KEYS,
  OBSERVED_KEYS,
  RESERVED_NAMES,
  checkKeys,
} from './keys.js';
import { MAX_CUSTOM_ATTRIBUTES } from './limits.js';
import { child, errorAt, joinPath, type Located } from './located.js';
import type { MergedMap } from './merge.js';
import { SEED_LIKE } from './path-bounds.js';
import { didYouMean } from './suggest.js';
import { readNumber, readString, readUncertain, type Bounds } from './values.js';

/** A scenario-declared custom attribute. */
export interface AttributeDeclaration {
  name: string;
  description: string;
  min: number;
  max: number;
  default?: number;
}

/** Refuses keys outside `allowed`, pointing at the file the key was written in. */
export function checkMergedKeys(section: MergedMap, allowed: Iterable<string>, what: string): void {
  const known = new Set(allowed);
  for (const [key, loc] of section.entries) {
    if (!known.has(key)) {
      const hint = didYouMean(key, known);
      throw errorAt(loc, `expected a known key of ${what}, got unknown key ${JSON.stringify(key.slice(0, 40))}${hint}`);
    }
  }
}

export function readAttributes(section: MergedMap | undefined): AttributeDeclaration[] {
  if (!section) return [];
  if (section.entries.size > MAX_CUSTOM_ATTRIBUTES)
    throw errorAt(section.loc, `expected at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`);
  return [...section.entries].map(([name, loc]) => {
    if (!IDENTIFIER.test(name))
      throw errorAt(
        loc,
        `expected an attribute name of a letter then letters, digits or "_", got ${JSON.stringify(name.slice(0, 40))}`,
      );
    if (RESERVED_NAMES.has(name))
      throw errorAt(loc, `expected a new attribute name, but "${name}" is already a built-in name`);
    const value = loc.value;
    if (!isMapping(value))
      throw errorAt(loc, `expected a mapping {description, min?, max?, default?}, got ${describeValue(value)}`);
    checkKeys(loc, value, ATTRIBUTE_DECLARATION_KEYS, 'an attribute declaration');
    const description = Object.hasOwn(value, 'description')
      ? readString(child(loc, 'description', value.description))
      : '';
    const min = Object.hasOwn(value, 'min') ? readNumber(child(loc, 'min', value.min), { min: -1e12, max: 1e12 }) : 0;
    const max = Object.hasOwn(value, 'max') ? readNumber(child(loc, 'max', value.max), { min: -1e12, max: 1e12 }) : 1;
    if (!(min < max)) throw errorAt(child(loc, 'max', value.max), `expected max > min (${min}), got ${max}`);
    const declaration: AttributeDeclaration = { name, description, min, max };
    if (Object.hasOwn(value, 'default'))
      declaration.default = readNumber(child(loc, 'default', value.default), { min, max });
    return declaration;
  });
}

/** A keyed section with every key required, each read as a possibly uncertain number. */
function readParameters<T>(
  section: MergedMap | undefined,
  name: 'declaration' | 'world',
  params: readonly { key: string; min: number; max: number }[],
  extra: Record<string, Bounds>,
  leaf: string,
  uncertainty: UncertainInput[],
): T {
  const keys = [...params.map((p) => p.key), ...Object.keys(extra)];
  if (!section) throw errorAt({ file: leaf, path: name }, `expected a ${name} section with ${keys.join(', ')}`);
  checkMergedKeys(section, keys, `the ${name}`);
  const out: Record<string, number> = {};
  for (const p of params) {
    const loc = section.entries.get(p.key);
    const bounds = { min: p.min, max: p.max };
    if (!loc)
      throw errorAt(
        { file: section.loc.file, path: joinPath(section.loc.path, p.key) },
        `expected a number in [${p.min}, ${p.max}], but it is missing`,
      );
    out[p.key] = readUncertain(loc, bounds, `${name}.${p.key}`, uncertainty);
  }
  for (const [key, bounds] of Object.entries(extra)) {
    const loc = section.entries.get(key);
    if (!loc)
      throw errorAt(
        { file: section.loc.file, path: joinPath(section.loc.path, key) },
        `expected ${bounds.integer ? 'an integer' : 'a number'} ≥ ${bounds.min}, but it is missing`,
      );
    out[key] = readNumber(loc, bounds);
  }
  return out as T;
}

export function readDeclaration(
  section: MergedMap | undefined,
  leaf: string,
  uncertainty: UncertainInput[],
): Declaration {
  return readParameters<Declaration>(section, 'declaration', DECLARATION_PARAMETERS, {}, leaf, uncertainty);
}

export function readWorld(section: MergedMap | undefined, leaf: string, uncertainty: UncertainInput[]): World {
  return readParameters<World>(section, 'world', WORLD_PARAMETERS, { seed: SEED_LIKE }, leaf, uncertainty);
}

/** Unknown state ids are errors everywhere, with a hint; `absent` are known states left out by `participants`. */
export function checkStateId(
  loc: Located,
  id: unknown,
  ids: ReadonlySet<string>,
  what = 'a state id',
  absent?: ReadonlySet<string>,
): string {
  if (typeof id !== 'string') throw errorAt(loc, `expected ${what}, got ${describeValue(id)}`);
  if (absent?.has(id))
    throw errorAt(loc, `expected ${what} of a state that takes part, got "${id}", which is not among the participants`);
  if (!ids.has(id))
    throw errorAt(
      loc,
      `expected ${what} of this scenario, got unknown state "${id.slice(0, 40)}"${didYouMean(id, ids)}`,
    );
  return id;
}

export function readFix(
  section: MergedMap | undefined,
  ids: ReadonlySet<string>,
  absent?: ReadonlySet<string>,
): Record<string, FixedAction> {
  const fixed: Record<string, FixedAction> = {};
  if (!section) return fixed;
  for (const [id, loc] of section.entries) {
    checkStateId(loc, id, ids, undefined, absent);
    const action = loc.value;
    if (action !== 'sign' && action !== 'abstain' && action !== 'free')
      throw errorAt(loc, `expected sign, abstain or free, got ${describeValue(action)}`);
    if (action === 'free') delete fixed[id];
    else fixed[id] = action;
  }
  return fixed;
}

/** A list of distinct state ids that take part, none of them in `taken` (ids already named elsewhere, with where). */
function readIdList(
  loc: Located,
  ids: ReadonlySet<string>,
  absent: ReadonlySet<string> | undefined,
  taken: ReadonlyMap<string, string>,
): string[] {
  if (!Array.isArray(loc.value)) throw errorAt(loc, `expected a list of state ids, got ${describeValue(loc.value)}`);
  const seen = new Set<string>();
  return loc.value.map((id, i) => {
    const itemLoc = child(loc, i, id);
    checkStateId(itemLoc, id, ids, undefined, absent);
    if (seen.has(id as string))
      throw errorAt(itemLoc, `expected each state once, but "${id as string}" is listed twice`);
    const other = taken.get(id as string);
    if (other !== undefined)
      throw errorAt(
        itemLoc,
        `expected each state under signed or notSigned, not both, but "${id as string}" is also under ${other}`,
      );
    seen.add(id as string);
    return id as string;
  });
}

/**
 * The observed outcome. Old form: `signed` (and `total`): every other state
 * that takes part did not sign. Extended form: `signed` and `notSigned` name
 * states, `counts` gives the totals over every state that takes part; a
 * count left out is the rest (with two left out, `absent` is 0). `counts`
 * is required when some state is named on neither side.
 */
export function readObserved(
  loc: Located | undefined,
  ids: ReadonlySet<string>,
  absent?: ReadonlySet<string>,
): Observed | undefined {
  if (!loc) return undefined;
  const value = loc.value;
  if (!isMapping(value))
    throw errorAt(
      loc,
      `expected a mapping {signed, notSigned?, counts?, source?} or {signed, total?, source?}, got ${describeValue(value)}`,
    );
  checkKeys(loc, value, OBSERVED_KEYS, 'observed');
  if (!Object.hasOwn(value, 'signed'))
    throw errorAt(child(loc, 'signed', undefined), 'expected a list of state ids, but it is missing');
  const signed = readIdList(child(loc, 'signed', value.signed), ids, absent, new Map());
  const observed: Observed = { signed };
  const extended = Object.hasOwn(value, 'notSigned') || Object.hasOwn(value, 'counts');
  if (Object.hasOwn(value, 'total')) {
    if (extended)
      throw errorAt(
        child(loc, 'total', value.total),
        'expected either `total` (the old form) or `notSigned`/`counts` (the extended form), not both',
      );
    observed.total = readNumber(child(loc, 'total', value.total), { min: signed.length, max: 1e6, integer: true });
  }
  if (extended) {
    const notSigned = Object.hasOwn(value, 'notSigned')
      ? readIdList(child(loc, 'notSigned', value.notSigned), ids, absent, new Map(signed.map((id) => [id, 'signed'])))
      : [];
    observed.notSigned = notSigned;
    const unnamed = ids.size - signed.length - notSigned.length;
    if (!Object.hasOwn(value, 'counts')) {
      if (unnamed > 0) {
        throw errorAt(
          child(loc, 'counts', undefined),
          `expected counts {signed, notSigned, absent}: ${unnamed} of the ${ids.size} states that take part are named neither under signed nor under notSigned`,
        );
      }
      observed.counts = { signed: signed.length, notSigned: notSigned.length, absent: 0 };
    } else observed.counts = readCounts(child(loc, 'counts', value.counts), ids.size, signed.length, notSigned.length);
  }
  if (Object.hasOwn(value, 'source')) observed.source = readString(child(loc, 'source', value.source));
  return observed;
}

/** `counts`: integers ≥ 0 adding up to the states that take part, each at least the states named for it. */
function readCounts(
  loc: Located,
  participants: number,
  namedSigned: number,
  namedNotSigned: number,
): Required<NonNullable<Observed['counts']>> {
  const value = loc.value;
  if (!isMapping(value))
    throw errorAt(loc, `expected a mapping {signed, notSigned, absent} of whole numbers, got ${describeValue(value)}`);
  checkKeys(loc, value, OBSERVED_COUNT_KEYS, 'observed.counts');
  const given: Partial<Record<(typeof OBSERVED_COUNT_KEYS)[number], number>> = {};
  for (const key of OBSERVED_COUNT_KEYS) {
    if (Object.hasOwn(value, key))
      given[key] = readNumber(child(loc, key, value[key]), { min: 0, max: 1e6, integer: true });
  }
  const missing = OBSERVED_COUNT_KEYS.filter((key) => given[key] === undefined);
  if (missing.length === 3)
    throw errorAt(loc, 'expected at least one of signed, notSigned, absent, got an empty mapping');
  if (missing.length === 2 && missing.includes('absent')) given.absent = 0;
  else if (missing.length === 2)
    throw errorAt(
      loc,
      'expected signed or notSigned besides absent (a count left out is the rest of the states that take part)',
    );
  const known = OBSERVED_COUNT_KEYS.reduce((acc, key) => acc + (given[key] ?? 0), 0);
  const rest = OBSERVED_COUNT_KEYS.filter((key) => given[key] === undefined);
  if (rest.length === 1) {
    if (known > participants)
      throw errorAt(
        loc,
        `expected counts adding up to at most the ${participants} states that take part, got ${known}`,
      );
    given[rest[0]] = participants - known;
  }
  const counts = given as Required<typeof given>;
  const total = counts.signed + counts.notSigned + counts.absent;
  if (total !== participants) {
    throw errorAt(
      loc,
      `expected signed + notSigned + absent to equal the ${participants} states that take part, got ${counts.signed} + ${counts.notSigned} + ${counts.absent} = ${total}`,
    );
  }
  const at = (key: string) => (Object.hasOwn(value, key) ? child(loc, key, value[key]) : loc);
  if (counts.signed < namedSigned)
    throw errorAt(at('signed'), `expected at least the ${namedSigned} states named under signed, got ${counts.signed}`);
  if (counts.notSigned < namedNotSigned)
    throw errorAt(
      at('notSigned'),
      `expected at least the ${namedNotSigned} states named under notSigned, got ${counts.notSigned}`,
    );
  return counts;
}

/** `event: {kind, instrument, source?}`: the real instrument an event file describes. */
export function readEvent(loc: Located | undefined): EventInfo | undefined {
  if (!loc) return undefined;
  const value = loc.value;
  if (!isMapping(value))
    throw errorAt(
      loc,
      `expected a mapping {kind: ${EVENT_KINDS.join(' | ')}, instrument, source?}, got ${describeValue(value)}`,
    );
  checkKeys(loc, value, EVENT_KEYS, 'event');
  const kindLoc = child(loc, 'kind', value.kind);
  if (!Object.hasOwn(value, 'kind')) throw errorAt(kindLoc, `expected ${EVENT_KINDS.join(' or ')}, but it is missing`);
  if (!(EVENT_KINDS as readonly unknown[]).includes(value.kind))
    throw errorAt(kindLoc, `expected ${EVENT_KINDS.join(' or ')}, got ${describeValue(value.kind)}`);
  if (!Object.hasOwn(value, 'instrument'))
    throw errorAt(
      child(loc, 'instrument', undefined),
      "expected the instrument's name (a non-empty string), but it is missing",
    );
  const event: EventInfo = {
    kind: value.kind as EventKind,
    instrument: readString(child(loc, 'instrument', value.instrument), true, true),
  };
  if (Object.hasOwn(value, 'source')) event.source = readString(child(loc, 'source', value.source));
  return event;
}
