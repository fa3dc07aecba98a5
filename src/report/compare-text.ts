/** `signatory compare`: plain text and JSON. */
import type { Comparison, FlippedState, StateChange } from '../analysis/compare.js';
import { fixed, padLeft, padRight, jsonNumber, signed } from './format.js';

/** Terms named per flipped state in the plain report. */
export const TEXT_TERMS = 3;

function flipLine(f: FlippedState): string {
  const sign = f.direction === 'joins' ? 1 : -1;
  const movers = f.terms
    .filter((t) => sign * t.change > 5e-4)
    .slice(0, TEXT_TERMS)
    .map((t) => `${t.id} ${signed(t.change, 3)}`);
  const held = f.fixedOther ? ` (held at ${f.fixedOther})` : '';
  const why = movers.length ? `moved by ${movers.join(', ')}` : 'no term moved it';
  return `  ${padRight(f.id, 4)} Δ ${padLeft(signed(f.deltaBase, 3), 7)} → ${padLeft(signed(f.deltaOther, 3), 7)}${held}   ${why}`;
}

const verdict = (signs: boolean) => (signs ? 'signs' : 'abstains');

/** A state's Δ change, term by term (every term that moved, largest first). */
function stateChangeLines(st: StateChange): string[] {
  const out = [
    `${st.id} — ${st.name}: ${verdict(st.signsBase)} → ${verdict(st.signsOther)}, Δ ${signed(st.deltaBase, 3)} → ${signed(st.deltaOther, 3)} (${signed(st.deltaOther - st.deltaBase, 3)}), term by term:`,
  ];
  const moved = st.terms.filter((t) => Math.abs(t.change) > 5e-4);
  for (const t of moved) {
    const label = t.id === 'baseline' ? 'baseline (intercept + own bias)' : t.id;
    out.push(
      `  ${padRight(label, 32)}${padLeft(signed(t.base, 3), 9)} → ${padLeft(signed(t.other, 3), 7)}   ${padLeft(signed(t.change, 3), 7)}`,
    );
  }
  if (!moved.length) out.push('  no term moved');
  return out;
}

export function comparisonToText(c: Comparison): string {
  const out: string[] = [];
  out.push(`Compare: ${c.base.name}  →  ${c.other.name}`);
  out.push('');
  const row = (label: string, b: string, o: string, d: string) =>
    `  ${padRight(label, 22)}${padLeft(b, 9)}${padLeft(o, 9)}${padLeft(d, 9)}`.trimEnd();
  out.push(row('', 'base', 'other', 'change'));
  out.push(
    row('least equilibrium', String(c.base.least), String(c.other.least), signed(c.other.least - c.base.least, 0)),
  );
  out.push(
    row(
      'greatest equilibrium',
      String(c.base.greatest),
      String(c.other.greatest),
      signed(c.other.greatest - c.base.greatest, 0),
    ),
  );
  out.push(
    row(
      'QRE expected signers',
      fixed(c.base.qreMean, 1),
      fixed(c.other.qreMean, 1),
      signed(c.other.qreMean - c.base.qreMean, 1),
    ),
  );
  out.push(row('QRE 90% interval', `[${c.base.interval90.join(', ')}]`, `[${c.other.interval90.join(', ')}]`, ''));
  out.push(row('states', String(c.base.total), String(c.other.total), ''));
  if (c.base.method !== 'monotone' || c.other.method !== 'monotone')
    out.push('  (a non-supermodular scenario: round-robin best response, see `signatory run`)');
  out.push('');
  out.push(`Joined (${c.joined.length}): abstain in base, sign in other — the terms whose contribution rose most`);
  out.push(...(c.joined.length ? c.joined.map(flipLine) : ['  none']));
  out.push(`Left (${c.left.length}): sign in base, abstain in other — the terms whose contribution fell most`);
  out.push(...(c.left.length ? c.left.map(flipLine) : ['  none']));
  out.push('  (term changes compare the contributions at the two least equilibria: direct effects of the');
  out.push("   changed parameters and indirect ones through the others' decisions, e.g. momentum)");
  for (const st of c.states) out.push('', ...stateChangeLines(st));
  if (c.onlyInBase.length) out.push(`Only in base: ${c.onlyInBase.join(', ')}`);
  if (c.onlyInOther.length) out.push(`Only in other: ${c.onlyInOther.join(', ')}`);
  out.push('');
  out.push('By bloc: signers in the least equilibrium (QRE expected)');
  const width = Math.max(8, ...c.blocs.map((b) => b.bloc.length)) + 2;
  out.push(
    `  ${padRight('bloc', width)}${padLeft('members', 8)}${padLeft('base', 14)}${padLeft('other', 14)}${padLeft('change', 8)}`,
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
