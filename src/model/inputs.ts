/**
 * The inputs of the signing game: the declaration's design parameters, the
 * state of the world, and each state's attributes (docs/model.md, "The payoff terms").
 * Pure data and metadata; no I/O.
 */

/** Direction in which a parameter moves every state's net gain Δ (monotone comparative statics). */
export type Monotonicity = 'raises' | 'lowers' | 'two-sided' | 'none';

export interface ParameterInfo {
  /** Key in the scenario file (`declaration.<key>` or `world.<key>`). */
  readonly key: string;
  readonly label: string;
  /** What 0 and 1 mean, for help texts and the UI. */
  readonly meaning: string;
  /** Propositions (docs/propositions.md) the parameter speaks to. */
  readonly propositions: readonly string[];
  readonly monotonicity: Monotonicity;
  /** Inclusive bounds; every declaration parameter lives in [0,1]. */
  readonly min: number;
  readonly max: number;
}

export interface World {
  raceIntensity: number;
  raceShock: number;
  /** Logit precision of the quantal response equilibrium (≥ 0). */
  lambda: number;
  /** Master seed for every random stream derived from this scenario. */
  seed: number;
}

/**
 * The declaration's design parameters. Adding one here (and giving it a
 * value in the scenario files) is all the model needs: terms name the keys
 * they read, and the compilers, sweeps and seek derive from this list.
 */
export const DECLARATION_PARAMETERS = [
  {
    key: 'verification',
    label: 'Verification',
    meaning: '0 self-attestation · 1 independent, intrusive verification',
    propositions: ['A3', 'C1', 'R1'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
  {
    key: 'thresholdClarity',
    label: 'Threshold clarity',
    meaning: '0 undefined autonomy red line · 1 precisely defined',
    propositions: ['A1', 'R1'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
  {
    key: 'thresholdStrictness',
    label: 'Threshold strictness',
    meaning:
      '0 only fully autonomous lethal engagement · 0.5 autonomous attack timing · 1 automatic target recognition itself',
    propositions: ['A1'],
    monotonicity: 'lowers',
    min: 0,
    max: 1,
  },
  {
    key: 'accountability',
    label: 'Accountability',
    meaning: '0 no chain of responsibility · 1 closed commander/operator/developer chain',
    propositions: ['A2', 'R1'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
  {
    key: 'enforcement',
    label: 'Enforcement',
    meaning: '0 no penalties · 1 compliance mechanism with penalties for breach',
    propositions: ['A6', 'R1'],
    monotonicity: 'two-sided',
    min: 0,
    max: 1,
  },
  {
    key: 'differentiation',
    label: 'Differentiation',
    meaning: '0 equal obligations · 1 technology leaders carry heavier obligations',
    propositions: ['C2'],
    monotonicity: 'two-sided',
    min: 0,
    max: 1,
  },
  {
    key: 'neutralInterpretation',
    label: 'Neutral interpretation',
    meaning: '0 leaders interpret and certify · 1 neutral third parties do',
    propositions: ['C2', 'R1'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
  {
    key: 'humanControl',
    label: 'Human control',
    meaning: '0 no guarantee · 1 non-bypassable human intervention channel',
    propositions: ['C1', 'R1'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
  {
    key: 'clubCompatibility',
    label: 'Club compatibility',
    meaning: '0 rival to club standards · 1 compatible with the standards of existing clubs',
    propositions: ['U2'],
    monotonicity: 'raises',
    min: 0,
    max: 1,
  },
] as const satisfies readonly ParameterInfo[];

export type DeclarationKey = (typeof DECLARATION_PARAMETERS)[number]['key'];
/** The declaration's parameter values, by key, each in [0, 1]. */
export type Declaration = Record<DeclarationKey, number>;

export const WORLD_PARAMETERS: readonly ParameterInfo[] = [
  {
    key: 'raceIntensity',
    label: 'Race intensity',
    meaning: '0 no technology race · 1 all-out sprint',
    propositions: ['U1', 'U5'],
    monotonicity: 'lowers',
    min: 0,
    max: 1,
  },
  {
    key: 'raceShock',
    label: 'Race narrative',
    meaning: '0 none · 1 a loud public race narrative, felt in proportion to raceExposure',
    propositions: ['M1'],
    monotonicity: 'lowers',
    min: 0,
    max: 1,
  },
  {
    key: 'lambda',
    label: 'Logit precision λ',
    meaning: '0 random choice · large: near best response',
    propositions: [],
    monotonicity: 'none',
    min: 0,
    max: 1000,
  },
];

export const DECLARATION_KEYS: readonly DeclarationKey[] = DECLARATION_PARAMETERS.map((p) => p.key);
export const WORLD_KEYS = ['raceIntensity', 'raceShock', 'lambda', 'seed'] as const;

/** Numeric state attributes of the model (docs/model.md), all in [0,1]. */
export const STATE_ATTRIBUTES = [
  'capability',
  'pace',
  'size',
  'threat',
  'ratification',
  'grayZone',
  'treatyCaution',
  'weaponizationFear',
  'clubOption',
  'humanControlValue',
  'normSensitivity',
  'raceExposure',
] as const;
export type StateAttribute = (typeof STATE_ATTRIBUTES)[number];

export const STATE_ATTRIBUTE_INFO: Record<StateAttribute, string> = {
  capability: 'military-AI capability',
  pace: 'speed of fielding AI (upgrades that could be questioned)',
  size: 'institutional weight (normalised log military spending)',
  threat: 'geopolitical pressure, limited strategic depth',
  ratification: 'domestic review burden of signing',
  grayZone: 'reliance on gray-zone operations near the conflict threshold',
  treatyCaution: 'fear that texts are turned into weapons by rivals',
  weaponizationFear: 'fear that rules become cover for technological discrimination',
  clubOption: 'value of club governance outside the text',
  humanControlValue: 'value placed on a guaranteed human control channel',
  normSensitivity: 'weight on being seen as responsible',
  raceExposure: 'how strongly a public race narrative reaches the state',
};

export interface Patron {
  id: string;
  /** How strongly the state follows its patron's decision, in [0,1]. */
  deference: number;
}

export type StateAttributes = Record<StateAttribute, number>;

export interface StateInput extends StateAttributes {
  /** ISO 3166-1 alpha-3 code for a real country; any unique id otherwise. */
  id: string;
  name: string;
  /** Idiosyncratic propensity to sign, any real number; default 0. */
  bias: number;
  /** Rival ids with weights (≥ 0 for strategic complements). */
  rivals: Record<string, number>;
  patron?: Patron;
  blocs: string[];
  /** Values of scenario-declared custom attributes. */
  extra: Record<string, number>;
}

/** Term weights by term id, plus the intercept w0. */
export type Weights = Record<string, number> & { intercept: number };

export type FixedAction = 'sign' | 'abstain';
