import { Box, Text } from 'ink';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface HelpPaneProps {
  width: number;
  height: number;
}

/** Every key of the UI, grouped by pane; also in docs/tui.md. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['1–6 · Tab', 'panes: Parameters, States, Why, Cascade, Blocs, Timeline'],
  ['↑ ↓', 'pick a slider / a state; PgUp PgDn Home End scroll'],
  ['← →', 'slider −/+ 0.1 (λ: 1); cascade: previous/next round'],
  ['- + · ⇧← ⇧→', 'slider −/+ 0.01 (λ: 0.1)'],
  ['r · R', 'reset this slider (or free this state) · reset everything'],
  ['f', 'fix the selected state: free → sign → abstain → free'],
  ['s · S', 'sort states by Δ, P(sign), name, bloc · reverse'],
  ['/', 'find a state by id or name; Enter shows why'],
  ['Enter', 'on a state: why it signs or abstains; on an event: its date'],
  ['space', 'cascade: play / pause the rounds'],
  ['[ ]', 'date: previous / next dated change or event (dated only)'],
  ['d', 'date: type one, YYYY-MM-DD, within the timeline'],
  ['o', 'open another scenario from scenarios/'],
  ['w', 'save the what-if: a new file that extends this one'],
  ['e', 'export the current result as JSON'],
  ['?', 'this help (any key closes it)'],
  ['q · Ctrl-C', 'quit'],
];

/** The key reference, shown by `?`. */
export function HelpPane({ width, height }: HelpPaneProps) {
  const theme = useTheme();
  const keyWidth = 14;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold inverse color={theme.accent}>
        {' Keys '}
      </Text>
      {KEY_HELP.slice(0, Math.max(0, height - 2)).map(([k, what]) => (
        <Text key={k} wrap="truncate">
          <Text bold>{cell(k, keyWidth)}</Text>
          <Text>{what}</Text>
        </Text>
      ))}
      <Text color={theme.muted} wrap="truncate">
        {cell(
          '▲▼ flipped with the last change · * changed slider or held state · █ sign ▓ only in greatest ░ abstain',
          width,
        )}
      </Text>
    </Box>
  );
}
