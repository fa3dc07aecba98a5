import { Box, Text } from 'ink';
import type { ParameterFlip } from '../../analysis/parameter-flip.js';
import { fixed } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface FlipListProps {
  /** Thresholds computed so far (they arrive one parameter at a time). */
  flips: readonly ParameterFlip[];
  /** Number of parameters in all. */
  total: number;
  width: number;
  /** Hides the list when the state is held fixed: its decision then cannot flip. */
  heldFixed: boolean;
}

/**
 * What one parameter would take to flip the state, read from the current
 * value: "signs ≥ 0.73" if raising it past 0.73 makes the state sign,
 * "signs ≤ 0.41" if lowering it does.
 */
export function flipVerdict(f: ParameterFlip): string {
  if (f.nearest === null) return `no flip (${f.current ? 'signs' : 'abstains'})`;
  const flip = f.flips.find((x) => x.at === f.nearest)!;
  const up = f.value < flip.at;
  const becomes = up ? flip.signsAbove : !flip.signsAbove;
  return `${becomes ? 'signs' : 'abstains'} ${up ? '≥' : '≤'} ${fixed(flip.at, 3)}${f.flips.length > 1 ? ` (+${f.flips.length - 1})` : ''}`;
}

/** The selected state's flip thresholds, one parameter at a time, others as they are. */
export function FlipList({ flips, total, width, heldFixed }: FlipListProps) {
  const theme = useTheme();
  const labelWidth = Math.min(22, Math.max(12, width - 27));
  if (heldFixed) {
    return (
      <Box width={width}>
        <Text color={theme.muted} wrap="wrap">
          Held fixed: no parameter flips it. Press f to free it.
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" color={theme.muted}>
        {flips.length < total ? `What flips it … ${flips.length}/${total}` : 'What flips it (one at a time)'}
      </Text>
      {flips.map((f) => (
        <Text key={f.parameter} wrap="truncate">
          <Text>{cell(f.label, labelWidth)} </Text>
          <Text color={theme.muted}>{fixed(f.value, 2)} </Text>
          <Text color={f.nearest === null ? theme.muted : f.current ? theme.abstain : theme.sign}>
            {flipVerdict(f)}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
