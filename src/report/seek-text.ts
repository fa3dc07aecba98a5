/** `signatory seek`: plain text and JSON. */
import { targetToText, type SeekResult } from '../analysis/seek.js';
import { fixed, padLeft, padRight, jsonNumber, signed, wrapList, wrapText } from './format.js';

export function seekToText(r: SeekResult): string {
  const out: string[] = [];
  const target = targetToText(r.target);
  const least = r.run.equilibria.least.signed;
  const greatest = r.run.equilibria.greatest.signed;
  const n = r.run.scenario.states.length;
  // Two-sided parameters are searched on a grid only: claims of impossibility and minimality hold there.
  const grid = r.gridded.length
    ? ` with ${r.gridded.map((p) => p.split('.').pop()).join(' × ')} on the scanned grid`
    : '';
  out.push(`Seek: ${target}   in ${r.run.scenario.name}`);
  out.push(...wrapText(`Searched: ${r.searched.join(', ')} (each in [0, 1]).`));
  if (!r.supermodular)
    out.push(
      'Warning: the game is not supermodular, so the monotone structure does not hold: nothing below is proven.',
    );
  out.push('');
  if (r.status === 'met') {
    out.push(`Already met: no change needed (${least} of ${n} sign in the least equilibrium).`);
  } else if (r.status === 'infeasible') {
    out.push(...wrapText(`No setting within bounds reaches the target${grid}.`));
    out.push(
      ...wrapText(
        `Even the most favourable setting of every searched parameter gives ${least} of ${n} signers` +
          (r.missing.length
            ? `, and ${r.missing.join(', ')} still ${r.target.mustAbstain?.length ? 'sign' : 'abstain'}${r.missing.length === 1 ? 's' : ''}.`
            : '.'),
      ),
    );
  } else {
    out.push(
      ...wrapText(
        `Smallest change found: L1 distance ${fixed(r.distance, 4)} — ` +
          (r.exact
            ? `exact (the lower bound meets it)${grid}`
            : `an upper bound on the minimum (proven lower bound ${fixed(r.lowerBound, 4)}${grid})`),
      ),
    );
    for (const c of r.changes) {
      out.push(
        `  ${padRight(c.path, 36)}${padLeft(fixed(c.from, 4), 8)} → ${padLeft(fixed(c.to, 4), 6)}   (${signed(c.to - c.from, 4)})`,
      );
    }
    out.push(`Result: ${least} of ${n} sign in the least equilibrium (greatest ${greatest}).`);
  }
  if (r.joined.length) out.push(`Joined (${r.joined.length}):`, ...wrapList(r.joined));
  if (r.left.length) out.push(`Left (${r.left.length}):`, ...wrapList(r.left));
  out.push('');
  out.push(...wrapText(`Search: ${r.search}; ${r.evaluations} equilibrium solves.`));
  return out.join('\n') + '\n';
}

export function seekToJson(r: SeekResult) {
  return {
    scenario: r.run.scenario.name,
    target: targetToText(r.target),
    status: r.status,
    searched: r.searched,
    changes: r.changes.map((c) => ({ ...c, from: jsonNumber(c.from), to: jsonNumber(c.to) })),
    distance: r.status === 'infeasible' ? null : jsonNumber(r.distance),
    lowerBound: r.status === 'infeasible' ? null : jsonNumber(r.lowerBound),
    exact: r.exact,
    gridded: r.gridded,
    tally: {
      least: r.run.equilibria.least.signed,
      greatest: r.run.equilibria.greatest.signed,
      qreMean: jsonNumber(r.run.tally.mean),
    },
    joined: r.joined,
    left: r.left,
    missing: r.missing,
    supermodular: r.supermodular,
    search: r.search,
    evaluations: r.evaluations,
  };
}
