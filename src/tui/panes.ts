/** The panes of the explorer and the keys that open them; labels and hints in the reader's language (src/i18n). */
import { t } from '../i18n/messages.js';

export type PaneId = 'params' | 'states' | 'why' | 'cascade' | 'blocs' | 'timeline';

const pane = (id: PaneId, key: string) => ({
  id,
  key,
  /** The tab's label, in the current language when read. */
  get label(): string {
    return t(`pane.${id}`);
  },
});

export const PANES: ReadonlyArray<{ id: PaneId; key: string; label: string }> = [
  pane('params', '1'),
  pane('states', '2'),
  pane('why', '3'),
  pane('cascade', '4'),
  pane('blocs', '5'),
  pane('timeline', '6'),
];

/** A pane's title: what it shows in plain words, its technical name beside. */
export function paneTitle(id: PaneId): string {
  return t(`title.${id}`);
}

/** The keys that matter in each pane, for the bottom line (in the current language when read). */
export const PANE_HINTS: Readonly<Record<PaneId, string>> = {
  get params() {
    return t('hints.params');
  },
  get states() {
    return t('hints.states');
  },
  get why() {
    return t('hints.why');
  },
  get cascade() {
    return t('hints.cascade');
  },
  get blocs() {
    return t('hints.blocs');
  },
  get timeline() {
    return t('hints.timeline');
  },
};

/** Screens at least this wide keep the sliders on the left beside the other panes. */
export const WIDE_COLUMNS = 120;
