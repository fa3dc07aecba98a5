import { Box, Text } from 'ink';
import { fixed, signed } from '../../report/format.js';
import type { SeekView } from '../use-seek.js';
import { useTheme } from '../use-theme.js';
import { padCells, widestCells, wrapCells } from '../wrap-cells.js';

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
    for (const t of wrapCells(text, width)) out.push({ text: t, ...(tone ? { tone } : {}) });
  };
  const { id, goal } = view;
  const other = goal === 'sign' ? 'abstain' : 'sign';
  para(`Smallest change that makes ${id} ${goal} (seek)`, 'muted');
  if (view.state === 'searching') {
    para(`searching… ${view.seconds.toFixed(1)} s`);
    para('Esc or k cancels; the other keys still work.', 'muted');
    return out;
  }
  if (view.state === 'failed') {
    para(`The search failed: ${view.message}`, 'error');
    return out;
  }
  const a = view.answer;
  const grid = a.gridded.length ? ` (${a.gridded.map((p) => p.split('.').pop()).join(' × ')} on a grid)` : '';
  if (a.status === 'met') {
    para(`Already met: ${id} ${goal}s with no change.`);
  } else if (a.status === 'infeasible') {
    para(`None found: no setting of the declaration within bounds makes ${id} ${goal}${grid}.`, 'abstain');
    para(
      `Even the most favourable one gives ${a.tally.least} of ${states} signers` +
        (a.missing.length ? `, and ${a.missing.join(', ')} still ${other}${a.missing.length === 1 ? 's' : ''}.` : '.'),
    );
  } else {
    para(
      `L1 distance ${num(a.distance)}, ` +
        (a.exact ? `exact${grid}` : `an upper bound (the minimum is at least ${num(a.lowerBound)}${grid})`),
    );
    // Labels in a column as wide as the longest when the values still fit beside it; otherwise each wraps.
    const values = a.changes.map((c) => `${num(c.from)} → ${num(c.to)} (${signed(c.to! - c.from!, 4)})`);
    const valueWidth = widestCells(values);
    const labelWidth = Math.min(widestCells(a.changes.map((c) => c.label)), Math.max(8, width - valueWidth - 1));
    a.changes.forEach((c, k) => {
      const label = wrapCells(c.label, labelWidth);
      const value = wrapCells(values[k], Math.max(1, width - labelWidth - 1));
      for (let row = 0; row < Math.max(label.length, value.length); row++)
        out.push({ text: `${padCells(label[row] ?? '', labelWidth)} ${value[row] ?? ''}`.trimEnd(), tone: 'sign' });
    });
    const move = a.tally.least - signedNow;
    para(`Then ${a.tally.least} of ${states} sign (${signed(move, 0)}), greatest ${a.tally.greatest}.`);
  }
  para(`${a.evaluations} equilibrium solves, as signatory seek --target '${id} ${goal}'.`, 'muted');
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
