import { Text } from 'ink';
import type { ScenarioSubgame } from '../../analysis/subgame.js';
import { useTheme } from '../use-theme.js';

export interface SubgameSummaryProps {
  /** The US–China 2×2 subgame with everyone else at the least equilibrium. */
  subgame: ScenarioSubgame;
}

const action = (a: 0 | 1) => (a ? 'sign' : 'abstain');

/** One line: the game each of the pair sees (Jervis 1978) and the pure equilibria. */
export function SubgameSummary({ subgame }: SubgameSummaryProps) {
  const theme = useTheme();
  const [a, b] = subgame.ids;
  const [ta, tb] = subgame.types;
  const types = ta === tb ? `both see ${ta}` : `${a} sees ${ta}, ${b} ${tb}`;
  const eq = subgame.equilibria.length
    ? subgame.equilibria.map(([x, y]) => `(${action(x)}, ${action(y)})`).join(' ')
    : 'none';
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>
        {a}–{b} subgame:{' '}
      </Text>
      <Text>
        {types} · equilibria {eq}
        {subgame.riskDominant && subgame.riskDominant !== 'neither' ? ` · risk-dominant ${subgame.riskDominant}` : ''}
      </Text>
    </Text>
  );
}
