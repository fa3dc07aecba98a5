/** The cascade view (`signatory run --rounds`): plain text and JSON. */
import type { Cascade, CascadeStep } from '../analysis/cascade.js';
import { jsonNumber, signed, wrapList } from './format.js';

/** Tippers shown per state in the plain report. */
export const TEXT_TIPPERS = 3;

/** Who tipped one state: `r2 DEU: -0.044 +0.504 momentum (26 signers) + ties USA +0.331 (r0) = +0.460`. */
export function tippedLine(t: CascadeStep): string {
  const named = t.tippers
    .slice(0, TEXT_TIPPERS)
    .map((x) => `${x.id} ${signed(x.bilateral, 3)} (r${x.round})`)
    .join(', ');
  const more = t.tippers.length > TEXT_TIPPERS ? ` +${t.tippers.length - TEXT_TIPPERS} more` : '';
  return (
    `r${t.round} ${t.id}: ${signed(t.deltaAlone, 3)} ${signed(t.momentumTotal, 3)} momentum (${t.earlierSigners} signers)` +
    (named ? ` + ties ${named}${more}` : '') +
    ` = ${signed(t.deltaWhenSigned, 3)}`
  );
}

/** The round-by-round path and, for each state signing in round ≥ 2, who tipped it. */
export function cascadeToText(c: Cascade): string[] {
  const out: string[] = [];
  out.push('Cascade from no signatures (least equilibrium):');
  if (!c.monotone)
    out.push('  (not supermodular: rounds are round-robin sweeps and may switch both ways; no tipping analysis)');
  if (c.heldAtSign.length) out.push(`  held at sign from the start: ${c.heldAtSign.join(', ')}`);
  if (c.rounds.length === 0) out.push('  nobody signs first: no state gains from signing alone.');
  for (const r of c.rounds) {
    out.push(`  round ${r.round} (${r.ids.length} sign, ${r.cumulative} in all):`);
    out.push(...wrapList(r.ids, 78, '    '));
  }
  if (c.tipped.length) {
    out.push('', 'Who tipped them: Δ with nobody signing, plus momentum (m_i/(N−1) per earlier signer),');
    out.push('plus the ties B_ij of earlier signers (rival relief, patron), gives Δ when it signed:');
    for (const t of c.tipped) out.push(`  ${tippedLine(t)}`);
  }
  return out;
}

/** The JSON form, numbers rounded like the rest of `run --json`. */
export function cascadeToJson(c: Cascade) {
  return {
    monotone: c.monotone,
    heldAtSign: c.heldAtSign,
    rounds: c.rounds,
    tipped: c.tipped.map((t) => ({
      ...t,
      deltaAlone: jsonNumber(t.deltaAlone),
      deltaWhenSigned: jsonNumber(t.deltaWhenSigned),
      momentumTotal: jsonNumber(t.momentumTotal),
      tippers: t.tippers.map((x) => ({
        ...x,
        bilateral: jsonNumber(x.bilateral),
        momentum: jsonNumber(x.momentum),
        total: jsonNumber(x.total),
      })),
    })),
  };
}
