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
import { propositionLine } from '../app/glossary.js';
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

const verdict = (signs: boolean): string => (signs ? 'signs' : 'abstains');
const technical = (id: string): string => word(id).technical ?? word(id).term;

function headerBlocks(h: Handout): Block[] {
  const { scenario } = h.run;
  const out: Block[] = [{ kind: 'heading', level: 1, text: scenario.name }];
  if (h.compare) out.push({ kind: 'paragraph', text: `Compared with: ${h.compare.run.scenario.name}` });
  for (const p of scenario.description.split(/\n\s*\n/).filter((x) => x.trim()))
    out.push({ kind: 'paragraph', text: p.trim().replace(/\s+/g, ' ') });
  if (scenario.date) out.push({ kind: 'note', text: `Evaluated at ${scenario.date}.` });
  const held = Object.entries(scenario.fixed);
  if (held.length)
    out.push({ kind: 'note', text: `Held fixed by the scenario: ${held.map(([id, a]) => `${id} ${a}`).join(', ')}.` });
  return out;
}

function tallyBlocks(h: Handout): Block[] {
  const { run } = h;
  const { equilibria, qre, tally, scenario } = run;
  const n = scenario.states.length;
  const out: Block[] = [{ kind: 'heading', level: 2, text: 'How many sign', technical: 'the tally' }];
  const rows: string[][] = [];
  const of = (k: number) => `${k} of ${n}`;
  if (equilibria.method === 'monotone') {
    rows.push([
      `Starting from nobody, states join one wave at a time (${technical('least')})`,
      of(equilibria.least.signed),
    ]);
    rows.push([
      `Starting from everybody, states drop out one wave at a time (${technical('greatest')})`,
      of(equilibria.greatest.signed),
    ]);
  } else {
    rows.push([
      'Starting from nobody, best response one state at a time (a pure equilibrium)',
      equilibria.least.found ? of(equilibria.least.signed) : 'none found: it cycles',
    ]);
    rows.push([
      'Starting from everybody, best response one state at a time',
      equilibria.greatest.found ? of(equilibria.greatest.signed) : 'none found: it cycles',
    ]);
  }
  const converged = qre.least.converged && qre.greatest.converged;
  if (converged) {
    rows.push([`Expected signers if choices are noisy (QRE, λ = ${qre.lambda})`, fixed(tally.mean, 1)]);
    rows.push([
      `The range the tally falls in nine times out of ten (${technical('interval')})`,
      `${tally.interval90[0]} to ${tally.interval90[1]}`,
    ]);
    rows.push([`Chance that a majority, at least ${h.majority}, sign (P(≥ ${h.majority}))`, percent(run.pMajority, 1)]);
  } else
    rows.push([
      `Expected signers if choices are noisy (QRE, λ = ${qre.lambda})`,
      'not found: the solver did not converge',
    ]);
  out.push({ kind: 'table', head: ['', 'signers'], rows, numeric: [false, true] });
  if (equilibria.method !== 'monotone') out.push({ kind: 'note', text: `Note: ${equilibria.note}.` });
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
      text:
        'Each bar is the chance that exactly that many states sign when every state signs with its own probability ' +
        '(the QRE); the dashed lines mark the equilibria and a majority.',
    });
  }
  return out;
}

const stateLabel = (s: Pick<StateOutcome, 'id' | 'name'>): string => `${s.name} (${s.id})`;

function blocBlocks(h: Handout): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: 'Who signs, by group', technical: 'the tally by bloc' }];
  out.push({
    kind: 'table',
    head: ['group', 'members', 'sign (least eq.)', 'sign (greatest eq.)', 'expected if noisy (QRE)'],
    rows: h.blocs.map((b) => [
      b.bloc,
      String(b.members.length),
      String(b.signLeast),
      String(b.signGreatest),
      fixed(b.expected, 1),
    ]),
    numeric: [false, true, true, true, true],
  });
  out.push({ kind: 'note', text: 'A state in several groups counts in each.' });
  const signers = h.run.states.filter((s) => s.signs);
  const abstainers = h.run.states.filter((s) => !s.signs);
  const names = (list: StateOutcome[]) =>
    list.length ? list.map((s) => `${stateLabel(s)}${s.fixed ? '*' : ''}`).join(', ') : 'none';
  out.push({ kind: 'heading', level: 3, text: `Sign (${signers.length})`, technical: 'least equilibrium' });
  out.push({ kind: 'paragraph', text: names(signers) });
  out.push({ kind: 'heading', level: 3, text: `Abstain (${abstainers.length})`, technical: 'least equilibrium' });
  out.push({ kind: 'paragraph', text: names(abstainers) });
  if (h.run.states.some((s) => s.fixed)) out.push({ kind: 'note', text: '* held fixed by the scenario' });
  return out;
}

function flipVerdict(f: Explanation['flips'][number]): string {
  if (f.flips.length === 0) {
    const gap = f.closest
      ? `; closest at ${fixed(f.closest.at, 2)}, still ${fixed(Math.abs(f.closest.delta), 3)} short`
      : '';
    return `no value flips it (${verdict(f.current)} throughout${gap})`;
  }
  return f.flips.map((x) => `${x.signsAbove ? 'signs' : 'abstains'} above ${fixed(x.at, 3)}`).join('; ');
}

function stateBlocks(e: Explanation): Block[] {
  const decision = e.fixed ? `is held at ${e.fixed}` : verdict(e.signs);
  const out: Block[] = [
    { kind: 'heading', level: 2, text: `Why ${e.name} (${e.id}) ${decision}`, technical: 'Δ, term by term' },
    {
      kind: 'paragraph',
      text:
        `Net gain of signing for ${e.name}: Δ = ${signed(e.delta, 3)} at the least equilibrium. ` +
        'A state signs when Δ is above zero; each reason below adds to it or takes from it.',
    },
    {
      kind: 'chart',
      svg: termsSvg(
        `${e.id}: net gain of signing, reason by reason`,
        e.contributions.map((c) => ({ id: c.id, value: c.value })),
        e.delta,
      ),
    },
    {
      kind: 'table',
      head: ['reason (term)', 'what it stands for', 'propositions', 'adds to Δ'],
      rows: e.contributions.map((c) => [c.id, c.label, c.propositions.join(' '), signed(c.value, 3)]),
      numeric: [false, false, false, true],
    },
  ];
  if (e.flips.length) {
    out.push({ kind: 'heading', level: 3, text: `What would flip ${e.id}`, technical: technical('flip') });
    out.push({
      kind: 'table',
      head: ['setting', 'now', 'what happens as it changes, the rest as it is'],
      rows: e.flips.map((f) => [f.label, fixed(f.value, 2), flipVerdict(f)]),
      numeric: [false, true, false],
    });
    if (!e.signs && !e.fixed && e.flips.every((f) => f.flips.length === 0))
      out.push({
        kind: 'note',
        text: `No single setting flips ${e.id}. Several at once may: signatory seek SCENARIO --target '${e.id} sign'.`,
      });
  }
  return out;
}

function tipperCell(t: CascadeStep): string {
  const named = t.tippers.slice(0, TEXT_TIPPERS).map((x) => `${x.id} ${signed(x.bilateral, 3)} (round ${x.round})`);
  const more = t.tippers.length > TEXT_TIPPERS ? [`${t.tippers.length - TEXT_TIPPERS} more`] : [];
  return [...named, ...more].join(', ') || 'none';
}

function cascadeBlocks(h: Handout): Block[] {
  const c = h.cascade;
  const out: Block[] = [
    { kind: 'heading', level: 2, text: 'How the signatures spread, round by round', technical: technical('cascade') },
  ];
  if (!c.monotone)
    out.push({
      kind: 'note',
      text: 'Not supermodular: the rounds are round-robin sweeps and may switch both ways; no tipping analysis.',
    });
  if (c.heldAtSign.length)
    out.push({ kind: 'paragraph', text: `Held at sign from the start: ${c.heldAtSign.join(', ')}.` });
  if (c.rounds.length === 0) {
    out.push({ kind: 'paragraph', text: 'Nobody signs first: no state gains from signing alone.' });
    return out;
  }
  out.push({
    kind: 'table',
    head: ['round', 'new signers', 'in all', 'who'],
    rows: c.rounds.map((r) => [String(r.round), String(r.ids.length), String(r.cumulative), r.ids.join(', ')]),
    numeric: [true, true, true, false],
  });
  if (c.tipped.length) {
    out.push({
      kind: 'heading',
      level: 3,
      text: 'Who tipped them',
      technical: 'Δ alone + momentum + ties = Δ when it signed',
    });
    out.push({
      kind: 'paragraph',
      text:
        'For each state that signed after the first round: its Δ with nobody signing, plus the pull of everyone ' +
        'who had signed before (momentum), plus its ties to particular earlier signers (rival relief, patron), ' +
        'gives its Δ in the round it signed.',
    });
    out.push({
      kind: 'table',
      head: ['round', 'state', 'Δ alone', 'momentum', 'ties to earlier signers', 'Δ when it signed'],
      rows: c.tipped.map((t) => [
        String(t.round),
        t.id,
        signed(t.deltaAlone, 3),
        `${signed(t.momentumTotal, 3)} (${t.earlierSigners} signers)`,
        tipperCell(t),
        signed(t.deltaWhenSigned, 3),
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
    .map((t) => `${t.id} ${signed(t.change, 3)}`);
  const held = f.fixedOther ? ` (held at ${f.fixedOther})` : '';
  return [
    `${f.name} (${f.id})`,
    `${signed(f.deltaBase, 3)} → ${signed(f.deltaOther, 3)}${held}`,
    movers.join(', ') || 'no term moved it',
  ];
}

function changeBlocks(st: StateChange): Block[] {
  const moved = st.terms.filter((t) => Math.abs(t.change) > 5e-4);
  return [
    {
      kind: 'heading',
      level: 3,
      text: `${st.name} (${st.id}): ${st.signsBase === st.signsOther ? `${verdict(st.signsBase)} in both` : `${verdict(st.signsBase)} → ${verdict(st.signsOther)}`}`,
      technical: `Δ ${signed(st.deltaBase, 3)} → ${signed(st.deltaOther, 3)}, term by term`,
    },
    moved.length
      ? {
          kind: 'table',
          head: ['reason (term)', 'before', 'after', 'change'],
          rows: moved.map((t) => [
            t.id === 'baseline' ? 'baseline (intercept + own bias)' : t.id,
            signed(t.base, 3),
            signed(t.other, 3),
            signed(t.change, 3),
          ]),
          numeric: [false, true, true, true],
        }
      : { kind: 'paragraph', text: 'No reason moved.' },
  ];
}

function compareBlocks(h: Handout, other: RunResult): Block[] {
  const c = h.compare!.comparison;
  const out: Block[] = [
    {
      kind: 'heading',
      level: 2,
      text: `What changes in ${other.scenario.name}`,
      technical: 'comparison of the two scenarios',
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
    head: ['', 'before', 'after', 'change'],
    rows: [
      row(`signers, ${technical('least')}`, c.base.least, c.other.least, 0),
      row(`signers, ${technical('greatest')}`, c.base.greatest, c.other.greatest, 0),
      row('expected signers if choices are noisy (QRE)', c.base.qreMean, c.other.qreMean, 1),
      [
        `${technical('interval')}`,
        `${c.base.interval90[0]} to ${c.base.interval90[1]}`,
        `${c.other.interval90[0]} to ${c.other.interval90[1]}`,
        '',
      ],
      ['states present', String(c.base.total), String(c.other.total), ''],
    ],
    numeric: [false, true, true, true],
  });
  const flips = (title: string, list: FlippedState[], technicalName: string) => {
    out.push({ kind: 'heading', level: 3, text: `${title} (${list.length})`, technical: technicalName });
    if (list.length)
      out.push({ kind: 'table', head: ['state', 'Δ before → after', 'moved most by'], rows: list.map(flipRow) });
    else out.push({ kind: 'paragraph', text: 'None.' });
  };
  flips('Who joins', c.joined, 'abstains before, signs after');
  flips('Who leaves', c.left, 'signs before, abstains after');
  out.push({
    kind: 'note',
    text:
      "A reason's change compares its contribution at the two least equilibria: the direct effect of what changed " +
      "and the indirect one through the others' decisions (momentum, rivals, patron).",
  });
  for (const st of c.states) out.push(...changeBlocks(st));
  if (c.onlyInBase.length) out.push({ kind: 'paragraph', text: `Only before: ${c.onlyInBase.join(', ')}.` });
  if (c.onlyInOther.length) out.push({ kind: 'paragraph', text: `Only after: ${c.onlyInOther.join(', ')}.` });
  out.push({
    kind: 'heading',
    level: 3,
    text: 'By group',
    technical: 'the tally by bloc',
  });
  out.push({
    kind: 'note',
    text: 'Signers at the least equilibrium, and in brackets the expected number if choices are noisy (QRE).',
  });
  out.push({
    kind: 'table',
    head: ['group', 'members', 'before', 'after', 'change'],
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

function glossaryBlocks(h: Handout): Block[] {
  const terms = new Set(h.states.flatMap((e) => e.contributions.flatMap((c) => c.propositions)));
  const out: Block[] = [
    { kind: 'heading', level: 2, text: 'Words used here', technical: 'glossary' },
    {
      kind: 'definitions',
      items: h.glossary.map((e) => ({
        term: e.term,
        ...(e.technical ? { technical: e.technical } : {}),
        text: e.plain,
      })),
    },
  ];
  if (terms.size)
    out.push(
      { kind: 'heading', level: 3, text: 'The propositions the reasons encode', technical: 'docs/propositions.md' },
      {
        kind: 'definitions',
        items: [...terms].sort().map((id) => ({ term: id, text: propositionLine(id).replace(/^\S+ /, '') })),
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
  return h.compare ? `${name} compared with ${h.compare.run.scenario.name}` : name;
}
