/**
 * The names a payoff term (built-in or custom) can read, what each one
 * depends on, and the columns that hold their values for every state.
 *
 * One table, used by the term definitions, by custom-term expressions, by
 * the compilers (which terms to recompute when an input changes) and by the
 * scenario loader (which names an expression may use). Derived quantities
 * are computed in one place, `refreshDerived`.
 */
import {
  DECLARATION_KEYS,
  STATE_ATTRIBUTES,
  type Declaration,
  type StateAttribute,
  type StateInput,
  type World,
} from './inputs.js';

/**
 * An input a setter can change: `declaration.<key>`, `world.<key>`,
 * `state.<attribute>` (any state's), `state.bias` or `state.deference`
 * (the patron's deference), or `state.<custom attribute>`.
 */
export type InputKey = string;

/** The interaction quantities a term is linear in. */
export const INTERACTION_NAMES = ['rivalShare', 'signShare', 'patronSigns'] as const;
export type InteractionName = (typeof INTERACTION_NAMES)[number];

/** Quantities shared by every state, computed from the inputs by `refreshDerived`. */
export interface DerivedQuantities {
  /** Bindingness b = (1 + e) / 2: an unenforced text binds only half (A6). */
  bindingness: number;
  /** Assurance a = v · b: how far a rival's signature can be trusted (A3). */
  assurance: number;
  /** Mean capability c̄ over all states. */
  meanCapability: number;
  /**
   * The strictness a signatory must plan for, σ_eff = 1 − θ·(1 − σ). A
   * precise line binds where it is drawn (σ); an undefined one can be read
   * anywhere up to the strictest reading, since any later upgrade can be
   * cited against a signatory (A1).
   */
  effectiveStrictness: number;
}

export type NameKind = 'state' | 'declaration' | 'world' | 'derived' | 'interaction';

export interface NameInfo {
  readonly kind: NameKind;
  /** The inputs whose change can change this name's value. */
  readonly inputs: readonly InputKey[];
  /** One line for help texts. */
  readonly meaning: string;
}

const DERIVED: Record<keyof DerivedQuantities | 'race', NameInfo> = {
  bindingness: { kind: 'derived', inputs: ['declaration.enforcement'], meaning: 'b = (1 + enforcement) / 2' },
  assurance: {
    kind: 'derived',
    inputs: ['declaration.verification', 'declaration.enforcement'],
    meaning: 'a = verification · b',
  },
  meanCapability: { kind: 'derived', inputs: ['state.capability'], meaning: 'mean capability over all states' },
  effectiveStrictness: {
    kind: 'derived',
    inputs: ['declaration.thresholdClarity', 'declaration.thresholdStrictness'],
    meaning: 'σ_eff = 1 − θ·(1 − σ)',
  },
  race: {
    kind: 'derived',
    inputs: ['world.raceIntensity', 'world.raceShock', 'state.raceExposure'],
    meaning: "the state's felt race ρ_i = min(1, ρ + μ · raceExposure_i)",
  },
};

/** World values a term may read (lambda and seed belong to the solvers, not to payoffs). */
export const WORLD_PAYOFF_KEYS = ['raceIntensity', 'raceShock'] as const;

/** Every name a term can read, besides a scenario's custom attributes. */
export const NAMES: ReadonlyMap<string, NameInfo> = new Map<string, NameInfo>([
  ...STATE_ATTRIBUTES.map((a) => [a, { kind: 'state', inputs: [`state.${a}`], meaning: `the state's ${a}` }] as const),
  ['bias', { kind: 'state', inputs: ['state.bias'], meaning: "the state's own propensity to sign" }],
  [
    'deference',
    {
      kind: 'state',
      inputs: ['state.deference'],
      meaning: 'how strongly the state follows its patron (0 without one)',
    },
  ],
  ...DECLARATION_KEYS.map(
    (k) => [k, { kind: 'declaration', inputs: [`declaration.${k}`], meaning: `the declaration's ${k}` }] as const,
  ),
  ...WORLD_PAYOFF_KEYS.map((k) => [k, { kind: 'world', inputs: [`world.${k}`], meaning: `the world's ${k}` }] as const),
  ...Object.entries(DERIVED),
  ['rivalShare', { kind: 'interaction', inputs: [], meaning: "weighted share of the state's rivals that sign" }],
  ['signShare', { kind: 'interaction', inputs: [], meaning: 'share of the other states that sign' }],
  ['patronSigns', { kind: 'interaction', inputs: [], meaning: '1 if the patron signs, else 0' }],
]);

/** What a name depends on, counting a scenario's custom attributes; undefined for an unknown name. */
export function nameInfo(name: string, customAttributes: ReadonlySet<string> = new Set()): NameInfo | undefined {
  if (customAttributes.has(name))
    return { kind: 'state', inputs: [`state.${name}`], meaning: `the custom attribute ${name}` };
  return NAMES.get(name);
}

/** The inputs a list of names depends on. Throws a RangeError for an unknown name. */
export function inputsOf(names: Iterable<string>, customAttributes: ReadonlySet<string> = new Set()): Set<InputKey> {
  const keys = new Set<InputKey>();
  for (const name of names) {
    const info = nameInfo(name, customAttributes);
    if (!info) throw new RangeError(`unknown input name '${name}'`);
    for (const k of info.inputs) keys.add(k);
  }
  return keys;
}

/**
 * The inputs of every state as columns, plus the scalar inputs and the
 * derived quantities: what a term's kernel reads. Mutable: the incremental
 * compiler writes its inputs here and calls `refreshDerived`.
 */
export interface Columns {
  readonly n: number;
  /** State ids, for messages. */
  readonly ids: readonly string[];
  readonly attribute: Readonly<Record<StateAttribute, Float64Array>>;
  readonly bias: Float64Array;
  /** The patron's deference, 0 for a state without a patron. */
  readonly deference: Float64Array;
  /** Custom attributes (NaN where a state has no value). */
  readonly extra: ReadonlyMap<string, Float64Array>;
  readonly declaration: Declaration;
  readonly world: World;
  readonly derived: DerivedQuantities;
  /** The felt race ρ_i per state. */
  readonly race: Float64Array;
}

/** The felt race intensity ρ_i = min(1, ρ + μ · raceExposure_i) (U1, U5, M1). */
export function feltRace(world: Pick<World, 'raceIntensity' | 'raceShock'>, raceExposure: number): number {
  return Math.min(1, world.raceIntensity + world.raceShock * raceExposure);
}

/** Which per-state derived columns a refresh must redo (the scalars are always redone: they cost nothing). */
export interface DerivedRefresh {
  /** Capability changed: the mean capability. */
  meanCapability: boolean;
  /** Race intensity, race shock or a raceExposure changed: the felt race. */
  race: boolean;
}

const EVERYTHING: DerivedRefresh = { meanCapability: true, race: true };

/** Recomputes the derived quantities and the felt race from the columns' inputs, in place. */
export function refreshDerived(x: Columns, what: DerivedRefresh = EVERYTHING): void {
  const { declaration: d, derived, n } = x;
  derived.bindingness = (1 + d.enforcement) / 2;
  derived.assurance = d.verification * derived.bindingness;
  derived.effectiveStrictness = 1 - d.thresholdClarity * (1 - d.thresholdStrictness);
  if (what.meanCapability) {
    const cap = x.attribute.capability;
    let sum = 0;
    for (let i = 0; i < n; i++) sum = sum + cap[i];
    derived.meanCapability = n ? sum / n : 0;
  }
  if (what.race) {
    const exposure = x.attribute.raceExposure;
    for (let i = 0; i < n; i++) x.race[i] = feltRace(x.world, exposure[i]);
  }
}

/** The columns of a list of states at the given declaration and world (private copies of both). */
export function columnsOf(states: readonly StateInput[], declaration: Declaration, world: World): Columns {
  const n = states.length;
  const attribute = Object.fromEntries(
    STATE_ATTRIBUTES.map((a) => [a, Float64Array.from(states, (s) => s[a])]),
  ) as Record<StateAttribute, Float64Array>;
  const customNames = [...new Set(states.flatMap((s) => Object.keys(s.extra)))].sort();
  const extra = new Map(
    customNames.map(
      (name) => [name, Float64Array.from(states, (s) => (Object.hasOwn(s.extra, name) ? s.extra[name] : NaN))] as const,
    ),
  );
  const x: Columns = {
    n,
    ids: states.map((s) => s.id),
    attribute,
    bias: Float64Array.from(states, (s) => s.bias),
    deference: Float64Array.from(states, (s) => s.patron?.deference ?? 0),
    extra,
    declaration: { ...declaration },
    world: { ...world },
    derived: { bindingness: 0, assurance: 0, meanCapability: 0, effectiveStrictness: 0 },
    race: new Float64Array(n),
  };
  refreshDerived(x);
  return x;
}

/**
 * Where a non-interaction name's value lives in the columns: a per-state
 * column, or a function reading a scalar (declaration, world, derived) at
 * evaluation time. Undefined for an interaction or unknown name.
 */
export function nameSource(x: Columns, name: string): Float64Array | (() => number) | undefined {
  const column = x.extra.get(name);
  if (column) return column;
  const info = NAMES.get(name);
  switch (info?.kind) {
    case 'state':
      if (name === 'bias') return x.bias;
      if (name === 'deference') return x.deference;
      return x.attribute[name as StateAttribute];
    case 'declaration':
      return () => x.declaration[name as keyof Declaration];
    case 'world':
      return () => x.world[name as 'raceIntensity'];
    case 'derived':
      return name === 'race' ? x.race : () => x.derived[name as keyof DerivedQuantities];
    default:
      return undefined;
  }
}
