/** Orders of the states table. */
import { t } from '../i18n/messages.js';
import type { StateOutcome } from '../analysis/run.js';

export type SortKey = 'delta' | 'pSign' | 'name' | 'bloc';

export const SORT_KEYS: readonly SortKey[] = ['delta', 'pSign', 'name', 'bloc'];

export const SORT_LABELS: Record<SortKey, string> = { delta: 'Δ', pSign: 'P(sign)', name: 'name', bloc: 'bloc' };

/** A sort key's label in the current language. */
export function sortLabel(key: SortKey): string {
  return key === 'delta' ? 'Δ' : t(`sort.${key}`);
}

/** Natural direction of each order: the most eager signers first, names A→Z. */
const DESCENDING_BY_DEFAULT: Record<SortKey, boolean> = { delta: true, pSign: true, name: false, bloc: false };

export interface SortOrder {
  key: SortKey;
  /** Reversed from the key's natural direction. */
  reversed: boolean;
}

function compare(key: SortKey, x: StateOutcome, y: StateOutcome): number {
  switch (key) {
    case 'delta':
      return x.delta - y.delta;
    case 'pSign':
      return x.pSign - y.pSign;
    case 'name':
      return x.name.localeCompare(y.name);
    case 'bloc':
      return (x.blocs[0] ?? '\uffff').localeCompare(y.blocs[0] ?? '\uffff');
  }
}

/** A sorted copy; ties fall back to the name so the order is stable across recomputations. */
export function sortStates(states: readonly StateOutcome[], order: SortOrder): StateOutcome[] {
  const sign = DESCENDING_BY_DEFAULT[order.key] !== order.reversed ? -1 : 1;
  return [...states].sort(
    (x, y) => sign * compare(order.key, x, y) || x.name.localeCompare(y.name) || x.id.localeCompare(y.id),
  );
}
