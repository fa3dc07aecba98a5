/**
 * The payoff terms of the signing game (docs/model.md, "The payoff terms"). A
 * term is defined once, here: what it reads, which linear parts it has, and
 * the kernel that computes them for every state. Each term is linear in the
 * others' actions:
 *
 *   f_k(i, s) = constant + momentum · S_i(s) + rivals · R_i(s) + patron · s_patron(i)
 *
 * where S_i is the share of the other states that sign, R_i the weighted
 * share of i's rivals that sign and s_patron the patron's action. The weight
 * w_k multiplies the whole term; the sign of the effect lives in f_k.
 *
 * Everything else derives from these definitions: `compileScenario`, the
 * incremental compiler of sweeps and seek (which terms to recompute when an
 * input moves), explanations, the subgame and calibration. Adding a term
 * means adding one definition to BUILTIN_TERMS (and its weight to the
 * scenarios that should use it: a missing weight is 0).
 */
import type { Columns } from './names.js';

/** The four linear parts of a term. */
export const PART_NAMES = ['constant', 'momentum', 'rivals', 'patron'] as const;
export type PartName = (typeof PART_NAMES)[number];

/** One term's unweighted parts for every state. */
export type Parts = Record<PartName, Float64Array>;

/** The linear form of one term for one state. */
export type LinearPart = Record<PartName, number>;

export interface Term {
  readonly id: string;
  readonly label: string;
  /** Propositions (docs/propositions.md) that the term encodes. */
  readonly propositions: readonly string[];
  /** Literature the functional form comes from, where it has one. */
  readonly source?: string;
  /** One-line formula for help texts and docs. */
  readonly formula: string;
  /** The names (src/model/names.ts) the kernel reads: an input not listed here never changes the term. */
  readonly reads: readonly string[];
  /** The parts the kernel writes; the others are 0. */
  readonly parts: readonly PartName[];
  /**
   * 'restraint': the term is the restraint a signature commits a state to,
   * a cost relieved by its rivals' credible signatures (constant −K_i,
   * rivals K_i·a). The two-player subgame reads a rival's K_j·a from it.
   */
  readonly role?: 'restraint';
  /**
   * True when the rival part is the constant's cost relieved by assurance:
   * constant −K_i, rivals K_i·a (a the derived `assurance`). A change that
   * reaches the term only through `assurance` then recomputes the rival
   * part from the kept constant, −constant·a, the same product the kernel
   * forms.
   */
  readonly relief?: true;
  /**
   * Writes the unweighted parts for every state into the arrays of `out` (only the parts in
   * `parts`); the arrays stay the compiler's, which reads them in place.
   */
  kernel(x: Columns, out: Readonly<Parts>): void;
}

export const reputation: Term = {
  id: 'reputation',
  label: 'Reputation as a responsible state',
  propositions: ['A6'],
  formula: '+ normSensitivity',
  reads: ['normSensitivity'],
  parts: ['constant'],
  kernel: (x, out) => out.constant.set(x.attribute.normSensitivity),
};

export const momentum: Term = {
  id: 'momentum',
  label: 'Norm momentum (others signing)',
  propositions: ['A5', 'A6'],
  source: 'Finnemore & Sikkink (1998), norm cascades; Granovetter (1978), threshold models',
  formula: '+ normSensitivity · S_i(s)',
  reads: ['normSensitivity'],
  parts: ['momentum'],
  kernel: (x, out) => out.momentum.set(x.attribute.normSensitivity),
};

export const alignment: Term = {
  id: 'alignment',
  label: 'Following the patron',
  propositions: ['U2'],
  formula: '+ deference · (2·s_patron − 1)',
  reads: ['deference'],
  parts: ['constant', 'patron'],
  kernel: (x, out) => {
    const d = x.deference;
    for (let i = 0; i < x.n; i++) {
      out.constant[i] = -d[i];
      out.patron[i] = 2 * d[i];
    }
  },
};

export const humanControl: Term = {
  id: 'humanControl',
  label: 'Guaranteed human control',
  propositions: ['C1'],
  formula: '+ humanControlValue · h',
  reads: ['humanControlValue', 'humanControl'],
  parts: ['constant'],
  kernel: (x, out) => {
    const value = x.attribute.humanControlValue;
    const h = x.declaration.humanControl;
    for (let i = 0; i < x.n; i++) out.constant[i] = value[i] * h;
  },
};

export const adoption: Term = {
  id: 'adoption',
  label: 'Institutional rebuilding',
  propositions: ['A4'],
  source: 'Putnam (1988), two-level games',
  formula: '− size · ratification · (σ + e)/2',
  reads: ['size', 'ratification', 'thresholdStrictness', 'enforcement'],
  parts: ['constant'],
  kernel: (x, out) => {
    const { size, ratification } = x.attribute;
    const load = x.declaration.thresholdStrictness + x.declaration.enforcement;
    for (let i = 0; i < x.n; i++) out.constant[i] = (-size[i] * ratification[i] * load) / 2;
  },
};

export const restraint: Term = {
  id: 'restraint',
  label: 'Unilateral restraint in the race',
  propositions: ['U1', 'U5', 'C3', 'A5', 'A3', 'A1', 'M1'],
  source: 'Jervis (1978), cooperation under the security dilemma',
  formula: '− capability · pace · ρ_i · σ_eff · b · (1 + d·(capability − c̄)) · (1 − a·R_i(s)),  σ_eff = 1 − θ·(1 − σ)',
  reads: [
    'capability',
    'pace',
    'race',
    'effectiveStrictness',
    'bindingness',
    'differentiation',
    'meanCapability',
    'assurance',
  ],
  parts: ['constant', 'rivals'],
  role: 'restraint',
  relief: true,
  kernel: (x, out) => {
    const { capability, pace } = x.attribute;
    const { effectiveStrictness, bindingness, meanCapability, assurance } = x.derived;
    const { race, n } = x;
    const d = x.declaration.differentiation;
    for (let i = 0; i < n; i++) {
      const burden = 1 + d * (capability[i] - meanCapability);
      const cost = capability[i] * pace[i] * race[i] * effectiveStrictness * bindingness * burden;
      out.constant[i] = -cost;
      out.rivals[i] = cost * assurance;
    }
  },
};

export const exposure: Term = {
  id: 'exposure',
  label: 'First-mover security exposure',
  propositions: ['A5'],
  formula: '− threat · b · (1 − a·R_i(s))',
  reads: ['threat', 'bindingness', 'assurance'],
  parts: ['constant', 'rivals'],
  relief: true,
  kernel: (x, out) => {
    const threat = x.attribute.threat;
    const { bindingness, assurance } = x.derived;
    for (let i = 0; i < x.n; i++) {
      const cost = threat[i] * bindingness;
      out.constant[i] = -cost;
      out.rivals[i] = cost * assurance;
    }
  },
};

export const ambiguity: Term = {
  id: 'ambiguity',
  label: 'Undefined autonomy threshold',
  // U1: for a state that fields fast, even loose wording invites hearings and oversight.
  propositions: ['A1', 'U1', 'U4'],
  formula: '− pace · treatyCaution · (1 − θ)',
  reads: ['pace', 'treatyCaution', 'thresholdClarity'],
  parts: ['constant'],
  kernel: (x, out) => {
    const { pace, treatyCaution } = x.attribute;
    const vague = 1 - x.declaration.thresholdClarity;
    for (let i = 0; i < x.n; i++) out.constant[i] = -pace[i] * treatyCaution[i] * vague;
  },
};

export const blame: Term = {
  id: 'blame',
  label: 'Open accountability chain',
  propositions: ['A2'],
  formula: '− capability · pace · (1 − α)',
  reads: ['capability', 'pace', 'accountability'],
  parts: ['constant'],
  kernel: (x, out) => {
    const { capability, pace } = x.attribute;
    const open = 1 - x.declaration.accountability;
    for (let i = 0; i < x.n; i++) out.constant[i] = -capability[i] * pace[i] * open;
  },
};

export const grayZone: Term = {
  id: 'grayZone',
  label: 'Gray-zone operations at risk',
  propositions: ['U3', 'A1'],
  formula: '− grayZone · (1 − θ·(1 − σ))',
  reads: ['grayZone', 'effectiveStrictness'],
  parts: ['constant'],
  kernel: (x, out) => {
    const gray = x.attribute.grayZone;
    const exposed = x.derived.effectiveStrictness;
    for (let i = 0; i < x.n; i++) out.constant[i] = -gray[i] * exposed;
  },
};

export const weaponization: Term = {
  id: 'weaponization',
  label: 'Rules as a weapon',
  propositions: ['C2', 'C4'],
  formula: '− weaponizationFear · (1 − n) · (1 − d)',
  reads: ['weaponizationFear', 'neutralInterpretation', 'differentiation'],
  parts: ['constant'],
  kernel: (x, out) => {
    const fear = x.attribute.weaponizationFear;
    const open = 1 - x.declaration.neutralInterpretation;
    const equal = 1 - x.declaration.differentiation;
    for (let i = 0; i < x.n; i++) out.constant[i] = -fear[i] * open * equal;
  },
};

export const club: Term = {
  id: 'club',
  label: 'Club governance outside the text',
  propositions: ['U2'],
  formula: '− clubOption · (1 − clubCompatibility)',
  reads: ['clubOption', 'clubCompatibility'],
  parts: ['constant'],
  kernel: (x, out) => {
    const option = x.attribute.clubOption;
    const rival = 1 - x.declaration.clubCompatibility;
    for (let i = 0; i < x.n; i++) out.constant[i] = -option[i] * rival;
  },
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
