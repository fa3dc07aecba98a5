/**
 * The scalar a sensitivity analysis studies: `least`, `greatest` (pure
 * equilibrium tallies), `qre` (expected QRE tally), `pmajority`
 * (P(tally ≥ majority)), or a state's `p:ID` (QRE probability of signing),
 * `least:ID` / `greatest:ID` (its equilibrium decision).
 */
import type { PointOutcome } from './point-model.js';
import type { SolverChoice } from './plan.js';
import { SweepError } from './sweep-error.js';

export interface OutputSelector {
  /** The text given, e.g. `p:USA`. */
  name: string;
  solver: SolverChoice;
  /** The state to track, if any. */
  state?: string;
  read(o: PointOutcome): number;
}

export const OUTPUT_FORMS = 'least, greatest, qre, pmajority, p:ID, least:ID or greatest:ID';

export function parseOutput(text: string): OutputSelector {
  const [kind, state, extra] = text.split(':');
  if (extra === undefined && state === undefined) {
    if (kind === 'least') return { name: text, solver: 'nash', read: (o) => o.least };
    if (kind === 'greatest') return { name: text, solver: 'nash', read: (o) => o.greatest };
    if (kind === 'qre') return { name: text, solver: 'qre', read: (o) => o.qreMean };
    if (kind === 'pmajority') return { name: text, solver: 'qre', read: (o) => o.pMajority };
  }
  if (extra === undefined && state !== undefined && state !== '') {
    if (kind === 'p') return { name: text, solver: 'qre', state, read: (o) => o.trackP[0] };
    if (kind === 'least') return { name: text, solver: 'nash', state, read: (o) => o.trackLeast[0] };
    if (kind === 'greatest') return { name: text, solver: 'nash', state, read: (o) => o.trackGreatest[0] };
  }
  throw new SweepError(`--output '${text}': expected ${OUTPUT_FORMS}`);
}
