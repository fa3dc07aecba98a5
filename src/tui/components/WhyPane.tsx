import { parameterLabel } from '../../app/glossary.js';
import { paneTitle } from '../panes.js';
import { stateName } from '../../i18n/state-names.js';
import { t } from '../../i18n/messages.js';
import { currentLanguage } from '../../i18n/language.js';
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
/** The settings' labels in the current language. */
const flipLabels = (): string[] =>
  EXPLAINED_PARAMETERS.map((p) => parameterLabel(`${p.section}.${p.info.key}`, p.info.label));
/** The flip list's value and verdict beside its labels ("0.30 no flip (abstains)"). */
const FLIP_VALUES = 6 + 'no flip (abstains)'.length; // the English verdict, the widest in either language
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
  const verb = (signs: boolean) => t(signs ? 'explain.signs' : 'explain.abstains');
  const held = (action: 'sign' | 'abstain') => (currentLanguage() === 'en' ? action : verb(action === 'sign'));
  const verdict = e.fixed ? t('why.held', { action: held(e.fixed) }) : verb(e.signs);
  const name = stateName(e, currentLanguage());
  const bodyRows = Math.max(1, height - 1 - (subgame ? 1 : 0));
  // The flip list gets room for its longest label when the chart keeps MIN_CHART cells; the rest is the chart's.
  const labels = flipLabels();
  const chartWidth = Math.max(MIN_CHART, width - widestCells(labels) - FLIP_VALUES - 1);
  const flipWidth = width - chartWidth - 1;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('why')} focused={focused} />
        <Text bold> {shown(`${e.id} ${name}`)}</Text>
        <Text color={e.signs ? theme.sign : theme.abstain} bold>
          {' '}
          {verdict}
        </Text>
        <Text>{t('why.header', { delta: signed(e.delta, 3), p: percentCell(pSign) })}</Text>
        <Text color={theme.muted}>{t('why.keys')}</Text>
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
              labels={labels}
              heldFixed={e.fixed !== undefined}
            />
          )}
        </Box>
      </Box>
      {subgame ? <SubgameSummary subgame={subgame} /> : null}
    </Box>
  );
}
