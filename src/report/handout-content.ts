/**
 * A handout's content as a list of blocks (headings, paragraphs, tables,
 * charts, definitions), the same for every format: handout-html.ts and
 * handout-md.ts only write the blocks out. Text here is plain, unescaped:
 * each writer escapes it for its format. Headings are in plain language with
 * the technical name beside them, in the glossary's words. Pure.
 */
import type { CascadeStep } from '../analysis/cascade.js';
import type { FlippedState, StateChange } from '../analysis/compare.js';
import type { Explanation } from '../analysis/explain.js';
import type { RunResult, StateOutcome } from '../analysis/run.js';
import { localEntry, parameterLabel, propositionLine, termLabel } from '../app/glossary.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { stateName } from '../i18n/state-names.js';
import { fixed, percent, signed } from './format.js';
import { word, type Handout } from './handout-data.js';
import { tallySvg, termsSvg } from './handout-svg.js';
import { TEXT_TIPPERS } from './cascade-text.js';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; technical?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  /** `blanks`: empty cells are boxes to write in (a worksheet). */
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: readonly boolean[]; blanks?: boolean }
  | { kind: 'chart'; svg: string }
  | { kind: 'definitions'; items: { term: string; technical?: string; text: string }[] };

const verdict = (signs: boolean): string => t(signs ? 'explain.signs' : 'explain.abstains');
const technical = (id: string): string => {
  const e = localEntry(word(id));
  return e.technical ?? e.term;
};
/** `sign` / `abstain` as held by a scenario: the word itself in English, the verdict in another language. */
const heldWord = (action: string): string =>
  currentLanguage() === 'en' || (action !== 'sign' && action !== 'abstain') ? action : verdict(action === 'sign');
/** A state's name in the reader's language. */
const nameOf = (s: { id: string; name: string }): string => stateName(s, currentLanguage());

function headerBlocks(h: Handout): Block[] {
  const { scenario } = h.run;
  const out: Block[] = [{ kind: 'heading', level: 1, text: scenario.name }];
  if (h.compare)
    out.push({ kind: 'paragraph', text: t('handout.comparedWith', { name: h.compare.run.scenario.name }) });
  for (const p of scenario.description.split(/\n\s*\n/).filter((x) => x.trim()))
    out.push({ kind: 'paragraph', text: p.trim().replace(/\s+/g, ' ') });
  if (scenario.date) out.push({ kind: 'note', text: t('handout.evaluatedAt', { date: scenario.date }) });
  const held = Object.entries(scenario.fixed);
  if (held.length)
    out.push({
      kind: 'note',
      text: t('handout.heldFixed', { list: held.map(([id, a]) => `${id} ${heldWord(a)}`).join(', ') }),
    });
  return out;
}

function tallyBlocks(h: Handout): Block[] {
  const { run } = h;
  const { equilibria, qre, tally, scenario } = run;
  const n = scenario.states.length;
  const out: Block[] = [{ kind: 'heading', level: 2, text: t('handout.howMany'), technical: t('handout.howManyTech') }];
  const rows: string[][] = [];
  const of = (k: number) => t('handout.of', { k, n });
  if (equilibria.method === 'monotone') {
    rows.push([t('handout.fromNobody', { technical: technical('least') }), of(equilibria.least.signed)]);
    rows.push([t('handout.fromEverybody', { technical: technical('greatest') }), of(equilibria.greatest.signed)]);
  } else {
    rows.push([t('handout.fromNobodyBR'), equilibria.least.found ? of(equilibria.least.signed) : t('handout.cycles')]);
    rows.push([
      t('handout.fromEverybodyBR'),
      equilibria.greatest.found ? of(equilibria.greatest.signed) : t('handout.cycles'),
    ]);
  }
  const converged = qre.least.converged && qre.greatest.converged;
  if (converged) {
    rows.push([t('handout.qre', { lambda: qre.lambda }), fixed(tally.mean, 1)]);
    rows.push([
      t('handout.interval', { technical: technical('interval') }),
      t('handout.range', { lo: tally.interval90[0], hi: tally.interval90[1] }),
    ]);
    rows.push([t('handout.majority', { k: h.majority }), percent(run.pMajority, 1)]);
  } else rows.push([t('handout.qre', { lambda: qre.lambda }), t('handout.notConverged')]);
  out.push({ kind: 'table', head: ['', t('handout.signers')], rows, numeric: [false, true] });
  if (equilibria.method !== 'monotone')
    out.push({ kind: 'note', text: t('run.note', { note: equilibria.note ?? '' }) });
  if (converged) {
    out.push({
      kind: 'chart',
      svg: tallySvg({
        pmf: tally.pmf,
        least: equilibria.least.signed,
        greatest: equilibria.greatest.signed,
        majority: h.majority,
        interval90: tally.interval90,
      }),
    });
    out.push({
      kind: 'note',
      text: t('handout.chartNote'),
    });
  }
  return out;
}

const stateLabel = (s: Pick<StateOutcome, 'id' | 'name'>): string => `${nameOf(s)} (${s.id})`;

function blocBlocks(h: Handout): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: t('handout.byGroup'), technical: t('handout.byGroupTech') }];
  out.push({
    kind: 'table',
    head: [
      t('handout.group'),
      t('compare.members'),
      t('handout.signLeast'),
      t('handout.signGreatest'),
      t('handout.expectedNoisy'),
    ],
    rows: h.blocs.map((b) => [
      b.bloc,
      String(b.members.length),
      String(b.signLeast),
      String(b.signGreatest),
      fixed(b.expected, 1),
    ]),
    numeric: [false, true, true, true, true],
  });
  out.push({ kind: 'note', text: t('handout.severalGroups') });
  const signers = h.run.states.filter((s) => s.signs);
  const abstainers = h.run.states.filter((s) => !s.signs);
  const names = (list: StateOutcome[]) =>
    list.length ? list.map((s) => `${stateLabel(s)}${s.fixed ? '*' : ''}`).join(', ') : t('handout.none');
  out.push({
    kind: 'heading',
    level: 3,
    text: t('handout.sign', { count: signers.length }),
    technical: technical('least'),
  });
  out.push({ kind: 'paragraph', text: names(signers) });
  out.push({
    kind: 'heading',
    level: 3,
    text: t('handout.abstain', { count: abstainers.length }),
    technical: technical('least'),
  });
  out.push({ kind: 'paragraph', text: names(abstainers) });
  if (h.run.states.some((s) => s.fixed)) out.push({ kind: 'note', text: t('handout.heldMark') });
  return out;
}

function flipVerdict(f: Explanation['flips'][number]): string {
  if (f.flips.length === 0) {
    const gap = f.closest
      ? t('handout.closest', { at: fixed(f.closest.at, 2), short: fixed(Math.abs(f.closest.delta), 3) })
      : '';
    return t('handout.noValueFlips', { verdict: verdict(f.current), gap });
  }
  return f.flips
    .map((x) => t('explain.above', { verdict: verdict(x.signsAbove), at: fixed(x.at, 3) }))
    .join(currentLanguage() === 'en' ? '; ' : '；');
}

function stateBlocks(e: Explanation): Block[] {
  const decision = e.fixed ? t('handout.isHeldAt', { action: heldWord(e.fixed) }) : verdict(e.signs);
  const name = nameOf(e);
  const out: Block[] = [
    {
      kind: 'heading',
      level: 2,
      text: t('handout.why', { name, id: e.id, decision }),
      technical: t('handout.whyTech'),
    },
    { kind: 'paragraph', text: t('handout.netGain', { name, delta: signed(e.delta, 3) }) },
    {
      kind: 'chart',
      svg: termsSvg(
        t('handout.termsChart', { id: e.id }),
        e.contributions.map((c) => ({ id: c.id, value: c.value })),
        e.delta,
      ),
    },
    {
      kind: 'table',
      head: [t('handout.reason'), t('handout.standsFor'), t('handout.propositions'), t('handout.addsTo')],
      rows: e.contributions.map((c) => [c.id, contributionLabel(e, c), c.propositions.join(' '), signed(c.value, 3)]),
      numeric: [false, false, false, true],
    },
  ];
  if (e.flips.length) {
    out.push({ kind: 'heading', level: 3, text: t('handout.whatFlips', { id: e.id }), technical: technical('flip') });
    out.push({
      kind: 'table',
      head: [t('handout.setting'), t('explain.now'), t('handout.asItChanges')],
      rows: e.flips.map((f) => [parameterLabel(f.parameter, f.label), fixed(f.value, 2), flipVerdict(f)]),
      numeric: [false, true, false],
    });
    if (!e.signs && !e.fixed && e.flips.every((f) => f.flips.length === 0))
      out.push({
        kind: 'note',
        text: t('handout.noSingle', { id: e.id }),
      });
  }
  return out;
}

function tipperCell(step: CascadeStep): string {
  const named = step.tippers
    .slice(0, TEXT_TIPPERS)
    .map((x) => t('handout.tipper', { id: x.id, value: signed(x.bilateral, 3), round: x.round }));
  const more =
    step.tippers.length > TEXT_TIPPERS ? [t('handout.more', { count: step.tippers.length - TEXT_TIPPERS })] : [];
  return [...named, ...more].join(', ') || t('handout.none');
}

function cascadeBlocks(h: Handout): Block[] {
  const c = h.cascade;
  const out: Block[] = [{ kind: 'heading', level: 2, text: t('handout.spread'), technical: technical('cascade') }];
  if (!c.monotone)
    out.push({
      kind: 'note',
      text: t('handout.notMonotone'),
    });
  if (c.heldAtSign.length)
    out.push({ kind: 'paragraph', text: t('handout.heldAtSign', { list: c.heldAtSign.join(', ') }) });
  if (c.rounds.length === 0) {
    out.push({ kind: 'paragraph', text: t('handout.nobodyFirst') });
    return out;
  }
  out.push({
    kind: 'table',
    head: [t('handout.round'), t('handout.newSigners'), t('handout.inAll'), t('handout.who')],
    rows: c.rounds.map((r) => [String(r.round), String(r.ids.length), String(r.cumulative), r.ids.join(', ')]),
    numeric: [true, true, true, false],
  });
  if (c.tipped.length) {
    out.push({
      kind: 'heading',
      level: 3,
      text: t('handout.tipped'),
      technical: t('handout.tippedTech'),
    });
    out.push({
      kind: 'paragraph',
      text: t('handout.tippedText'),
    });
    out.push({
      kind: 'table',
      head: [
        t('handout.round'),
        t('handout.state'),
        t('handout.deltaAlone'),
        t('handout.momentum'),
        t('handout.ties'),
        t('handout.deltaWhen'),
      ],
      rows: c.tipped.map((step) => [
        String(step.round),
        step.id,
        signed(step.deltaAlone, 3),
        t('handout.momentumCell', { value: signed(step.momentumTotal, 3), count: step.earlierSigners }),
        tipperCell(step),
        signed(step.deltaWhenSigned, 3),
      ]),
      numeric: [true, false, true, true, false, true],
    });
  }
  return out;
}

function flipRow(f: FlippedState): string[] {
  const sign = f.direction === 'joins' ? 1 : -1;
  const movers = f.terms
    .filter((t) => sign * t.change > 5e-4)
    .slice(0, 3)
    .map((term) => `${term.id} ${signed(term.change, 3)}`);
  const held = f.fixedOther ? t('compare.heldAt', { action: heldWord(f.fixedOther) }) : '';
  return [
    `${nameOf(f)} (${f.id})`,
    `${signed(f.deltaBase, 3)} → ${signed(f.deltaOther, 3)}${held}`,
    movers.join(', ') || t('compare.noTermMoved'),
  ];
}

function changeBlocks(st: StateChange): Block[] {
  const moved = st.terms.filter((t) => Math.abs(t.change) > 5e-4);
  return [
    {
      kind: 'heading',
      level: 3,
      text: `${nameOf(st)} (${st.id}): ${st.signsBase === st.signsOther ? t('handout.inBoth', { verdict: verdict(st.signsBase) }) : `${verdict(st.signsBase)} → ${verdict(st.signsOther)}`}`,
      technical: t('handout.changeTech', { from: signed(st.deltaBase, 3), to: signed(st.deltaOther, 3) }),
    },
    moved.length
      ? {
          kind: 'table',
          head: [t('handout.reason'), t('handout.before'), t('handout.after'), t('compare.change')],
          rows: moved.map((term) => [
            term.id === 'baseline' ? t('compare.baselineTerm') : term.id,
            signed(term.base, 3),
            signed(term.other, 3),
            signed(term.change, 3),
          ]),
          numeric: [false, true, true, true],
        }
      : { kind: 'paragraph', text: t('handout.noReasonMoved') },
  ];
}

function compareBlocks(h: Handout, other: RunResult): Block[] {
  const c = h.compare!.comparison;
  const out: Block[] = [
    {
      kind: 'heading',
      level: 2,
      text: t('handout.whatChanges', { name: other.scenario.name }),
      technical: t('handout.whatChangesTech'),
    },
  ];
  const row = (label: string, b: number, o: number, digits: number) => [
    label,
    fixed(b, digits),
    fixed(o, digits),
    signed(o - b, digits),
  ];
  out.push({
    kind: 'table',
    head: ['', t('handout.before'), t('handout.after'), t('compare.change')],
    rows: [
      row(t('handout.signersRow', { technical: technical('least') }), c.base.least, c.other.least, 0),
      row(t('handout.signersRow', { technical: technical('greatest') }), c.base.greatest, c.other.greatest, 0),
      row(t('handout.expectedRow'), c.base.qreMean, c.other.qreMean, 1),
      [
        `${technical('interval')}`,
        t('handout.range', { lo: c.base.interval90[0], hi: c.base.interval90[1] }),
        t('handout.range', { lo: c.other.interval90[0], hi: c.other.interval90[1] }),
        '',
      ],
      [t('handout.statesPresent'), String(c.base.total), String(c.other.total), ''],
    ],
    numeric: [false, true, true, true],
  });
  const flips = (title: string, list: FlippedState[], technicalName: string) => {
    out.push({ kind: 'heading', level: 3, text: `${title} (${list.length})`, technical: technicalName });
    if (list.length)
      out.push({
        kind: 'table',
        head: [t('handout.state'), t('handout.deltaBeforeAfter'), t('handout.movedMost')],
        rows: list.map(flipRow),
      });
    else out.push({ kind: 'paragraph', text: t('handout.noneSentence') });
  };
  flips(t('handout.joins'), c.joined, t('handout.joinsTech'));
  flips(t('handout.leaves'), c.left, t('handout.leavesTech'));
  out.push({
    kind: 'note',
    text: t('handout.reasonNote'),
  });
  for (const st of c.states) out.push(...changeBlocks(st));
  if (c.onlyInBase.length)
    out.push({ kind: 'paragraph', text: t('handout.onlyBefore', { list: c.onlyInBase.join(', ') }) });
  if (c.onlyInOther.length)
    out.push({ kind: 'paragraph', text: t('handout.onlyAfter', { list: c.onlyInOther.join(', ') }) });
  out.push({
    kind: 'heading',
    level: 3,
    text: t('handout.byGroupShort'),
    technical: t('handout.byGroupTech'),
  });
  out.push({
    kind: 'note',
    text: t('handout.blocNote'),
  });
  out.push({
    kind: 'table',
    head: [t('handout.group'), t('compare.members'), t('handout.before'), t('handout.after'), t('compare.change')],
    rows: c.blocs.map((b) => [
      b.bloc,
      String(b.members),
      `${b.base.least} (${fixed(b.base.expected, 1)})`,
      `${b.other.least} (${fixed(b.other.expected, 1)})`,
      signed(b.other.least - b.base.least, 0),
    ]),
    numeric: [false, true, true, true, true],
  });
  return out;
}

/** A proposition's line without its id: `[all states] The first signers pay: …`. */
function propositionText(id: string): string {
  return propositionLine(id).slice(id.length).trimStart();
}

/** A contribution's label in the reader's language. */
function contributionLabel(e: Explanation, c: Explanation['contributions'][number]): string {
  if (currentLanguage() === 'en') return c.label;
  if (c.id === 'intercept') return t('explain.intercept');
  if (c.id === 'bias') return t('explain.bias', { id: e.id });
  return termLabel(c.id, c.label);
}

function glossaryBlocks(h: Handout): Block[] {
  const terms = new Set(h.states.flatMap((e) => e.contributions.flatMap((c) => c.propositions)));
  const out: Block[] = [
    { kind: 'heading', level: 2, text: t('handout.words'), technical: t('handout.wordsTech') },
    {
      kind: 'definitions',
      items: h.glossary
        .map((g) => localEntry(g))
        .map((e) => ({
          term: e.term,
          ...(e.technical ? { technical: e.technical } : {}),
          text: e.plain,
        })),
    },
  ];
  if (terms.size)
    out.push(
      { kind: 'heading', level: 3, text: t('handout.propsTitle'), technical: 'docs/propositions.md' },
      {
        kind: 'definitions',
        items: [...terms].sort().map((id) => ({ term: id, text: propositionText(id) })),
      },
    );
  return out;
}

/** Every block of the handout, in reading order. */
export function handoutBlocks(h: Handout): Block[] {
  return [
    ...headerBlocks(h),
    ...tallyBlocks(h),
    // A comparison is what its handout is for: right after the tally.
    ...(h.compare ? compareBlocks(h, h.compare.run) : []),
    ...blocBlocks(h),
    ...h.states.flatMap(stateBlocks),
    ...cascadeBlocks(h),
    ...glossaryBlocks(h),
  ];
}

/** The handout's title: the scenario's name, and the other's with a comparison. */
export function handoutTitle(h: Handout): string {
  const name = h.run.scenario.name;
  return h.compare ? t('handout.titleCompare', { name, other: h.compare.run.scenario.name }) : name;
}
