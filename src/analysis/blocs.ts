/**
 * The tally broken down by bloc (NATO, EU, BRICS …): how many of each bloc's
 * members sign in the least and greatest equilibria and how many are
 * expected to sign in the least logit QRE. A state in several blocs counts
 * in each; states without a bloc are grouped under NO_BLOC.
 */
import type { RunResult } from './run.js';

/** Label of the group of states that belong to no bloc. */
export const NO_BLOC = '(no bloc)';

export interface BlocTally {
  bloc: string;
  /** Member ids, in roster order. */
  members: string[];
  /** Members signing in the least equilibrium. */
  signLeast: number;
  /** Members signing in the greatest equilibrium. */
  signGreatest: number;
  /** Expected number of signing members in the least QRE (sum of their P(sign)). */
  expected: number;
}

/** One row per bloc, largest bloc first (then by name), NO_BLOC last. */
export function blocBreakdown(run: Pick<RunResult, 'states'>): BlocTally[] {
  const rows = new Map<string, BlocTally>();
  for (const s of run.states) {
    for (const bloc of s.blocs.length ? s.blocs : [NO_BLOC]) {
      let row = rows.get(bloc);
      if (!row) rows.set(bloc, (row = { bloc, members: [], signLeast: 0, signGreatest: 0, expected: 0 }));
      row.members.push(s.id);
      if (s.signs) row.signLeast++;
      if (s.signsGreatest) row.signGreatest++;
      row.expected += s.pSign;
    }
  }
  return [...rows.values()].sort(
    (x, y) =>
      Number(x.bloc === NO_BLOC) - Number(y.bloc === NO_BLOC) ||
      y.members.length - x.members.length ||
      x.bloc.localeCompare(y.bloc),
  );
}
