import { Text } from 'ink';
import { useTheme } from '../use-theme.js';

/** A pane's name at the start of its first line, highlighted while the pane has the keys. */
export function PaneTitle({ title, focused }: { title: string; focused: boolean }) {
  const theme = useTheme();
  return (
    <Text bold inverse={focused} color={focused ? theme.accent : undefined}>
      {` ${title} `}
    </Text>
  );
}
