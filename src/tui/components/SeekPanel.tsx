import { t } from '../../i18n/messages.js';
import { currentLanguage } from '../../i18n/language.js';
import { parameterLabel } from '../../app/glossary.js';
import { Box, Text } from 'ink';
import { fixed, padRight, signed } from '../../report/format.js';
import type { SeekView } from '../use-seek.js';
import { useTheme } from '../use-theme.js';
import { widestCells, wrapCells } from '../wrap-cells.js';

export interface SeekPanelProps {
  view: Exclude<SeekView, { state: 'idle' }>;
  /** States in the scenario, for "81 of 85". */
  states: number;
  /** Signers in the least equilibrium now, for the move. */
  signedNow: number;
  width: number;
  rows: number;
}

type Line = { text: string; tone?: 'muted' | 'sign' | 'abstain' | 'error' };

const num = (x: number | null): string => (x === null ? '–' : fixed(x, 4));

/** The lines of the panel, wrapped to `width` cells. */
export function seekLines(view: SeekPanelProps['view'], states: number, signedNow: number, width: number): Line[] {
  const out: Line[] = [];
  const para = (text: string, tone?: Line['tone']) => {
    for (const line of wrapCells(text, width)) out.push({ text: line, ...(tone ? { tone } : {}) });
  };
  const { id, goal } = view;
  const en = currentLanguage() === 'en';
  // The goal as the sentence says it: `sign` / `abstain` in English, the verb in another language.
  const word = (action: 'sign' | 'abstain') =>
    en ? action : t(action === 'sign' ? 'explain.signs' : 'explain.abstains');
  const other = goal === 'sign' ? 'abstain' : 'sign';
  para(t('seek.title', { id, goal: word(goal) }), 'muted');
  if (view.state === 'searching') {
    para(t('seek.searching', { seconds: view.seconds.toFixed(1) }));
    para(t('seek.cancel'), 'muted');
    return out;
  }
  if (view.state === 'failed') {
    para(t('seek.failed', { message: view.message }), 'error');
    return out;
  }
  const a = view.answer;
  const grid = a.gridded.length
    ? t('seek.grid', { list: a.gridded.map((p) => parameterLabel(p, p.split('.').pop() ?? p)).join(' × ') })
    : '';
  if (a.status === 'met') {
    para(t('seek.met', { id, goal: word(goal) }));
  } else if (a.status === 'infeasible') {
    para(t('seek.none', { id, goal: word(goal), grid }), 'abstain');
    para(
      t('seek.best', { least: a.tally.least, states }) +
        (a.missing.length
          ? t('seek.still', {
              list: a.missing.join(', '),
              other: word(other),
              s: en && a.missing.length === 1 ? 's' : '',
            })
          : en
            ? '.'
            : '。'),
    );
  } else {
    para(
      t('seek.distance', { distance: num(a.distance) }) +
        (a.exact ? t('seek.exact', { grid }) : t('seek.bound', { bound: num(a.lowerBound), grid })),
    );
    // Labels in a column as wide as the longest when the values still fit beside it; otherwise each wraps.
    const values = a.changes.map((c) => `${num(c.from)} → ${num(c.to)} (${signed(c.to! - c.from!, 4)})`);
    const valueWidth = widestCells(values);
    const labelOf = (c: (typeof a.changes)[number]) => parameterLabel(c.path, c.label);
    const labelWidth = Math.min(widestCells(a.changes.map(labelOf)), Math.max(8, width - valueWidth - 1));
    a.changes.forEach((c, k) => {
      const label = wrapCells(labelOf(c), labelWidth);
      const value = wrapCells(values[k], Math.max(1, width - labelWidth - 1));
      for (let row = 0; row < Math.max(label.length, value.length); row++)
        out.push({ text: `${padRight(label[row] ?? '', labelWidth)} ${value[row] ?? ''}`.trimEnd(), tone: 'sign' });
    });
    const move = a.tally.least - signedNow;
    para(t('seek.then', { least: a.tally.least, states, move: signed(move, 0), greatest: a.tally.greatest }));
  }
  para(t('seek.solves', { count: a.evaluations, id, goal }), 'muted');
  return out;
}

/** The Why pane's seek: searching, the smallest change found, or that none was. */
export function SeekPanel({ view, states, signedNow, width, rows }: SeekPanelProps) {
  const theme = useTheme();
  const lines = seekLines(view, states, signedNow, width).slice(0, Math.max(1, rows));
  const color = (tone: Line['tone']) =>
    tone === 'muted'
      ? theme.muted
      : tone === 'sign'
        ? theme.sign
        : tone === 'abstain' || tone === 'error'
          ? theme.abstain
          : undefined;
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((l, k) => (
        <Text key={k} color={color(l.tone)}>
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
