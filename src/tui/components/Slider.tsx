import { Text } from 'ink';
import { fixed } from '../../report/format.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';

export interface SliderProps {
  label: string;
  value: number;
  /** The value in the loaded scenario: marked on the track when the slider moved off it. */
  baseValue: number;
  min: number;
  /** End of the track (a value beyond it pins the knob at the end). */
  max: number;
  /** Cells for the label (one more separates it from the track). */
  labelWidth: number;
  /** Cells for the track. */
  trackWidth: number;
  /** The slider the arrow keys move. */
  selected: boolean;
}

function position(value: number, min: number, max: number, cells: number): number {
  if (max <= min) return 0;
  return Math.round(((Math.max(min, Math.min(max, value)) - min) / (max - min)) * (cells - 1));
}

/** One parameter as a slider: ━ up to the knob ●, ┊ where the loaded scenario had it, * when changed. */
export function Slider({ label, value, baseValue, min, max, labelWidth, trackWidth, selected }: SliderProps) {
  const theme = useTheme();
  const changed = value !== baseValue;
  const knob = position(value, min, max, trackWidth);
  const home = position(baseValue, min, max, trackWidth);
  let track = '';
  for (let c = 0; c < trackWidth; c++) track += c === knob ? '●' : changed && c === home ? '┊' : c < knob ? '━' : '─';
  const digits = max > 1 ? 1 : 2;
  return (
    <Text wrap="truncate">
      <Text bold={selected} color={selected ? theme.accent : undefined}>
        {selected ? '▸ ' : '  '}
        {cell(label, labelWidth)}{' '}
      </Text>
      <Text color={changed ? theme.changed : selected ? theme.accent : theme.muted}>{track}</Text>
      <Text bold={changed} color={changed ? theme.changed : undefined}>
        {' '}
        {fixed(value, digits).padStart(5)}
        {changed ? ` * was ${fixed(baseValue, digits)}` : ''}
      </Text>
    </Text>
  );
}
