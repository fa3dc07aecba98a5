import { Box, Text } from 'ink';
import type { ScenarioFile } from '../scenario-files.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface FilePickerProps {
  /** Scenario files to choose from. */
  files: readonly ScenarioFile[];
  /** Row of the highlighted file. */
  selected: number;
  /** Absolute path of the scenario on screen, marked in the list. */
  current?: string;
  /** The folder listed, as shown in the title. */
  root: string;
  width: number;
  height: number;
}

/** The list of scenario files `o` offers; Enter opens one, Esc goes back. */
export function FilePicker({ files, selected, current, root, width, height }: FilePickerProps) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const top = Math.max(0, Math.min(selected - Math.floor(rows / 2), files.length - rows));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text bold inverse color={theme.accent}>
          {' Open '}
        </Text>
        <Text color={theme.muted}> {root} · ↑↓ Enter open · Esc back</Text>
      </Text>
      {files.length === 0 ? <Text color={theme.muted}>No scenario files found.</Text> : null}
      {files.slice(top, top + rows).map((f, k) => (
        <Text key={f.file} wrap="truncate" inverse={top + k === selected}>
          {top + k === selected ? '▸' : ' '}
          {f.file === current ? '●' : ' '} {cell(f.label, width - 3)}
        </Text>
      ))}
    </Box>
  );
}
