/** Plain-text report of a calibration. */
import type { Agreement, CalibrationOptions, CalibrationResult } from '../calibrate/calibrate.js';
import { fixed, padLeft, padRight } from './format.js';

function agreementLine(label: string, a: Agreement): string {
  return `${label}: ${a.correct}/${a.total} states agree; ${a.truePositives} of ${a.predictedSigners} predicted signers really signed (${a.observedSigners} did)`;
}

export function calibrationToText(name: string, r: CalibrationResult, options: CalibrationOptions): string {
  const out: string[] = [];
  out.push(`Calibration of "${name}" to its observed outcome: ${r.targetSigned} signers`);
  out.push(
    `Pseudo-likelihood of the logit choices at the observed profile (λ = ${r.lambda}), ridge ${r.ridge} toward ` +
      `${{ scenario: "the scenario's own weights", zero: 'zero', 'equal-effect': 'equal-effect weights' }[options.prior]}, every weight ≥ 0.`,
  );
  if (r.ridgeChoice) {
    const list = r.ridgeChoice.candidates.map((c) => `${c.ridge}: ${fixed(c.heldOutLogLikelihood, 2)}`).join(', ');
    out.push(`Ridge chosen by ${r.ridgeChoice.folds}-fold held-out log-likelihood (${list}).`);
  }
  if (r.excluded.length) out.push(`Held fixed, so not in the likelihood: ${r.excluded.join(', ')}`);
  if (!r.converged) out.push('Warning: the optimiser stopped before its tolerance; read the weights with care.');
  out.push('');
  out.push(`  ${padRight('term', 15)}${padLeft('weight', 9)}${padLeft('s.e.', 9)}${padLeft('prior', 9)}`);
  for (const e of r.estimates) {
    const se = e.se === null ? 'at 0' : fixed(e.se, 3);
    out.push(
      `  ${padRight(e.id, 15)}${padLeft(fixed(e.weight, 3), 9)}${padLeft(se, 9)}${padLeft(fixed(e.prior, 3), 9)}`,
    );
  }
  out.push(
    `  ${padRight('intercept', 15)}${padLeft(fixed(r.intercept, 3), 9)}   (fitted ${fixed(r.fittedIntercept, 3)}, then matched to the tally)`,
  );
  out.push('');
  if (r.interceptInterval) {
    out.push(
      `Intercept: any value in [${fixed(r.interceptInterval[0], 4)}, ${fixed(r.interceptInterval[1], 4)}) gives a least equilibrium of ${r.targetSigned}; the midpoint is used.`,
    );
  } else {
    out.push(
      `Intercept: no value gives exactly ${r.targetSigned} signers (the cascade jumps over it); the nearest gives ${r.impliedSigned}.`,
    );
  }
  out.push(agreementLine('In sample, logit choice at the observed profile', r.pseudoAgreement));
  if (r.crossValidated)
    out.push(agreementLine(`Cross-validated (${r.crossValidated.folds}-fold), same predictor`, r.crossValidated));
  out.push(
    agreementLine(`Least equilibrium of the calibrated game (${r.impliedSigned} signers)`, r.equilibriumAgreement),
  );
  out.push(`Log pseudo-likelihood: ${fixed(r.logLikelihood, 3)}`);
  return out.join('\n') + '\n';
}
