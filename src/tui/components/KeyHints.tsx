import { Text } from 'ink';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface KeyHintsProps {
  /** The keys that matter right now, most useful first. */
  hints: string;
  width: number;
}

/** The bottom line: the keys of the pane that has focus. */
export function KeyHints({ hints, width }: KeyHintsProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate" color={theme.muted} dimColor={!theme.colour}>
      {cell(hints, width)}
    </Text>
  );
}
