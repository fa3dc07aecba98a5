/** The cascade view (`signatory run --rounds`): plain text and JSON. */
import type { Cascade, CascadeStep } from '../analysis/cascade.js';
import { t } from '../i18n/messages.js';
import { jsonNumber, signed, wrapList } from './format.js';

/** Tippers shown per state in the plain report. */
export const TEXT_TIPPERS = 3;

/** Who tipped one state: `r2 DEU: -0.044 +0.504 momentum (26 signers) + ties USA +0.331 (r0) = +0.460`. */
export function tippedLine(step: CascadeStep): string {
  const named = step.tippers
    .slice(0, TEXT_TIPPERS)
    .map((x) => `${x.id} ${signed(x.bilateral, 3)} (r${x.round})`)
    .join(', ');
  const more =
    step.tippers.length > TEXT_TIPPERS ? t('cascade.more', { count: step.tippers.length - TEXT_TIPPERS }) : '';
  return t('cascade.tipped', {
    round: step.round,
    id: step.id,
    alone: signed(step.deltaAlone, 3),
    momentum: signed(step.momentumTotal, 3),
    earlier: step.earlierSigners,
    ties: named ? t('cascade.ties', { list: `${named}${more}` }) : '',
    when: signed(step.deltaWhenSigned, 3),
  });
}

/** The round-by-round path and, for each state signing in round ≥ 2, who tipped it. */
export function cascadeToText(c: Cascade): string[] {
  const out: string[] = [];
  out.push(t('cascade.title'));
  if (!c.monotone) out.push(t('cascade.notMonotone'));
  if (c.heldAtSign.length) out.push(t('cascade.heldAtSign', { list: c.heldAtSign.join(', ') }));
  if (c.rounds.length === 0) out.push(t('cascade.nobodyFirst'));
  for (const r of c.rounds) {
    out.push(t('cascade.round', { round: r.round, count: r.ids.length, total: r.cumulative }));
    out.push(...wrapList(r.ids, 78, '    '));
  }
  if (c.tipped.length) {
    out.push('', t('cascade.tippedTitle'));
    out.push(t('cascade.tippedTitle2'));
    for (const step of c.tipped) out.push(`  ${tippedLine(step)}`);
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
