import { useEffect, useRef, useState } from 'react';
import { stateIndex } from '../analysis/explain.js';
import type { ParameterFlip } from '../analysis/parameter-flip.js';
import { EXPLAINED_PARAMETER_COUNT, parameterFlip } from '../analysis/parameter-flip.js';
import type { RunResult } from '../analysis/run.js';
import type { GameStructure } from '../model/compile.js';

export interface FlipProgress {
  /** Thresholds found so far, in the order of EXPLAINED_PARAMETERS. */
  flips: ParameterFlip[];
  /** Number of parameters in all; done when flips.length equals it. */
  total: number;
}

/**
 * The selected state's flip thresholds, computed lazily: only while
 * `enabled` (the Why pane is on screen), one parameter per event-loop turn
 * so key presses are never kept waiting behind the ~700 equilibrium solves,
 * and cached per state until the run changes.
 */
export function useFlipThresholds(
  run: RunResult,
  structure: GameStructure,
  stateId: string | undefined,
  enabled: boolean,
): FlipProgress {
  const cache = useRef<{ run: RunResult; byState: Map<string, ParameterFlip[]> }>({ run, byState: new Map() });
  if (cache.current.run !== run) cache.current = { run, byState: new Map() };
  const cached = stateId ? cache.current.byState.get(stateId) : undefined;
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!enabled || stateId === undefined) return;
    let i: number;
    try {
      i = stateIndex(run.scenario, stateId);
    } catch {
      return;
    }
    const store = cache.current.byState;
    const flips = store.get(stateId) ?? [];
    store.set(stateId, flips);
    if (flips.length >= EXPLAINED_PARAMETER_COUNT) return;
    let cancelled = false;
    let timer: NodeJS.Timeout | undefined;
    const step = () => {
      if (cancelled) return;
      flips.push(parameterFlip(run.scenario, i, flips.length, structure));
      setTick((t) => t + 1);
      if (flips.length < EXPLAINED_PARAMETER_COUNT) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [run, structure, stateId, enabled]);

  return { flips: cached ? [...cached] : [], total: EXPLAINED_PARAMETER_COUNT };
}
