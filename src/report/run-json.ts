/**
 * The JSON form of a solved scenario (`signatory run --json`): stable keys,
 * resolved inputs, both extremal equilibria, the QRE and every state.
 */
import { cascadeOf } from '../analysis/cascade.js';
import type { RunResult } from '../analysis/run.js';
import { signerIds } from '../analysis/run.js';
import { cascadeToJson } from './cascade-text.js';
import { jsonNumber } from './format.js';

/** With `rounds`, the greatest equilibrium's path and the cascade (who tipped whom) are added. */
export function runToJson(run: RunResult, options: { rounds?: boolean } = {}) {
  const { scenario, equilibria, qre, tally } = run;
  const ids = scenario.states.map((s) => s.id);
  const pSign: Record<string, number | null> = {};
  const pSignGreatest: Record<string, number | null> = {};
  run.states.forEach((s, i) => {
    pSign[s.id] = jsonNumber(s.pSign);
    pSignGreatest[s.id] = jsonNumber(qre.greatest.p[i]);
  });
  const qreConverged = qre.least.converged && qre.greatest.converged;
  return {
    scenario: scenario.name,
    description: scenario.description,
    total: scenario.states.length,
    ...(scenario.date ? { date: scenario.date } : {}),
    declaration: { ...scenario.declaration },
    world: { ...scenario.world },
    fixed: { ...scenario.fixed },
    solver: {
      method: equilibria.method,
      converged: equilibria.converged,
      ...(equilibria.note ? { note: equilibria.note } : {}),
    },
    // From a start where best response cycles there is no equilibrium to report: `found: false`, no signers.
    equilibrium: {
      least: equilibria.least.found
        ? {
            signed: equilibria.least.signed,
            signers: signerIds(scenario, equilibria.least.profile),
            rounds: equilibria.least.rounds.map((r) => r.map((i) => ids[i])),
          }
        : { found: false, note: 'best response from all-abstain cycles: no pure equilibrium found' },
      greatest: equilibria.greatest.found
        ? {
            signed: equilibria.greatest.signed,
            signers: signerIds(scenario, equilibria.greatest.profile),
            ...(options.rounds ? { rounds: equilibria.greatest.rounds.map((r) => r.map((i) => ids[i])) } : {}),
          }
        : { found: false, note: 'best response from all-sign cycles: no pure equilibrium found' },
      // Every pure equilibrium, by enumeration (non-supermodular games with at most 20 free states).
      ...(run.allPure ? { all: run.allPure.map((p) => signerIds(scenario, p)) } : {}),
    },
    // An unconverged iterate is not a QRE: its residual is reported, and no tally or probabilities.
    qre: qreConverged
      ? {
          lambda: qre.lambda,
          method: qre.method,
          ...(qre.method === 'continuation' ? { branch: 'principal' } : {}),
          converged: true,
          expectedSigned: jsonNumber(tally.mean),
          mode: tally.mode,
          interval90: tally.interval90,
          pMajority: jsonNumber(run.pMajority),
          expectedSignedGreatest: jsonNumber(qre.greatest.p.reduce((x, y) => x + y, 0)),
          pSign,
          pSignGreatest,
          distribution: Array.from(tally.pmf, jsonNumber),
        }
      : {
          lambda: qre.lambda,
          method: qre.method,
          converged: false,
          residual: jsonNumber(Math.max(qre.least.residual, qre.greatest.residual)),
          note: 'the QRE solver did not reach its tolerance: no QRE is reported',
        },
    states: run.states.map((s) => {
      const terms: Record<string, number | null> = {};
      for (const [k, v] of Object.entries(s.terms)) terms[k] = jsonNumber(v);
      return {
        id: s.id,
        name: s.name,
        blocs: s.blocs,
        signs: s.signs,
        signsGreatest: s.signsGreatest,
        ...(s.fixed ? { fixed: s.fixed } : {}),
        ...(s.round !== undefined ? { round: s.round } : {}),
        delta: jsonNumber(s.delta),
        ...(qreConverged ? { pSign: jsonNumber(s.pSign) } : {}),
        terms,
      };
    }),
    ...(options.rounds ? { cascade: cascadeToJson(cascadeOf(run)) } : {}),
  };
}

export type RunJson = ReturnType<typeof runToJson>;
