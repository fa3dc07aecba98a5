/** The panes of the explorer and the keys that open them. */
export type PaneId = 'params' | 'states' | 'why' | 'cascade' | 'blocs' | 'timeline';

export const PANES: ReadonlyArray<{ id: PaneId; key: string; label: string }> = [
  { id: 'params', key: '1', label: 'Parameters' },
  { id: 'states', key: '2', label: 'States' },
  { id: 'why', key: '3', label: 'Why' },
  { id: 'cascade', key: '4', label: 'Cascade' },
  { id: 'blocs', key: '5', label: 'Blocs' },
  { id: 'timeline', key: '6', label: 'Timeline' },
];

/** The keys that matter in each pane, for the bottom line. */
export const PANE_HINTS: Record<PaneId, string> = {
  params: '↑↓ slider · ←→ ±0.1 · -/+ ±0.01 · r reset · R all · Tab pane · w save · e export · o open · ? keys',
  states: '↑↓ state · Enter why · f fix · r free · s sort · / find · Tab pane · w save · ? keys',
  why: '↑↓ state · k seek: what flips it · f fix · r free · / find · Tab pane · ? keys',
  cascade: 'space play/pause · ←→ round · Home/End · Tab pane · ? keys',
  blocs: '↑↓ scroll · Tab pane · w save · e export · ? keys',
  timeline: '↑↓ event · Enter its date · [ ] step date · d type a date · Tab pane · ? keys',
};

/** Screens at least this wide keep the sliders on the left beside the other panes. */
export const WIDE_COLUMNS = 120;
