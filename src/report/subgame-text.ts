/** Plain-text report of a two-player subgame. */
import type { ScenarioSubgame } from '../analysis/subgame.js';
import { padLeft, padRight, signed } from './format.js';

const action = (a: 0 | 1) => (a ? 'sign' : 'abstain');

export function subgameToText(g: ScenarioSubgame): string {
  const [a, b] = g.ids;
  const out: string[] = [];
  out.push(`Subgame ${a} vs ${b}, everyone else held at the least equilibrium`);
  out.push('');
  out.push(`  ${padRight('', 5)}${['α̂', 'W', 'E', 'R', 'S', 'T', 'P'].map((h) => padLeft(h, 8)).join('')}   type`);
  g.ids.forEach((id, k) => {
    const p = g.players[k];
    const o = g.payoffs[k];
    const cells = [p.alphaHat, p.W, p.E, o.R, o.S, o.T, o.P].map((x) => padLeft(signed(x, 3), 8)).join('');
    out.push(`  ${padRight(id, 5)}${cells}   ${g.types[k]}`);
  });
  out.push('');
  out.push("  α̂: net gain of signing when the other abstains; W: what the other's signature adds;");
  out.push("  E: gain from the other's credible restraint while abstaining oneself.");
  out.push('  R = u(sign, sign), S = u(sign, abstain), T = u(abstain, sign), P = u(abstain, abstain) = 0.');
  out.push('');
  out.push(
    `Pure equilibria: ${g.equilibria.length ? g.equilibria.map(([x, y]) => `(${a} ${action(x)}, ${b} ${action(y)})`).join(', ') : 'none'}`,
  );
  if (g.riskDominant)
    out.push(`Risk-dominant: ${g.riskDominant === 'neither' ? 'neither' : g.riskDominant.replace('-', ', ')}`);
  g.assuranceThreshold.forEach((t, k) => {
    if (t !== null)
      out.push(`${g.ids[k]} signs if it believes ${g.ids[1 - k]} signs with probability above ${t.toFixed(3)}.`);
  });
  for (const note of g.notes) out.push(note);
  return out.join('\n') + '\n';
}
