/** Plain-text explanation of one state's decision. */
import type { Explanation } from '../analysis/explain.js';
import { parameterLabel, termLabel } from '../app/glossary.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { stateName } from '../i18n/state-names.js';
import { bar, fixed, padLeft, padRight, signed } from './format.js';

/** A contribution's label in the current language: the term's, or the intercept's and bias's own. */
function contributionLabel(e: Explanation, c: Explanation['contributions'][number]): string {
  if (currentLanguage() === 'en') return c.label;
  if (c.id === 'intercept') return t('explain.intercept');
  if (c.id === 'bias') return t('explain.bias', { id: e.id });
  return termLabel(c.id, c.label);
}

export function explanationToText(e: Explanation): string {
  const out: string[] = [];
  const verb = (signs: boolean) => t(signs ? 'explain.signs' : 'explain.abstains');
  const held = (action: 'sign' | 'abstain') => (currentLanguage() === 'en' ? action : verb(action === 'sign'));
  const verdict = e.fixed ? t('explain.heldAt', { action: held(e.fixed) }) : verb(e.signs);
  const name = stateName(e, currentLanguage());
  out.push(t('explain.headline', { id: e.id, name, verdict, delta: signed(e.delta, 3) }));
  out.push('', t('explain.contributions'));
  const max = Math.max(1e-12, ...e.contributions.map((c) => Math.abs(c.value)));
  for (const c of e.contributions) {
    const props = c.propositions.length ? ` [${c.propositions.join(' ')}]` : '';
    const cells = bar(Math.abs(c.value), max, 12, c.value < 0 ? '▒' : '█');
    out.push(
      `  ${padRight(c.id, 14)} ${padLeft(signed(c.value, 3), 7)}  ${padRight(cells, 12)}  ${contributionLabel(e, c)}${props}`,
    );
  }
  if (e.flips.length) {
    out.push('', t('explain.flipsTitle'));
    for (const f of e.flips) {
      let verdict: string;
      if (f.flips.length === 0) {
        const gap = f.closest
          ? t('explain.closest', {
              at: fixed(f.closest.at, 2),
              delta: signed(f.closest.delta, 3),
              short: fixed(Math.abs(f.closest.delta), 3),
            })
          : '';
        verdict = t('explain.noFlip', { verdict: verb(f.current), gap });
      } else
        verdict = f.flips
          .map((x) => t('explain.above', { verdict: verb(x.signsAbove), at: fixed(x.at, 3) }))
          .join(currentLanguage() === 'en' ? '; ' : '；');
      const label = parameterLabel(f.parameter, f.label);
      out.push(`  ${padRight(label, 24)} ${t('explain.now')} ${fixed(f.value, 2)}  →  ${verdict}`);
    }
    if (!e.signs && !e.fixed && e.flips.every((f) => f.flips.length === 0)) {
      out.push('', t('explain.noSingle', { id: e.id }));
    }
  }
  return out.join('\n') + '\n';
}
