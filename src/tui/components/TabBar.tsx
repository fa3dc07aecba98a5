import { Text } from 'ink';
import { displayWidth } from '../../report/format.js';
import { useTheme } from '../use-theme.js';

export interface Tab {
  /** The key that opens it: 1, 2 … */
  key: string;
  label: string;
}

export interface TabBarProps {
  tabs: readonly Tab[];
  /** Key of the tab on screen: drawn inverse, so it shows without colour. */
  active: string;
  /** Width in cells. */
  width: number;
}

/** The pane tabs; Tab and the digit keys switch between them. */
export function TabBar({ tabs, active, width }: TabBarProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {tabs.map((t) => (
        <Text key={t.key}>
          <Text inverse={t.key === active} bold={t.key === active} color={t.key === active ? theme.accent : undefined}>
            {` ${t.key} ${t.label} `}
          </Text>
          <Text> </Text>
        </Text>
      ))}
      <Text color={theme.muted}>
        {'─'.repeat(Math.max(0, width - tabs.reduce((w, t) => w + displayWidth(t.label) + 5, 0)))}
      </Text>
    </Text>
  );
}
