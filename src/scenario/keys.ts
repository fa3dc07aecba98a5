/** The keys a scenario file may use, for validation and "did you mean" hints. */
import { STATE_ATTRIBUTES, WORLD_KEYS } from '../model/inputs.js';
import { NAMES } from '../model/names.js';
import { closest } from './suggest.js';
import { errorAt, joinPath, type Located } from './located.js';

export const SCENARIO_KEYS = [
  'name',
  'description',
  'extends',
  'roster',
  'date',
  'timeline',
  'participants',
  'event',
  'declaration',
  'world',
  'weights',
  'states',
  'fix',
  'observed',
  'attributes',
  'terms',
  'sources',
  'game',
] as const;
export const ROSTER_KEYS = ['name', 'description', 'sources', 'timeline', 'states'] as const;
/** Sections merged key by key across `extends`. */
export const KEYED_SECTIONS = ['declaration', 'world', 'weights', 'fix', 'attributes', 'timeline'] as const;
export type KeyedSection = (typeof KEYED_SECTIONS)[number];
/** State keys other than attributes. */
export const STATE_META_KEYS = ['id', 'name', 'bias', 'rivals', 'patron', 'blocs', 'provenance', 'history'] as const;
/** State keys holding mappings merged key by key. */
export const STATE_NESTED_KEYS = ['rivals', 'patron', 'provenance'] as const;
export const TERM_KEYS = ['id', 'label', 'propositions', 'expression', 'weight', 'source', 'formula'] as const;
export const OBSERVED_KEYS = ['signed', 'notSigned', 'counts', 'total', 'source'] as const;
export const OBSERVED_COUNT_KEYS = ['signed', 'notSigned', 'absent'] as const;
export const EVENT_KEYS = ['kind', 'instrument', 'source'] as const;
export const ATTRIBUTE_DECLARATION_KEYS = ['description', 'min', 'max', 'default'] as const;
export const PATRON_KEYS = ['id', 'deference'] as const;
export const TIMELINE_KEYS = ['start', 'end', 'world'] as const;
/** Keys of one dated change (a `history` or `timeline.world` entry). */
export const DATED_ENTRY_KEYS = ['from', 'set', 'reason', 'source'] as const;

/** Names an expression can read besides state attributes (the name table of src/model/names.ts). */
export const EXPRESSION_GLOBALS: readonly string[] = [...NAMES.keys()].filter(
  (name) => !(STATE_ATTRIBUTES as readonly string[]).includes(name),
);

/** Names a custom attribute must not take, so expressions and paths stay unambiguous. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set<string>([
  ...STATE_ATTRIBUTES,
  ...STATE_META_KEYS,
  ...EXPRESSION_GLOBALS,
  ...WORLD_KEYS,
  'extra',
  'intercept',
]);

/** State ids: a letter, then letters, digits, `_` or `-` (ISO alpha-3 codes fit). */
export const STATE_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Term ids and custom attribute names: identifiers an expression can name. */
export const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Refuses keys outside `allowed`, with a hint. */
export function checkKeys(loc: Located, value: Record<string, unknown>, allowed: Iterable<string>, what: string): void {
  const known = new Set(allowed);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) {
      const hint = closest(key, known);
      const suggestion = hint ? ` (did you mean "${hint}"?)` : ` (known keys: ${[...known].join(', ')})`;
      throw errorAt(
        { file: loc.file, path: joinPath(loc.path, key) },
        `expected a known key of ${what}, got unknown key ${JSON.stringify(key.slice(0, 40))}${suggestion}`,
      );
    }
  }
}
