import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { cascadeOf } from '../../analysis/cascade.js';
import type { RunResult } from '../../analysis/run.js';
import { TEXT_TIPPERS, tippedLine } from '../../report/cascade-text.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';
import { wrapCells } from '../wrap-cells.js';
import { TallyBar } from './TallyBar.js';
import { paneTitle } from '../panes.js';
import { PaneTitle } from './PaneTitle.js';

export interface CascadePaneProps {
  run: RunResult;
  /** Rounds shown so far: 0 is no signatures, the number of rounds the equilibrium. */
  step: number;
  /** True while the replay advances by itself. */
  playing: boolean;
  /** True when this pane has the keys. */
  focused: boolean;
  width: number;
  height: number;
}

/** Cells before a round's text: its label (10) and its count (3) and a blank. */
const LEAD = 14;

/** Signers after the first `step` rounds of the cascade from no signatures (held states included). */
export function signedAfter(run: RunResult, step: number): number {
  const rounds = run.equilibria.least.rounds;
  let later = 0;
  for (let k = step; k < rounds.length; k++) later += rounds[k].length;
  return run.equilibria.least.signed - later;
}

/**
 * The cascade from no signatures to the least equilibrium (Granovetter
 * 1978), round by round: who signs in each round once enough others have.
 */
export function CascadePane({ run, step, playing, focused, width, height }: CascadePaneProps) {
  const theme = useTheme();
  const rounds = run.equilibria.least.rounds;
  const ids = run.scenario.states.map((s) => s.id);
  const n = ids.length;
  const now = signedAfter(run, step);
  const held = Object.entries(run.scenario.fixed)
    .filter(([, a]) => a === 'sign')
    .map(([id]) => id);
  // Who tipped the states of the round on screen (round 2 on), as `run --rounds` words it.
  const cascade = useMemo(() => cascadeOf(run, TEXT_TIPPERS), [run]);
  const tipped = cascade.tipped.filter((t) => t.round === step);
  const tipLines = tipped.length
    ? [t('cascade.tui.tipped', { round: step }), ...tipped.map((t) => tippedLine(t))].flatMap((l, k) =>
        wrapCells(l, width - 2).map((w, i) => ({ text: `${i === 0 ? '' : '  '}${w}`, head: k === 0 })),
      )
    : [];
  const lines = [
    {
      key: 0,
      label: t('cascade.tui.start'),
      text: held.length ? t('cascade.tui.heldAtSign', { list: held.join(' ') }) : t('cascade.tui.noSignatures'),
      count: signedAfter(run, 0),
    },
    ...rounds.map((r, k) => ({
      key: k + 1,
      label: t('cascade.tui.round', { round: k + 1 }),
      text: `+${r.length}  ${r.map((i) => ids[i]).join(' ')}`,
      count: signedAfter(run, k + 1),
    })),
  ];
  // A round's ids wrap onto as many rows as they need, under the first row's text.
  const textWidth = Math.max(10, width - LEAD);
  const rows = lines.flatMap((l) =>
    wrapCells(l.text, textWidth).map((text, i) => ({
      round: l.key,
      first: i === 0,
      label: l.label,
      count: l.count,
      text,
    })),
  );
  // The rounds get the rows they need as long as the tipping gets half the pane; it gets the rest.
  const tipRows = Math.min(tipLines.length, Math.max(Math.floor((height - 3) / 2), height - 3 - rows.length));
  const listRows = Math.max(1, height - 3 - tipRows);
  // Keep the current round in view.
  const at = Math.max(
    0,
    rows.findIndex((r) => r.round === step),
  );
  const top = Math.max(0, Math.min(at - Math.floor(listRows / 2), rows.length - listRows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('cascade')} focused={focused} />
        <Text color={theme.muted}>
          {t('cascade.tui.controls', { state: t(playing ? 'cascade.tui.playing' : 'cascade.tui.paused') })}
        </Text>
      </Text>
      <Text wrap="truncate">
        <Text>
          {cell(
            step === 0 ? t('cascade.tui.start') : t('cascade.tui.roundOf', { round: step, count: rounds.length }),
            12,
          )}
        </Text>
        <TallyBar least={now} greatest={now} total={n} width={Math.max(10, width - 30)} />
        <Text bold> {now} sign</Text>
      </Text>
      {rounds.length === 0 ? <Text color={theme.muted}>{t('cascade.tui.nobodyFirst')}</Text> : null}
      {rows.slice(top, top + listRows).map((r, k) => (
        <Text
          key={`${r.round}-${k}`}
          wrap="truncate"
          inverse={r.round === step}
          color={r.round > step ? theme.muted : undefined}
        >
          {r.first ? `${cell(r.label, 10)}${String(r.count).padStart(3)} ` : ' '.repeat(LEAD)}
          {r.text}
        </Text>
      ))}
      {tipLines.slice(0, tipRows < tipLines.length ? tipRows - 1 : tipRows).map((l, k) => (
        <Text key={`tip-${k}`} wrap="truncate" color={l.head ? theme.muted : undefined}>
          {l.text}
        </Text>
      ))}
      {tipRows > 0 && tipRows < tipLines.length ? (
        <Text color={theme.muted} wrap="truncate">
          {t('cascade.tui.more', { count: tipped.length })}
        </Text>
      ) : null}
    </Box>
  );
}
