import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import type { BlocTally } from '../../analysis/blocs.js';
import { fixed } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';
import { TallyBar } from './TallyBar.js';
import { paneTitle } from '../panes.js';
import { PaneTitle } from './PaneTitle.js';

export interface BlocPaneProps {
  /** One row per bloc, largest first (blocBreakdown). */
  blocs: readonly BlocTally[];
  /** First row shown, for scrolling. */
  top: number;
  /** True when this pane has the keys. */
  focused: boolean;
  width: number;
  height: number;
}

/** The tally by bloc: signers in the least equilibrium, up to the greatest, and the QRE expectation. */
export function BlocPane({ blocs, top, focused, width, height }: BlocPaneProps) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const first = Math.max(0, Math.min(top, blocs.length - rows));
  const barWidth = Math.max(8, Math.min(30, width - 44));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('blocs')} focused={focused} />
        <Text color={theme.muted}>
          {t('blocs.header')}
          {blocs.length > rows ? t('blocs.scroll') : ''}
        </Text>
      </Text>
      {blocs.slice(first, first + rows).map((b) => (
        <Text key={b.bloc} wrap="truncate">
          <Text>{cell(b.bloc, 14)} </Text>
          <TallyBar least={b.signLeast} greatest={b.signGreatest} total={b.members.length} width={barWidth} />
          <Text bold>
            {' '}
            {String(b.signLeast).padStart(3)}/{String(b.members.length).padEnd(3)}
          </Text>
          <Text color={b.signGreatest > b.signLeast ? theme.range : theme.muted}>
            {' '}
            ≤{String(b.signGreatest).padStart(3)}
          </Text>
          <Text color={theme.muted}> E {fixed(b.expected, 1).padStart(5)}</Text>
        </Text>
      ))}
    </Box>
  );
}
