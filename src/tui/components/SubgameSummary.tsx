import { t } from '../../i18n/messages.js';
import { currentLanguage } from '../../i18n/language.js';
import { Text } from 'ink';
import type { ScenarioSubgame } from '../../analysis/subgame.js';
import { useTheme } from '../use-theme.js';

export interface SubgameSummaryProps {
  /** The US–China 2×2 subgame with everyone else at the least equilibrium. */
  subgame: ScenarioSubgame;
}

const action = (a: 0 | 1) =>
  currentLanguage() === 'en' ? (a ? 'sign' : 'abstain') : t(a ? 'explain.signs' : 'explain.abstains');

/** One line: the game each of the pair sees (Jervis 1978) and the pure equilibria. */
export function SubgameSummary({ subgame }: SubgameSummaryProps) {
  const theme = useTheme();
  const [a, b] = subgame.ids;
  const [ta, tb] = subgame.types;
  const types = ta === tb ? t('subgame.both', { type: ta }) : t('subgame.each', { a, ta, b, tb });
  const eq = subgame.equilibria.length
    ? subgame.equilibria.map(([x, y]) => `(${action(x)}, ${action(y)})`).join(' ')
    : t('handout.none');
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>
        {t('subgame.title', { a, b })}
      </Text>
      <Text>
        {types}
        {t('subgame.equilibria', { list: eq })}
        {subgame.riskDominant && subgame.riskDominant !== 'neither'
          ? t('subgame.risk', { which: subgame.riskDominant })
          : ''}
      </Text>
    </Text>
  );
}
