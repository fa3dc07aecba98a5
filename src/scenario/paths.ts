/**
 * Numeric paths into a resolved scenario (`declaration.verification`,
 * `states.USA.capability`, `states.USA.rivals.CHN` …), shared by `--set`,
 * sweeps, the UI and calibration. Resolving checks the path once; the
 * accessor's get/set are then cheap enough for a sweep's inner loop.
 */
import {
  DECLARATION_KEYS,
  DECLARATION_PARAMETERS,
  STATE_ATTRIBUTES,
  WORLD_KEYS,
  WORLD_PARAMETERS,
  type StateInput,
} from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';
import { ScenarioError } from './errors.js';
import { closest } from './suggest.js';
import { inBounds, SEED_LIKE } from './path-bounds.js';
import { customAttributeBounds, registerCustomAttributes } from './custom-attributes.js';
import { checkEvaluationDate, resolveInPlace } from './timeline.js';

/** A checked numeric location in a scenario. */
export interface PathAccessor {
  readonly path: string;
  get(s: Scenario): number;
  /** Sets the value without validation (check with `accepts` first when the value is untrusted). */
  set(s: Scenario, v: number): void;
  /** Inclusive bounds; ±Infinity where any finite real is allowed. */
  readonly min: number;
  readonly max: number;
  /** Only whole numbers (the seed). */
  readonly integer?: boolean;
}

function fail(file: string, path: string, expected: string): never {
  throw new ScenarioError(file, path, expected);
}

function hint(prefix: string, word: string, known: Iterable<string>): string {
  const best = closest(word, known);
  return best === undefined ? '' : ` (did you mean "${prefix}${best}"?)`;
}

const PATH_FORMS =
  'declaration.<key>, world.<key>, weights.<term>, states.<ID>.<attribute>, states.<ID>.patron.deference or states.<ID>.rivals.<ID>';

/** Finds a state by id, using the index found at resolve time when the order is unchanged. */
function stateFinder(index: number, id: string): (s: Scenario) => StateInput {
  return (s) => {
    const st = s.states[index];
    if (st !== undefined && st.id === id) return st;
    const found = s.states.find((x) => x.id === id);
    if (!found) throw new RangeError(`state ${id} is not in this scenario`);
    return found;
  };
}

/** Resolves a path against a scenario; throws ScenarioError naming the bad part, with a hint. */
export function resolvePath(scenario: Scenario, path: string, file = '--set'): PathAccessor {
  const parts = path.split('.');
  const [head, key] = parts;
  const tooLong = (n: number): void => {
    if (parts.length > n) fail(file, path, `expected a path ending after ${parts.slice(0, n).join('.')}`);
  };
  switch (head) {
    case 'declaration': {
      tooLong(2);
      const info = DECLARATION_PARAMETERS.find((p) => p.key === key);
      if (!info) fail(file, path, `expected a declaration key${hint('declaration.', key ?? '', DECLARATION_KEYS)}`);
      const k = info.key as keyof Scenario['declaration'];
      return {
        path,
        min: info.min,
        max: info.max,
        get: (s) => s.declaration[k],
        set: (s, v) => void (s.declaration[k] = v),
      };
    }
    case 'world': {
      tooLong(2);
      if (key === 'seed')
        return {
          path,
          min: SEED_LIKE.min,
          max: SEED_LIKE.max,
          integer: true,
          get: (s) => s.world.seed,
          set: (s, v) => void (s.world.seed = v),
        };
      const info = WORLD_PARAMETERS.find((p) => p.key === key);
      if (!info) fail(file, path, `expected a world key${hint('world.', key ?? '', WORLD_KEYS)}`);
      const k = info.key as 'raceIntensity' | 'raceShock' | 'lambda';
      return { path, min: info.min, max: info.max, get: (s) => s.world[k], set: (s, v) => void (s.world[k] = v) };
    }
    case 'weights': {
      tooLong(2);
      const ids = [...scenario.terms.map((t) => t.id), 'intercept'];
      if (key === undefined || !ids.includes(key))
        fail(file, path, `expected a term id or intercept${hint('weights.', key ?? '', ids)}`);
      return {
        path,
        min: -Infinity,
        max: Infinity,
        get: (s) => s.weights[key],
        set: (s, v) =>
          void Object.defineProperty(s.weights, key, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          }),
      };
    }
    case 'states':
      return resolveStatePath(scenario, path, file, parts);
    case 'date':
      return fail(
        file,
        path,
        'expected a numeric path, but the date is a day, not a number: set it with --set date=YYYY-MM-DD (a sweep varies it with --vary date=LO:HI:STEPS)',
      );
    default:
      return fail(
        file,
        path,
        `expected a path of the form ${PATH_FORMS}${hint('', head ?? '', ['declaration', 'world', 'weights', 'states'])}`,
      );
  }
}

function resolveStatePath(scenario: Scenario, path: string, file: string, parts: string[]): PathAccessor {
  const [, id, attr, rest] = parts;
  const ids = scenario.states.map((s) => s.id);
  const index = id === undefined ? -1 : ids.indexOf(id);
  if (index < 0)
    fail(
      file,
      path,
      `expected a state id of this scenario, got ${JSON.stringify(id ?? '')}${hint('states.', id ?? '', ids)}`,
    );
  const state = scenario.states[index];
  const find = stateFinder(index, id);
  const customBounds = customAttributeBounds(scenario);
  const customNames = Object.keys(state.extra);
  if (attr === 'rivals') {
    if (parts.length !== 4) fail(file, path, `expected states.${id}.rivals.<ID>`);
    const others = ids.filter((x) => x !== id);
    if (!others.includes(rest))
      fail(file, path, `expected a rival state id of this scenario${hint(`states.${id}.rivals.`, rest, others)}`);
    return {
      path,
      min: -Infinity,
      max: Infinity,
      get: (s) => find(s).rivals[rest] ?? 0,
      set: (s, v) =>
        void Object.defineProperty(find(s).rivals, rest, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
    };
  }
  if (attr === 'patron') {
    if (parts.length !== 4 || rest !== 'deference') fail(file, path, `expected states.${id}.patron.deference`);
    if (!state.patron) fail(file, path, `expected a state with a patron, but ${id} has none`);
    return {
      path,
      min: 0,
      max: 1,
      get: (s) => find(s).patron?.deference ?? 0,
      set: (s, v) => {
        const patron = find(s).patron;
        if (!patron) throw new RangeError(`state ${id} has no patron`);
        patron.deference = v;
      },
    };
  }
  if (parts.length !== 3) fail(file, path, `expected states.${id}.<attribute>`);
  if ((STATE_ATTRIBUTES as readonly string[]).includes(attr)) {
    const k = attr as (typeof STATE_ATTRIBUTES)[number];
    return { path, min: 0, max: 1, get: (s) => find(s)[k], set: (s, v) => void (find(s)[k] = v) };
  }
  if (attr === 'bias')
    return { path, min: -Infinity, max: Infinity, get: (s) => find(s).bias, set: (s, v) => void (find(s).bias = v) };
  if (customNames.includes(attr)) {
    const bounds = customBounds.get(attr) ?? { min: -Infinity, max: Infinity };
    return {
      path,
      min: bounds.min,
      max: bounds.max,
      get: (s) => find(s).extra[attr],
      set: (s, v) =>
        void Object.defineProperty(find(s).extra, attr, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
    };
  }
  const known = [
    ...STATE_ATTRIBUTES,
    'bias',
    ...customNames,
    ...(state.patron ? ['patron.deference'] : []),
    'rivals.<ID>',
  ];
  return fail(file, path, `expected a numeric attribute of state ${id}${hint(`states.${id}.`, attr ?? '', known)}`);
}

/** Whether a value is acceptable at the path. */
export function accepts(accessor: PathAccessor, v: number): boolean {
  return inBounds(v, accessor);
}

function copyObserved(observed: NonNullable<Scenario['observed']>): NonNullable<Scenario['observed']> {
  return {
    ...observed,
    signed: [...observed.signed],
    ...(observed.notSigned ? { notSigned: [...observed.notSigned] } : {}),
    ...(observed.counts ? { counts: { ...observed.counts } } : {}),
  };
}

/** A copy deep enough that setting values never touches the input. */
export function copyScenario(scenario: Scenario): Scenario {
  const copy: Scenario = {
    ...scenario,
    declaration: { ...scenario.declaration },
    world: { ...scenario.world },
    weights: { ...scenario.weights },
    states: scenario.states.map((st) => ({
      ...st,
      rivals: { ...st.rivals },
      blocs: [...st.blocs],
      extra: { ...st.extra },
      ...(st.patron ? { patron: { ...st.patron } } : {}),
    })),
    fixed: { ...scenario.fixed },
    uncertainty: scenario.uncertainty.map((u) => ({ ...u, distribution: { ...u.distribution } })),
    ...(scenario.observed ? { observed: copyObserved(scenario.observed) } : {}),
    ...(scenario.event ? { event: { ...scenario.event } } : {}),
  };
  registerCustomAttributes(copy, customAttributeBounds(scenario));
  return copy;
}

/**
 * A copy of the scenario with the given values set and validated against
 * each path's bounds. A value set this way is certain: any uncertainty
 * recorded for its path is dropped. `date` (a `YYYY-MM-DD` string) applies
 * first and re-resolves every dated value (see `atDate`), so the other
 * values are set on top of the values of that date. Never mutates the input.
 */
export function withValues(scenario: Scenario, values: Record<string, number | string>, file = '--set'): Scenario {
  const copy = copyScenario(scenario);
  if (Object.hasOwn(values, 'date')) resolveInPlace(copy, checkEvaluationDate(copy, values.date, file));
  const set = new Set<string>();
  for (const [path, v] of Object.entries(values)) {
    if (path === 'date') continue;
    if (typeof v !== 'number') fail(file, path, `expected a number, got ${JSON.stringify(String(v).slice(0, 40))}`);
    const accessor = resolvePath(copy, path, file);
    if (!accepts(accessor, v))
      fail(file, path, `expected ${describeAccessor(accessor)}, got ${Number.isNaN(v) ? 'NaN' : String(v)}`);
    accessor.set(copy, v);
    set.add(path);
  }
  if (set.size > 0) copy.uncertainty = copy.uncertainty.filter((u) => !set.has(u.path));
  return copy;
}

/** "a number in [0, 1]", "an integer ≥ 0", "a finite number". */
export function describeAccessor(accessor: PathAccessor): string {
  if (accessor.integer) return `an integer ≥ ${accessor.min}`;
  if (accessor.min === -Infinity && accessor.max === Infinity) return 'a finite number';
  return `a number in [${accessor.min}, ${accessor.max}]`;
}
