import { useEffect, useState } from 'react';

/** Pause between two rounds while the cascade plays. */
export const ROUND_INTERVAL_MS = 700;

export interface CascadeReplay {
  /** Rounds shown: 0 is no signatures, `rounds` the equilibrium. */
  step: number;
  playing: boolean;
  /** Plays from no signatures (or from where it stands); pauses when playing. */
  toggle: () => void;
  /** Moves by ±1 round (or jumps with ±Infinity), pausing the replay. */
  stepBy: (delta: number) => void;
}

interface ReplayState {
  /** The result the position belongs to. */
  key: unknown;
  step: number;
  playing: boolean;
}

/**
 * The replay position in the cascade from all-abstain to the least
 * equilibrium. A new result (`resultKey`) shows its equilibrium, the last
 * round, so the pane never shows a stale path; that reset is derived while
 * rendering rather than set from an effect, so a burst of slider keys does
 * not queue an update per key.
 */
export function useCascadeReplay(rounds: number, resultKey: unknown): CascadeReplay {
  const [state, setState] = useState<ReplayState>({ key: resultKey, step: rounds, playing: false });
  const current: ReplayState = state.key === resultKey ? state : { key: resultKey, step: rounds, playing: false };
  const step = Math.min(current.step, rounds);
  useEffect(() => {
    if (!current.playing) return;
    const timer = setTimeout(
      () => setState({ key: resultKey, step: Math.min(rounds, step + 1), playing: step + 1 < rounds }),
      ROUND_INTERVAL_MS,
    );
    return () => clearTimeout(timer);
  }, [current.playing, step, rounds, resultKey]);
  // Functional updates: several keys can arrive before the next render.
  const settled = (s: ReplayState): ReplayState =>
    s.key === resultKey ? s : { key: resultKey, step: rounds, playing: false };
  const toggle = () =>
    setState((prev) => {
      const s = settled(prev);
      return s.playing
        ? { ...s, playing: false }
        : { key: resultKey, step: s.step >= rounds ? 0 : s.step, playing: rounds > 0 };
    });
  const stepBy = (delta: number) =>
    setState((prev) => ({
      key: resultKey,
      step: Math.max(0, Math.min(rounds, settled(prev).step + delta)),
      playing: false,
    }));
  return { step, playing: current.playing, toggle, stepBy };
}
