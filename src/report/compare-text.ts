/** `signatory compare`: plain text and JSON. */
import type { Comparison, FlippedState, StateChange } from '../analysis/compare.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { stateName } from '../i18n/state-names.js';
import { displayWidth, fixed, padLeft, padRight, jsonNumber, signed } from './format.js';

/** Terms named per flipped state in the plain report. */
export const TEXT_TERMS = 3;

function flipLine(f: FlippedState): string {
  const sign = f.direction === 'joins' ? 1 : -1;
  const movers = f.terms
    .filter((t) => sign * t.change > 5e-4)
    .slice(0, TEXT_TERMS)
    .map((t) => `${t.id} ${signed(t.change, 3)}`);
  const held = f.fixedOther ? t('compare.heldAt', { action: actionWord(f.fixedOther) }) : '';
  const why = movers.length ? t('compare.movedBy', { list: movers.join(', ') }) : t('compare.noTermMoved');
  return `  ${padRight(f.id, 4)} Δ ${padLeft(signed(f.deltaBase, 3), 7)} → ${padLeft(signed(f.deltaOther, 3), 7)}${held}   ${why}`;
}

/** `sign` / `abstain` as the reader's language says it. */
const actionWord = (action: string) =>
  currentLanguage() === 'en' || (action !== 'sign' && action !== 'abstain')
    ? action
    : t(action === 'sign' ? 'explain.signs' : 'explain.abstains');

const verdict = (signs: boolean) => t(signs ? 'explain.signs' : 'explain.abstains');

/** A state's Δ change, term by term (every term that moved, largest first). */
function stateChangeLines(st: StateChange): string[] {
  const out = [
    t('compare.stateChange', {
      id: st.id,
      name: stateName(st, currentLanguage()),
      from: verdict(st.signsBase),
      to: verdict(st.signsOther),
      dBase: signed(st.deltaBase, 3),
      dOther: signed(st.deltaOther, 3),
      diff: signed(st.deltaOther - st.deltaBase, 3),
    }),
  ];
  const moved = st.terms.filter((t) => Math.abs(t.change) > 5e-4);
  for (const term of moved) {
    const label = term.id === 'baseline' ? t('compare.baselineTerm') : term.id;
    out.push(
      `  ${padRight(label, 32)}${padLeft(signed(term.base, 3), 9)} → ${padLeft(signed(term.other, 3), 7)}   ${padLeft(signed(term.change, 3), 7)}`,
    );
  }
  if (!moved.length) out.push(t('compare.noTerm'));
  return out;
}

export function comparisonToText(c: Comparison): string {
  const out: string[] = [];
  out.push(t('compare.title', { base: c.base.name, other: c.other.name }));
  out.push('');
  const row = (label: string, b: string, o: string, d: string) =>
    `  ${padRight(label, 36)}${padLeft(b, 9)}${padLeft(o, 9)}${padLeft(d, 9)}`.trimEnd();
  out.push(row(t('compare.signers'), t('compare.base'), t('compare.other'), t('compare.change')));
  out.push(
    row(t('compare.least'), String(c.base.least), String(c.other.least), signed(c.other.least - c.base.least, 0)),
  );
  out.push(
    row(
      t('compare.greatest'),
      String(c.base.greatest),
      String(c.other.greatest),
      signed(c.other.greatest - c.base.greatest, 0),
    ),
  );
  out.push(
    row(
      t('compare.qreMean'),
      fixed(c.base.qreMean, 1),
      fixed(c.other.qreMean, 1),
      signed(c.other.qreMean - c.base.qreMean, 1),
    ),
  );
  out.push(row(t('compare.interval'), `[${c.base.interval90.join(', ')}]`, `[${c.other.interval90.join(', ')}]`, ''));
  out.push(row(t('compare.states'), String(c.base.total), String(c.other.total), ''));
  if (c.base.method !== 'monotone' || c.other.method !== 'monotone') out.push(t('compare.nonMonotone'));
  out.push('');
  out.push(t('compare.joined', { count: c.joined.length }));
  out.push(...(c.joined.length ? c.joined.map(flipLine) : [t('run.none')]));
  out.push(t('compare.left', { count: c.left.length }));
  out.push(...(c.left.length ? c.left.map(flipLine) : [t('run.none')]));
  out.push(t('compare.termNote1'));
  out.push(t('compare.termNote2'));
  for (const st of c.states) out.push('', ...stateChangeLines(st));
  if (c.onlyInBase.length) out.push(t('compare.onlyBase', { list: c.onlyInBase.join(', ') }));
  if (c.onlyInOther.length) out.push(t('compare.onlyOther', { list: c.onlyInOther.join(', ') }));
  out.push('');
  out.push(t('compare.byBloc'));
  const width = Math.max(8, ...c.blocs.map((b) => displayWidth(b.bloc))) + 2;
  out.push(
    `  ${padRight(t('compare.bloc'), width)}${padLeft(t('compare.members'), 8)}${padLeft(t('compare.base'), 14)}${padLeft(t('compare.other'), 14)}${padLeft(t('compare.change'), 8)}`,
  );
  for (const b of c.blocs) {
    const cell = (x: { least: number; expected: number }) => `${x.least} (${fixed(x.expected, 1)})`;
    out.push(
      `  ${padRight(b.bloc, width)}${padLeft(String(b.members), 8)}${padLeft(cell(b.base), 14)}${padLeft(cell(b.other), 14)}${padLeft(signed(b.other.least - b.base.least, 0), 8)}`,
    );
  }
  return out.join('\n') + '\n';
}

export function comparisonToJson(c: Comparison) {
  const tally = (t: Comparison['base']) => ({ ...t, qreMean: jsonNumber(t.qreMean) });
  const flip = (f: FlippedState) => ({
    ...f,
    deltaBase: jsonNumber(f.deltaBase),
    deltaOther: jsonNumber(f.deltaOther),
    terms: f.terms.map((t) => ({
      id: t.id,
      base: jsonNumber(t.base),
      other: jsonNumber(t.other),
      change: jsonNumber(t.change),
    })),
  });
  const bloc = (x: { least: number; greatest: number; expected: number }) => ({
    ...x,
    expected: jsonNumber(x.expected),
  });
  return {
    base: tally(c.base),
    other: tally(c.other),
    change: {
      least: c.other.least - c.base.least,
      greatest: c.other.greatest - c.base.greatest,
      qreMean: jsonNumber(c.other.qreMean - c.base.qreMean),
    },
    joined: c.joined.map(flip),
    left: c.left.map(flip),
    states: c.states.map((st) => ({
      ...st,
      deltaBase: jsonNumber(st.deltaBase),
      deltaOther: jsonNumber(st.deltaOther),
      terms: st.terms.map((t) => ({
        id: t.id,
        base: jsonNumber(t.base),
        other: jsonNumber(t.other),
        change: jsonNumber(t.change),
      })),
    })),
    onlyInBase: c.onlyInBase,
    onlyInOther: c.onlyInOther,
    blocs: c.blocs.map((b) => ({ ...b, base: bloc(b.base), other: bloc(b.other) })),
  };
}
