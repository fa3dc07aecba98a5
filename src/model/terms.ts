/**
 * The payoff terms of the signing game (DESIGN.md §1). Each term is one small
 * pure function of a state's attributes, the declaration and the world, and
 * is linear in the others' actions. It returns that linear form:
 *
 *   f_k(i, s) = constant + momentum · S_i(s) + rivals · R_i(s) + patron · s_patron(i)
 *
 * where S_i is the share of the other states that sign, R_i the weighted
 * share of i's rivals that sign and s_patron the patron's action. The weight
 * w_k ≥ 0 multiplies the whole term; the sign of the effect lives in f_k.
 */
import type { Declaration, StateInput, World } from './inputs.js';

/** The linear form of one term for one state. */
export interface LinearPart {
  constant: number;
  momentum: number;
  rivals: number;
  patron: number;
}

/** Quantities shared by every state at given parameter values. */
export interface DerivedQuantities {
  /** Bindingness b = (1 + e) / 2: an unenforced text binds only half (A6). */
  bindingness: number;
  /** Assurance a = v · b: how far a rival's signature can be trusted (A3). */
  assurance: number;
  /** Mean capability c̄ over all states. */
  meanCapability: number;
}

export interface TermContext {
  state: StateInput;
  declaration: Declaration;
  world: World;
  derived: DerivedQuantities;
  /** The state's felt race intensity ρ_i = min(1, ρ + μ · raceExposure_i). */
  race: number;
}

export interface Term {
  readonly id: string;
  readonly label: string;
  /** Propositions (docs/propositions.md) that the term encodes. */
  readonly propositions: readonly string[];
  /** Literature the functional form comes from, where it has one. */
  readonly source?: string;
  /** One-line formula for help texts and docs. */
  readonly formula: string;
  linear(ctx: TermContext): LinearPart;
}

const constant = (c: number): LinearPart => ({ constant: c, momentum: 0, rivals: 0, patron: 0 });

/** Relief from rivals' signatures: a cost K·(1 − a·R) is −K + K·a·R. */
const relievedCost = (cost: number, assurance: number): LinearPart => ({
  constant: -cost,
  momentum: 0,
  rivals: cost * assurance,
  patron: 0,
});

export const reputation: Term = {
  id: 'reputation',
  label: 'Reputation as a responsible state',
  propositions: ['A6'],
  formula: '+ normSensitivity',
  linear: ({ state }) => constant(state.normSensitivity),
};

export const momentum: Term = {
  id: 'momentum',
  label: 'Norm momentum (others signing)',
  propositions: ['A5', 'A6'],
  source: 'Finnemore & Sikkink (1998), norm cascades; Granovetter (1978), threshold models',
  formula: '+ normSensitivity · S_i(s)',
  linear: ({ state }) => ({ constant: 0, momentum: state.normSensitivity, rivals: 0, patron: 0 }),
};

export const alignment: Term = {
  id: 'alignment',
  label: 'Following the patron',
  propositions: ['U2'],
  formula: '+ deference · (2·s_patron − 1)',
  linear: ({ state }) => {
    const d = state.patron?.deference ?? 0;
    return { constant: -d, momentum: 0, rivals: 0, patron: 2 * d };
  },
};

export const humanControl: Term = {
  id: 'humanControl',
  label: 'Guaranteed human control',
  propositions: ['C1'],
  formula: '+ humanControlValue · h',
  linear: ({ state, declaration }) => constant(state.humanControlValue * declaration.humanControl),
};

export const adoption: Term = {
  id: 'adoption',
  label: 'Institutional rebuilding',
  propositions: ['A4'],
  source: 'Putnam (1988), two-level games',
  formula: '− size · ratification · (σ + e)/2',
  linear: ({ state, declaration }) =>
    constant(-state.size * state.ratification * (declaration.thresholdStrictness + declaration.enforcement) / 2),
};

/**
 * The strictness a signatory must plan for. A precise line binds where it
 * is drawn (σ); an undefined one can be read anywhere up to the strictest
 * reading, since any future upgrade can be cited against a signatory (A1):
 * σ_eff = θ·σ + (1 − θ)·1 = 1 − θ·(1 − σ). The grayZone term reads a vague
 * line the same way.
 */
export function effectiveStrictness(declaration: Declaration): number {
  return 1 - declaration.thresholdClarity * (1 - declaration.thresholdStrictness);
}

export const restraint: Term = {
  id: 'restraint',
  label: 'Unilateral restraint in the race',
  propositions: ['U1', 'U5', 'C3', 'A5', 'A3', 'A1', 'M1'],
  source: 'Jervis (1978), cooperation under the security dilemma',
  formula: '− capability · pace · ρ_i · σ_eff · b · (1 + d·(capability − c̄)) · (1 − a·R_i(s)),  σ_eff = 1 − θ·(1 − σ)',
  linear: ({ state, declaration, derived, race }) => {
    const burden = 1 + declaration.differentiation * (state.capability - derived.meanCapability);
    const cost = state.capability * state.pace * race * effectiveStrictness(declaration) * derived.bindingness * burden;
    return relievedCost(cost, derived.assurance);
  },
};

export const exposure: Term = {
  id: 'exposure',
  label: 'First-mover security exposure',
  propositions: ['A5'],
  formula: '− threat · b · (1 − a·R_i(s))',
  linear: ({ state, derived }) => relievedCost(state.threat * derived.bindingness, derived.assurance),
};

export const ambiguity: Term = {
  id: 'ambiguity',
  label: 'Undefined autonomy threshold',
  // U1: for a state that fields fast, even loose wording invites hearings and oversight.
  propositions: ['A1', 'U1', 'U4'],
  formula: '− pace · treatyCaution · (1 − θ)',
  linear: ({ state, declaration }) => constant(-state.pace * state.treatyCaution * (1 - declaration.thresholdClarity)),
};

export const blame: Term = {
  id: 'blame',
  label: 'Open accountability chain',
  propositions: ['A2'],
  formula: '− capability · pace · (1 − α)',
  linear: ({ state, declaration }) => constant(-state.capability * state.pace * (1 - declaration.accountability)),
};

export const grayZone: Term = {
  id: 'grayZone',
  label: 'Gray-zone operations at risk',
  propositions: ['U3', 'A1'],
  formula: '− grayZone · (1 − θ·(1 − σ))',
  linear: ({ state, declaration }) => constant(-state.grayZone * effectiveStrictness(declaration)),
};

export const weaponization: Term = {
  id: 'weaponization',
  label: 'Rules as a weapon',
  propositions: ['C2', 'C4'],
  formula: '− weaponizationFear · (1 − n) · (1 − d)',
  linear: ({ state, declaration }) =>
    constant(-state.weaponizationFear * (1 - declaration.neutralInterpretation) * (1 - declaration.differentiation)),
};

export const club: Term = {
  id: 'club',
  label: 'Club governance outside the text',
  propositions: ['U2'],
  formula: '− clubOption · (1 − clubCompatibility)',
  linear: ({ state, declaration }) => constant(-state.clubOption * (1 - declaration.clubCompatibility)),
};

/** The built-in terms, in the order explanations list them. */
export const BUILTIN_TERMS: readonly Term[] = [
  reputation,
  momentum,
  alignment,
  humanControl,
  adoption,
  restraint,
  exposure,
  ambiguity,
  blame,
  grayZone,
  weaponization,
  club,
];

export const BUILTIN_TERM_IDS: readonly string[] = BUILTIN_TERMS.map((t) => t.id);
