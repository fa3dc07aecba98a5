import { parameterLabel } from '../../app/glossary.js';
import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import type { Scenario } from '../../model/scenario.js';
import { SLIDERS, sliderValue } from '../parameters.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';
import { Slider } from './Slider.js';
import { paneTitle } from '../panes.js';
import { PaneTitle } from './PaneTitle.js';

export interface ParameterPaneProps {
  /** The scenario as loaded (the sliders' home values). */
  base: Scenario;
  /** The scenario with the user's changes (the sliders' values). */
  current: Scenario;
  /** Index in SLIDERS of the slider the arrow keys move. */
  selected: number;
  /** True when this pane has the keys (its title is then highlighted). */
  focused: boolean;
  width: number;
  height: number;
}

/** Every declaration and world parameter as a slider, with what the selected one means. */
export function ParameterPane({ base, current, selected, focused, width, height }: ParameterPaneProps) {
  const theme = useTheme();
  const labelWidth = width >= 56 ? 22 : Math.max(12, width - 34);
  // Room for the value and the "* was 0.50" mark after the track.
  const trackWidth = Math.max(8, Math.min(30, width - labelWidth - 3 - 16));
  const visible = Math.max(1, Math.min(SLIDERS.length, height - 2));
  const first = Math.max(0, Math.min(selected - Math.floor(visible / 2), SLIDERS.length - visible));
  const spec = SLIDERS[selected];
  const changedCount = SLIDERS.filter((s) => sliderValue(current, s) !== sliderValue(base, s)).length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('params')} focused={focused} />
        <Text color={theme.muted}>
          {t('params.hint', { coarse: spec.coarse, fine: spec.fine })}
          {changedCount ? t('params.changed', { count: changedCount }) : ''}
        </Text>
      </Text>
      {SLIDERS.slice(first, first + visible).map((s, k) => (
        <Slider
          key={s.path}
          label={parameterLabel(s.path, s.info.label)}
          value={sliderValue(current, s)}
          baseValue={sliderValue(base, s)}
          min={s.info.min}
          max={s.trackMax}
          labelWidth={labelWidth}
          trackWidth={trackWidth}
          selected={first + k === selected}
        />
      ))}
      <Text wrap="truncate" color={theme.muted}>
        {cell(
          `${spec.path}: ${spec.info.meaning}${spec.info.propositions.length ? ` [${spec.info.propositions.join(' ')}]` : ''}`,
          width,
        )}
      </Text>
    </Box>
  );
}
