import { Box, Text } from 'ink';
import type { RunResult } from '../../analysis/run.js';
import { useTheme } from '../use-theme.js';
import { cell, shown } from '../text.js';
import { TallyBar } from './TallyBar.js';
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
  const listRows = Math.max(1, height - 3);
  // Keep the current round in view.
  const top = Math.max(0, Math.min(step - Math.floor(listRows / 2), rounds.length + 1 - listRows));
  const lines = [
    {
      key: 0,
      label: 'start',
      text: held.length ? `held at sign: ${held.join(' ')}` : 'no signatures',
      count: signedAfter(run, 0),
    },
    ...rounds.map((r, k) => ({
      key: k + 1,
      label: `round ${k + 1}`,
      text: `+${r.length}  ${r.map((i) => ids[i]).join(' ')}`,
      count: signedAfter(run, k + 1),
    })),
  ];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title="Cascade" focused={focused} />
        <Text color={theme.muted}>
          {'  '}from no signatures · {playing ? 'playing' : 'paused'} · space play/pause · ←→ round · Home/End
        </Text>
      </Text>
      <Text wrap="truncate">
        <Text>{cell(step === 0 ? 'start' : `round ${step}/${rounds.length}`, 12)}</Text>
        <TallyBar least={now} greatest={now} total={n} width={Math.max(10, width - 30)} />
        <Text bold> {now} sign</Text>
      </Text>
      {rounds.length === 0 ? (
        <Text color={theme.muted}>Nobody signs first: no state gains from signing alone.</Text>
      ) : null}
      {lines.slice(top, top + listRows).map((l) => (
        <Text key={l.key} wrap="truncate" inverse={l.key === step} color={l.key > step ? theme.muted : undefined}>
          {cell(l.label, 10)}
          {String(l.count).padStart(3)} {shown(l.text)}
        </Text>
      ))}
    </Box>
  );
}
