import { useCallback, useReducer } from 'react';
import type { Scenario } from '../model/scenario.js';
import { applyEdit, openSession, type Edit, type Session } from './session.js';

export interface ScenarioState {
  /** The loaded scenario, the user's changes and the core's answer at the current point. */
  session: Session;
  /** Applies one change (a slider value, a reset, a fix, another file) and re-solves at once. */
  edit: (edit: Edit) => void;
}

/**
 * Holds the what-if session of the UI. Every edit re-solves synchronously
 * through the core: on the 85-state baseline that takes a few milliseconds
 * (bench/tui-recompute.js), so the screen answers on the same key press.
 */
export function useScenarioState(initial: Scenario): ScenarioState {
  const [session, dispatch] = useReducer(applyEdit, initial, openSession);
  const edit = useCallback((e: Edit) => dispatch(e), []);
  return { session, edit };
}
