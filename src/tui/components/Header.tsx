import { t } from '../../i18n/messages.js';
import { displayWidth } from '../../report/format.js';
import { Box, Text } from 'ink';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface HeaderProps {
  /** The scenario's name, shown bold on the first line. */
  name: string;
  /** The scenario's description, cut to one line (`i` shows it whole). */
  description: string;
  /** The file it came from, as the user would recognise it (relative to the scenarios folder or cwd). */
  fileLabel: string;
  /** Number of states in the scenario. */
  states: number;
  /** True when the user has changed something, so the title says it is a what-if. */
  changed: boolean;
  /** The date the world is at, when the scenario has one. */
  date?: string;
  /** True when the date was moved away from the loaded scenario's. */
  dateMoved?: boolean;
  /** Width in cells. */
  width: number;
}

/** The scenario's name and description, the date its world is at, and the keys that always work. */
export function Header({ name, description, fileLabel, states, changed, date, dateMoved = false, width }: HeaderProps) {
  const theme = useTheme();
  // The date stays on screen however long the name: it belongs to the right-hand part.
  const when = date ? t('header.at', { date }) : '';
  const right = t('header.keys');
  const info = `${t('header.states', { count: states, file: fileLabel })}${changed ? t('header.whatIf') : ''}`;
  // The name wins over the file label when the line is short.
  const nameWidth = Math.max(8, Math.min(displayWidth(name), width - displayWidth(right) - displayWidth(when) - 12));
  const infoWidth = Math.max(0, width - displayWidth(right) - displayWidth(when) - nameWidth);
  const about = description.replace(/\s+/g, ' ').trim();
  // A description longer than the line says where the rest is.
  const more = t('header.more');
  const shown = displayWidth(about) > width ? `${cell(about, width - displayWidth(more))}${more}` : cell(about, width);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {cell(name, nameWidth)}
        </Text>
        <Text color={changed ? theme.changed : theme.muted}>{cell(info, infoWidth)}</Text>
        <Text bold={dateMoved} color={dateMoved ? theme.changed : theme.accent}>
          {when}
        </Text>
        <Text color={theme.muted}>{right}</Text>
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {shown}
      </Text>
    </Box>
  );
}
