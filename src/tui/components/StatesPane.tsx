import { currentLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/messages.js';
import { stateName } from '../../i18n/state-names.js';
import { Box, Text } from 'ink';
import type { StateOutcome } from '../../analysis/run.js';
import { signed } from '../../report/format.js';
import { sortLabel, type SortOrder } from '../state-order.js';
import { useTheme } from '../use-theme.js';
import { cell, cellRight, percentCell } from '../text.js';
import { paneTitle } from '../panes.js';
import { PaneTitle } from './PaneTitle.js';

export interface StatesPaneProps {
  /** The states in table order. */
  states: readonly StateOutcome[];
  /** Row of the selected state (the one the Why pane explains and `f` fixes). */
  selected: number;
  /** States that flipped with the last change: id → signs now. */
  flipped: ReadonlyMap<string, boolean>;
  order: SortOrder;
  /** True when this pane has the keys. */
  focused: boolean;
  width: number;
  height: number;
}

/** The first row to show so that the selected row stays on screen, near the middle when it can. */
export function scrollTop(selected: number, count: number, visible: number): number {
  return Math.max(0, Math.min(selected - Math.floor(visible / 2), count - visible));
}

/**
 * Every state with its decision in the least equilibrium: ▲/▼ and a
 * highlight for states that flipped with the last change, * for states
 * held fixed, Δ, the probability of signing in the QRE, and the blocs.
 */
export function StatesPane({ states, selected, flipped, order, focused, width, height }: StatesPaneProps) {
  const theme = useTheme();
  const visible = Math.max(1, height - 2);
  const top = scrollTop(selected, states.length, visible);
  const nameWidth = Math.max(10, Math.min(28, width - 55));
  const blocWidth = Math.max(0, width - (2 + 4 + 1 + nameWidth + 1 + 10 + 1 + 7 + 1 + 5 + 2));
  const alphabetic = order.key === 'name' || order.key === 'bloc';
  const direction = alphabetic
    ? t(order.reversed ? 'states.direction.za' : 'states.direction.az')
    : t(order.reversed ? 'states.direction.small' : 'states.direction.large');
  const signers = states.filter((s) => s.signs).length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('states')} focused={focused} />
        <Text color={theme.muted}>
          {t('states.header', { by: sortLabel(order.key), direction, signed: signers, total: states.length })}
          {flipped.size ? t('states.flipped', { count: flipped.size }) : ''}
        </Text>
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {`  ${cell('id', 4)} ${cell(t('states.name'), nameWidth)} ${cell(t('states.decision'), 10)} ${cellRight('Δ', 7)} ${cellRight('P', 5)}  ${cell(t('states.blocs'), blocWidth)}`}
      </Text>
      {states.slice(top, top + visible).map((s, k) => {
        const row = top + k;
        const flip = flipped.get(s.id);
        const mark = flip === undefined ? ' ' : flip ? '▲' : '▼';
        const decision = `${t(s.signs ? 'states.sign' : 'states.abstain')}${s.fixed ? '*' : ''}`;
        const isSelected = row === selected;
        return (
          <Text key={s.id} wrap="truncate" inverse={isSelected} bold={flip !== undefined}>
            <Text color={flip !== undefined ? theme.changed : undefined}>{`${isSelected ? '▸' : ' '}${mark}`}</Text>
            <Text>{`${cell(s.id, 4)} ${cell(stateName(s, currentLanguage()), nameWidth)} `}</Text>
            <Text color={s.signs ? theme.sign : theme.abstain}>{cell(decision, 10)}</Text>
            <Text>{` ${cellRight(signed(s.delta, 2), 7)} ${cellRight(percentCell(s.pSign), 5)}  `}</Text>
            <Text color={theme.muted}>{cell(s.blocs.join(' '), blocWidth)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
