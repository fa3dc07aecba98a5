/**
 * The glossary: every technical word signatory prints, in two plain
 * sentences for a reader with no game theory, beside its technical name.
 * A payoff term's entry also names the propositions it encodes, each with
 * its one-line paraphrase and where it comes from. One data module feeds
 * `signatory glossary` and the terminal UI's help.
 */
import {
  ENTRIES_ZH_HANT,
  PARAMETER_LABELS_ZH_HANT,
  PROPOSITION_GROUPS_ZH_HANT,
  PROPOSITIONS_SOURCE_ZH_HANT,
  PROPOSITIONS_ZH_HANT,
  TERM_LABELS_ZH_HANT,
} from '../i18n/glossary-zh-hant.js';
import { currentLanguage, type Language } from '../i18n/language.js';
import { BUILTIN_TERMS } from '../model/terms.js';

/** Where the propositions come from (docs/propositions.md). */
export const PROPOSITIONS_SOURCE =
  'paraphrased from a commentary on the A Coruña REAIM summit (February 2026); all of them in docs/propositions.md';

/** The numbered propositions, one line each, as docs/propositions.md words them (a test keeps the two equal). */
export const PROPOSITIONS: Readonly<Record<string, string>> = {
  O1: '85 states attended; 35 signed; 50 did not.',
  O2: 'The United States did not sign.',
  O3: 'China did not sign.',
  A1: 'No autonomy threshold is defined, so any later upgrade of a fielded system can be questioned; the cost grows with how fast a state fields AI and how vague the line is.',
  A2: 'No closed chain of accountability (commander, operator, developer): militaries fear blame-shifting after an incident.',
  A3: "AI commitments are hard to verify, so a rival's signature offers little assurance; self-restraint holds in peace and yields in a crisis.",
  A4: 'Signing means rebuilding procurement, training and rules of engagement, reviewed at home by ministry and legislature (a two-level game).',
  A5: 'The first signers pay: a small state that signs while great powers wait raises its own security costs (strategic complementarity).',
  A6: 'With no indicators, no compliance mechanism and no monitor, the real gain is close to zero while political risk builds: states praise ethics in public and count costs in private.',
  U1: 'In a technology race it will not bind itself; fast iteration needs room for error, and even loose wording invites oversight.',
  U2: 'It prefers broad values in multilateral fora and binding standards inside clubs (NATO, Five Eyes, AUKUS), which keeps options open and presses others to pick sides.',
  U3: 'Gray-zone operations (cyber, electronic warfare, sensing interference, drone swarms) sit near the threshold and could be recast as violations.',
  U4: 'Rivals can turn multilateral texts into weapons, forcing clarifications or withdrawal.',
  U5: 'While it leads, widening the lead comes first; rules come later, as a moat.',
  C1: 'It wants measurable, auditable, accountable governance, with a human control channel that cannot be bypassed.',
  C2: 'It fears rules becoming cover for discrimination by the technology leader: who carries heavier obligations, and who interprets?',
  C3: 'Without answers, signing slows its own development while the leader races on, which a large power with a complex periphery will not accept.',
  C4: 'The same choice as the United States for a different reason: freedom of action on one side, protection from weaponised rules on the other.',
  M1: "A prominent technology executive's public warning that the United States would fall behind China raised race anxiety, budget pressure and the pace of competition.",
  R1: 'Turn abstractions into enforceable clauses; build verification and certification by experts, international organisations and neutral third parties; trace responsibility and penalise breaches.',
};

/** Whose reasons a proposition gives, by its letter (the sections of docs/propositions.md). */
const PROPOSITION_GROUPS: Readonly<Record<string, string>> = {
  O: 'the outcome',
  A: 'all states',
  U: 'United States',
  C: 'China',
  M: 'race narrative',
  R: 'recommended design',
};

export interface GlossaryEntry {
  /** What to type after `signatory glossary` (lower case, no blanks). */
  id: string;
  /** The word as the screens and reports print it. */
  term: string;
  /** The technical name, where the plain one differs. */
  technical?: string;
  /** A payoff term's formula (docs/model.md). */
  formula?: string;
  /** Two plain sentences. */
  plain: string;
  /** A payoff term's propositions (docs/propositions.md). */
  propositions?: readonly string[];
  /** Literature the idea comes from, where it has one. */
  source?: string;
  /** Other ids and words it is found by. */
  aliases?: readonly string[];
}

/** The plain words for each built-in payoff term, by id (a test checks every term has one). */
const TERM_PLAIN: Readonly<Record<string, string>> = {
  reputation:
    'Signing makes a state look responsible, and states that care about that gain from it. It is the one reason to sign that does not depend on what the others do.',
  momentum:
    'The more states have signed, the more it pays to join them, for states sensitive to what is expected of them. This is what makes signatures spread in waves.',
  alignment:
    'A state that defers to a patron (an ally it follows) gains by doing what the patron does. If the patron signs, it is pulled in; if the patron stays out, it is held back.',
  humanControl:
    'A guaranteed channel for human control over weapons is worth something to states that value it. The clearer the text makes that channel, the more those states gain by signing.',
  adoption:
    'Signing means changing procurement, training and rules of engagement, and getting that approved at home. The cost is larger for big states with heavy ratification and grows with how strict and binding the text is.',
  restraint:
    'A state fast at putting AI into its forces gives up room in the race by signing. The cost shrinks when its rivals sign too, but only as far as their signatures can be checked.',
  exposure:
    'A threatened state that signs first, while others wait, takes a security risk. The risk falls as its rivals sign, as far as their signatures can be checked.',
  ambiguity:
    'When the text does not say where autonomy becomes unacceptable, any later upgrade of a fielded system can be questioned. The vaguer the line, the more a cautious, fast-moving state stands to lose.',
  blame:
    'Without a clear chain of who answers for an incident (commander, operator, developer), a military fears being blamed unfairly. The cost is largest for capable, fast-moving states and vanishes when the text settles accountability.',
  grayZone:
    'Operations just below open conflict (cyber, electronic warfare, drone swarms) could be recast as violations of the text. States that rely on them lose by signing, unless the text draws a clear line that leaves such operations outside it.',
  weaponization:
    'A state may fear that the rules will be interpreted against it by the technology leader. Neutral interpretation and obligations differentiated by capacity reduce that fear.',
  club: 'Some states prefer to set binding rules inside their own alliances (a club) rather than in a broad declaration. Signing costs them that option unless the text fits alongside their club rules.',
};

const CONCEPTS: readonly GlossaryEntry[] = [
  {
    id: 'delta',
    term: 'Δ',
    technical: 'net gain of signing, Δ_i',
    formula: 'Δ_i(s) = w0 + bias_i + Σ_k w_k · f_k(i, s)',
    plain:
      'How much a state gains by signing rather than abstaining, given what the others do: the sum of every reason for and against. A state signs when its Δ is above zero, and the further from zero, the firmer its choice.',
    aliases: ['net-gain', 'net gain', 'Δ'],
  },
  {
    id: 'least',
    term: 'least equilibrium',
    technical: 'least pure Nash equilibrium',
    plain:
      'The outcome reached when nobody has signed and states join one wave at a time, each when signing starts to pay for it. It is the smallest group of signers in which no state wants to change its choice, and the tally signatory reports first.',
    aliases: ['least-equilibrium', 'least equilibrium'],
  },
  {
    id: 'greatest',
    term: 'greatest equilibrium',
    technical: 'greatest pure Nash equilibrium',
    plain:
      'The outcome reached when everybody starts as a signer and states drop out one wave at a time, each when signing stops paying. It is the largest group of signers in which no state wants to change its choice; every other stable outcome lies between the least and the greatest.',
    aliases: ['greatest-equilibrium', 'greatest equilibrium'],
  },
  {
    id: 'equilibrium',
    term: 'equilibrium',
    technical: 'pure Nash equilibrium',
    plain:
      'A split of signers and abstainers in which no state would change its own choice, given everyone else’s. There can be several, and signatory reports the smallest and the largest.',
    aliases: ['nash', 'nash equilibrium'],
  },
  {
    id: 'qre',
    term: 'expected signers if choices are noisy',
    technical: 'QRE (quantal response equilibrium)',
    plain:
      'Real decisions are not perfectly predictable, so each state signs with a probability that rises with its Δ rather than flipping at zero. The expected number of signers and its 90% interval are worked out from those probabilities.',
    source: 'McKelvey and Palfrey (1995), quantal response equilibria',
    aliases: ['quantal response', 'expected signers'],
  },
  {
    id: 'lambda',
    term: 'λ (precision)',
    technical: 'logit precision λ of the QRE',
    plain:
      'How predictable the noisy choices are. A large λ means states almost always do what pays (as in the equilibria); a small λ means their choices are closer to a coin toss.',
    aliases: ['λ', 'precision'],
  },
  {
    id: 'p-majority',
    term: 'P(≥ k)',
    technical: 'probability of at least k signers (Poisson-binomial tally)',
    plain:
      'The chance that at least k states sign when choices are noisy, where k is a majority of those present (43 of 85 at A Coruña). It adds up every way the noisy choices could fall.',
    aliases: ['p(>=k)', 'p(≥ k)', 'majority', 'pmajority', 'p_majority'],
  },
  {
    id: 'interval',
    term: '90% interval',
    technical: '5th to 95th percentile of the tally distribution',
    plain:
      'The range the number of signers falls in nine times out of ten when choices are noisy. A wide interval means the outcome is uncertain even with the text fixed.',
    aliases: ['90% interval', 'interval90'],
  },
  {
    id: 'cascade',
    term: 'cascade',
    technical: 'best-response dynamics from no signatures (threshold model)',
    plain:
      'The least equilibrium shown round by round: first the states for which signing pays even alone, then those that sign once enough others have. It shows who tipped whom, like a wave of people standing up in a stadium.',
    source: 'Granovetter (1978), threshold models; Finnemore and Sikkink (1998), norm cascades',
    aliases: ['rounds', 'tipping'],
  },
  {
    id: 'supermodular',
    term: 'supermodular',
    technical: 'supermodular game (strategic complements)',
    plain:
      'A game in which each signature makes signing more attractive for the others, never less. In such a game the least and greatest equilibria exist and every other stable outcome lies between them.',
    source: 'Topkis (1979); Milgrom and Roberts (1990)',
    aliases: ['strategic complements', 'complements'],
  },
  {
    id: 'bias',
    term: 'bias',
    technical: "state's own bias, bias_i",
    plain:
      'A fixed push for or against signing that belongs to one state and is not explained by any listed reason. A scenario sets it (0 for every state in the baseline) to stand for what the listed reasons leave out about that state.',
  },
  {
    id: 'intercept',
    term: 'intercept',
    technical: 'shared intercept w0',
    plain:
      'A fixed push for or against signing that is the same for every state. It stands for everything common to all states that the listed reasons leave out.',
    aliases: ['w0', 'baseline'],
  },
  {
    id: 'flip',
    term: 'what would flip it',
    technical: 'parameter flip threshold',
    plain:
      'The value of one setting of the text or the world at which a state would change its choice, everything else unchanged. When no value does, signatory says so.',
    aliases: ['flips', 'threshold'],
  },
  {
    id: 'payoff-term',
    term: 'payoff term',
    technical: 'w_k · f_k(i, s)',
    plain:
      "One reason for or against signing, worked out for each state from its situation, the text and what the others do. Each one encodes a step of the commentary's argument, and Δ is their sum.",
    aliases: ['term', 'terms', 'weight'],
  },
];

function termEntries(): GlossaryEntry[] {
  return BUILTIN_TERMS.map((t) => ({
    id: t.id.toLowerCase(),
    term: t.label,
    technical: `payoff term ${t.id}`,
    formula: t.formula,
    plain: TERM_PLAIN[t.id] ?? '',
    propositions: t.propositions,
    ...(t.source ? { source: t.source } : {}),
    aliases: [t.id],
  }));
}

/** Every entry: the concepts first, then the payoff terms. */
export const GLOSSARY: readonly GlossaryEntry[] = [...CONCEPTS, ...termEntries()];

function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words an entry is found by: its id, its word and other names, in English and in every translation. */
function entryWords(e: GlossaryEntry): string[] {
  const zh = ENTRIES_ZH_HANT[e.id];
  return [e.id, e.term, ...(e.aliases ?? []), ...(zh ? [zh.term] : [])];
}

/** The entry a word names (its id, term or an alias, in any case, or its Chinese word), or undefined. */
export function findEntry(word: string): GlossaryEntry | undefined {
  const key = fold(word);
  return GLOSSARY.find((e) => entryWords(e).some((w) => fold(w) === key));
}

/** Every word an entry is found by, for "did you mean". */
export function glossaryWords(): string[] {
  return GLOSSARY.flatMap((e) => [
    e.id,
    ...(e.aliases ?? []),
    ...(ENTRIES_ZH_HANT[e.id] ? [ENTRIES_ZH_HANT[e.id].term] : []),
  ]);
}

/** An entry in a language: its word, technical name and sentences translated; formula, propositions and source as they are. */
export function localEntry(e: GlossaryEntry, language: Language = currentLanguage()): GlossaryEntry {
  if (language === 'en') return e;
  const zh = ENTRIES_ZH_HANT[e.id];
  if (!zh) return e;
  const technical = zh.technical ?? (e.propositions ? `報酬項 ${e.aliases?.[0] ?? e.id}` : e.technical);
  return { ...e, term: zh.term, plain: zh.plain, ...(technical !== undefined ? { technical } : {}) };
}

/** A proposition with whose reasons it gives and its paraphrase: `A5 [all states] The first signers pay: …`. */
export function propositionLine(id: string, language: Language = currentLanguage()): string {
  if (language !== 'en') {
    const text = PROPOSITIONS_ZH_HANT[id];
    return text ? `${id}［${PROPOSITION_GROUPS_ZH_HANT[id[0]]}］${text}` : id;
  }
  const text = PROPOSITIONS[id];
  return text ? `${id} [${PROPOSITION_GROUPS[id[0]]}] ${text}` : id;
}

/** Where the propositions come from, in a language. */
export function propositionsSource(language: Language = currentLanguage()): string {
  return language === 'en' ? PROPOSITIONS_SOURCE : PROPOSITIONS_SOURCE_ZH_HANT;
}

/** A payoff term's label in a language (the English label as the model gives it, else its translation). */
export function termLabel(id: string, english: string, language: Language = currentLanguage()): string {
  return language === 'en' ? english : (TERM_LABELS_ZH_HANT[id] ?? english);
}

/** A setting's label in a language, by its path (`declaration.verification`) or key. */
export function parameterLabel(path: string, english: string, language: Language = currentLanguage()): string {
  return language === 'en' ? english : (PARAMETER_LABELS_ZH_HANT[path.split('.').pop() ?? path] ?? english);
}
