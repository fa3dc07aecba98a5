import { Text } from 'ink';
import { useTheme } from '../use-theme.js';

export interface TallyBarProps {
  /** Signers in the least equilibrium: the solid part of the bar. */
  least: number;
  /** Signers in the greatest equilibrium: the range part reaches here. */
  greatest: number;
  /** Number of states. */
  total: number;
  /** Width of the bar in cells. */
  width: number;
}

/** Width of each part, rounded so the three always fill the bar exactly. */
export function barParts(least: number, greatest: number, total: number, width: number): [number, number, number] {
  if (total <= 0 || width <= 0) return [0, 0, Math.max(0, width)];
  const sign = Math.round((least / total) * width);
  const upTo = Math.max(sign, Math.round((Math.max(least, greatest) / total) * width));
  return [sign, upTo - sign, width - upTo];
}

/**
 * Signers against abstainers: █ sign in the least equilibrium, ▓ the states
 * that sign only in the greatest, ░ abstain. The glyphs differ, so the bar
 * reads without colour too.
 */
export function TallyBar({ least, greatest, total, width }: TallyBarProps) {
  const theme = useTheme();
  const [sign, range, abstain] = barParts(least, greatest, total, width);
  return (
    <Text>
      <Text color={theme.sign}>{'█'.repeat(sign)}</Text>
      <Text color={theme.range}>{'▓'.repeat(range)}</Text>
      <Text color={theme.abstain}>{'░'.repeat(abstain)}</Text>
    </Text>
  );
}
