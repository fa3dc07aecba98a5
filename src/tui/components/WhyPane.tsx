import { Box, Text } from 'ink';
import type { Explanation } from '../../analysis/explain.js';
import { EXPLAINED_PARAMETERS } from '../../analysis/parameter-flip.js';
import type { ScenarioSubgame } from '../../analysis/subgame.js';
import { signed } from '../../report/format.js';
import type { FlipProgress } from '../use-flip-thresholds.js';
import type { SeekView } from '../use-seek.js';
import { widestCells } from '../wrap-cells.js';
import { useTheme } from '../use-theme.js';
import { percentCell, shown } from '../text.js';
import { FlipList } from './FlipList.js';
import { SeekPanel } from './SeekPanel.js';
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
  /** The seek (`k`) for this state: shown instead of the flip list while it runs and once it answered. */
  seek: SeekView;
  /** States in the scenario and signers now (least equilibrium), for the seek's tally. */
  states: number;
  signedNow: number;
  /** True when this pane has the keys. */
  focused: boolean;
  width: number;
  height: number;
}

/** Why the selected state decides as it does, what would flip it, and the US–China game. */
const FLIP_LABELS = EXPLAINED_PARAMETERS.map((p) => p.info.label);
/** The flip list's value and verdict beside its labels ("0.30 no flip (abstains)"). */
const FLIP_VALUES = 6 + 'no flip (abstains)'.length;
/** The term chart is given at least this many cells. */
const MIN_CHART = 30;

export function WhyPane({
  explanation: e,
  pSign,
  flips,
  subgame,
  seek,
  states,
  signedNow,
  focused,
  width,
  height,
}: WhyPaneProps) {
  const theme = useTheme();
  const verdict = e.fixed ? `held at ${e.fixed}` : e.signs ? 'signs' : 'abstains';
  const bodyRows = Math.max(1, height - 1 - (subgame ? 1 : 0));
  // The flip list gets room for its longest label when the chart keeps MIN_CHART cells; the rest is the chart's.
  const chartWidth = Math.max(MIN_CHART, width - widestCells(FLIP_LABELS) - FLIP_VALUES - 1);
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
        <Text color={theme.muted}> · k seek · f fix</Text>
      </Text>
      <Box height={bodyRows}>
        <TermChart contributions={e.contributions} width={chartWidth} rows={bodyRows} />
        <Box marginLeft={1} width={flipWidth}>
          {seek.state !== 'idle' && seek.id === e.id ? (
            <SeekPanel view={seek} states={states} signedNow={signedNow} width={flipWidth} rows={bodyRows} />
          ) : (
            <FlipList
              flips={flips.flips}
              total={flips.total}
              width={flipWidth}
              rows={bodyRows}
              labels={FLIP_LABELS}
              heldFixed={e.fixed !== undefined}
            />
          )}
        </Box>
      </Box>
      {subgame ? <SubgameSummary subgame={subgame} /> : null}
    </Box>
  );
}
