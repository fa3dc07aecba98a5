/** Plain-text explanation of one state's decision. */
import type { Explanation } from '../analysis/explain.js';
import { bar, fixed, padLeft, padRight, signed } from './format.js';

export function explanationToText(e: Explanation): string {
  const out: string[] = [];
  const verdict = e.fixed ? `held at ${e.fixed}` : e.signs ? 'signs' : 'abstains';
  out.push(`${e.id} — ${e.name}: ${verdict} (Δ = ${signed(e.delta, 3)} at the least equilibrium)`);
  out.push('', 'Contributions to the net gain of signing, largest first:');
  const max = Math.max(1e-12, ...e.contributions.map((c) => Math.abs(c.value)));
  for (const c of e.contributions) {
    const props = c.propositions.length ? ` [${c.propositions.join(' ')}]` : '';
    const cells = bar(Math.abs(c.value), max, 12, c.value < 0 ? '▒' : '█');
    out.push(`  ${padRight(c.id, 14)} ${padLeft(signed(c.value, 3), 7)}  ${padRight(cells, 12)}  ${c.label}${props}`);
  }
  if (e.flips.length) {
    out.push('', 'What would flip it (one parameter at a time, others as they are):');
    for (const f of e.flips) {
      let verdict: string;
      if (f.flips.length === 0) {
        const gap = f.closest
          ? `; closest at ${fixed(f.closest.at, 2)}: Δ = ${signed(f.closest.delta, 3)}, ${fixed(Math.abs(f.closest.delta), 3)} short of flipping`
          : '';
        verdict = `no flip in range (${f.current ? 'signs' : 'abstains'} throughout${gap})`;
      } else verdict = f.flips.map((x) => `${x.signsAbove ? 'signs' : 'abstains'} above ${fixed(x.at, 3)}`).join('; ');
      out.push(`  ${padRight(f.label, 24)} now ${fixed(f.value, 2)}  →  ${verdict}`);
    }
    if (!e.signs && !e.fixed && e.flips.every((f) => f.flips.length === 0)) {
      out.push(
        '',
        `No single parameter flips ${e.id}. Several at once may: signatory seek <scenario> --target '${e.id} sign'`,
      );
    }
  }
  return out.join('\n') + '\n';
}
