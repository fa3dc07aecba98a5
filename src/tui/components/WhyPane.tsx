import { Box, Text } from 'ink';
import type { Explanation } from '../../analysis/explain.js';
import type { ScenarioSubgame } from '../../analysis/subgame.js';
import { signed } from '../../report/format.js';
import type { FlipProgress } from '../use-flip-thresholds.js';
import { useTheme } from '../use-theme.js';
import { percentCell, shown } from '../text.js';
import { FlipList } from './FlipList.js';
import { SubgameSummary } from './SubgameSummary.js';
import { TermChart } from './TermChart.js';
import { PaneTitle } from './PaneTitle.js';

export interface WhyPaneProps {
  /** The selected state's term contributions at the least equilibrium. */
  explanation: Explanation;
  /** Its probability of signing in the QRE. */
  pSign: number;
  /** Its flip thresholds, as far as they are computed. */
  flips: FlipProgress;
  /** The US–China subgame, when the scenario has both. */
  subgame?: ScenarioSubgame;
  /** True when this pane has the keys. */
  focused: boolean;
  width: number;
  height: number;
}

/** Why the selected state decides as it does, what would flip it, and the US–China game. */
export function WhyPane({ explanation: e, pSign, flips, subgame, focused, width, height }: WhyPaneProps) {
  const theme = useTheme();
  const verdict = e.fixed ? `held at ${e.fixed}` : e.signs ? 'signs' : 'abstains';
  const bodyRows = Math.max(1, height - 1 - (subgame ? 1 : 0));
  const chartWidth = Math.max(34, Math.floor(width * 0.45));
  const flipWidth = width - chartWidth - 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title="Why" focused={focused} />
        <Text bold> {shown(`${e.id} ${e.name}`)}</Text>
        <Text color={e.signs ? theme.sign : theme.abstain} bold>
          {' '}
          {verdict}
        </Text>
        <Text>
          {' '}
          · Δ {signed(e.delta, 3)} · P(sign) {percentCell(pSign)}
        </Text>
        <Text color={theme.muted}> · ↑↓ state · f fix</Text>
      </Text>
      <Box height={bodyRows}>
        <TermChart contributions={e.contributions} width={chartWidth} rows={bodyRows} />
        <Box marginLeft={1} width={flipWidth}>
          <FlipList
            flips={flips.flips.slice(0, bodyRows - 1)}
            total={flips.total}
            width={flipWidth}
            heldFixed={e.fixed !== undefined}
          />
        </Box>
      </Box>
      {subgame ? <SubgameSummary subgame={subgame} /> : null}
    </Box>
  );
}
