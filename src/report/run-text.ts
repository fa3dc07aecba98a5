/** The plain-text report of a solved scenario (`signatory run`, and `npm start` off a terminal). */
import type { RunResult } from '../analysis/run.js';
import { majorityOf } from '../analysis/run.js';
import { cascadeOf } from '../analysis/cascade.js';
import { cascadeToText } from './cascade-text.js';
import { fixed, percent, wrapList, wrapText } from './format.js';

export function tallyLine(signed: number, total: number): string {
  return `${signed} sign · ${total - signed} abstain (of ${total})`;
}

export function runToText(run: RunResult, options: { rounds?: boolean } = {}): string {
  const { scenario, equilibria, qre, tally } = run;
  const n = scenario.states.length;
  const out: string[] = [];
  out.push(scenario.name);
  if (scenario.description) out.push(...wrapText(scenario.description));
  out.push('');
  if (scenario.date)
    out.push(
      `At ${scenario.date}${scenario.timeline ? '' : ' (the scenario has no dated values: the same world at every date)'}`,
    );
  const fixedIds = Object.entries(scenario.fixed);
  if (fixedIds.length) out.push(`Held fixed: ${fixedIds.map(([id, a]) => `${id}=${a}`).join(', ')}`);
  if (equilibria.method === 'monotone') out.push(`${tallyLine(equilibria.least.signed, n)}   least equilibrium`);
  else if (equilibria.least.found)
    out.push(`${tallyLine(equilibria.least.signed, n)}   a pure equilibrium, found by best response from all-abstain`);
  else out.push('No pure equilibrium found: best response from all-abstain cycles.');
  if (equilibria.method === 'monotone') {
    out.push(
      equilibria.least.signed === equilibria.greatest.signed
        ? `Unique outcome: the least and greatest equilibria agree on ${equilibria.least.signed} signers.`
        : `Range: ${equilibria.least.signed}–${equilibria.greatest.signed} signers between the least and greatest equilibria.`,
    );
  } else {
    out.push(`Note: ${equilibria.note}.`);
    out.push(
      equilibria.greatest.found
        ? `From all-sign: ${tallyLine(equilibria.greatest.signed, n)}, a pure equilibrium.`
        : 'From all-sign: best response cycles too.',
    );
  }
  if (run.allPure) {
    const ids = scenario.states.map((s) => s.id);
    const shown = run.allPure.map((p) => {
      const signers = ids.filter((_, i) => p[i] === 1);
      return signers.length ? `{${signers.join(', ')}}` : '{} (nobody signs)';
    });
    out.push(
      run.allPure.length === 0
        ? 'All pure equilibria, by enumeration of every profile: none.'
        : `All pure equilibria, by enumeration of every profile (${run.allPure.length}; signers listed): ${shown.join(' · ')}`,
    );
  }
  const qreConverged = qre.least.converged && qre.greatest.converged;
  const branchName = qre.method === 'continuation' ? ', principal branch' : '';
  if (qreConverged) {
    out.push(
      `QRE (λ = ${qre.lambda}${branchName}): expected ${fixed(tally.mean, 1)} signers, 90% interval [${tally.interval90[0]}, ${tally.interval90[1]}], ` +
        `P(≥ ${majorityOf(n)}) = ${percent(run.pMajority, 1)}`,
    );
    const greatestMean = qre.greatest.p.reduce((x, y) => x + y, 0);
    if (greatestMean - tally.mean > 0.05) {
      out.push(`    A second QRE branch exists, from everybody signing: expected ${fixed(greatestMean, 1)} signers.`);
    }
  } else {
    const residual = Math.max(qre.least.residual, qre.greatest.residual);
    out.push(
      `QRE (λ = ${qre.lambda}${branchName}): not found, the solver stopped at residual ${residual.toExponential(1)} ` +
        '(tolerance 1e-12); no expected tally is reported.',
    );
  }
  if (options.rounds) out.push('', ...cascadeToText(cascadeOf(run)));
  const signers = run.states.filter((s) => s.signs);
  const abstainers = run.states.filter((s) => !s.signs);
  const label = (s: (typeof run.states)[number]) => `${s.id}${s.fixed ? '*' : ''}`;
  out.push('');
  if (!equilibria.least.found) out.push('The last profile of the cycle from all-abstain (not an equilibrium):');
  out.push(`Sign (${signers.length}):`);
  out.push(...(signers.length ? wrapList(signers.map(label)) : ['  none']));
  out.push(`Abstain (${abstainers.length}):`);
  out.push(...(abstainers.length ? wrapList(abstainers.map(label)) : ['  none']));
  if (fixedIds.length) out.push('(* held fixed)');
  return out.join('\n') + '\n';
}
