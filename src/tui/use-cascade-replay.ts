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

/**
 * The replay position in the cascade from all-abstain to the least
 * equilibrium. Shows the equilibrium (the last round) whenever the result
 * changes, so the pane never shows a stale path.
 */
export function useCascadeReplay(rounds: number, resultKey: unknown): CascadeReplay {
  const [step, setStep] = useState(rounds);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    setStep(rounds);
    setPlaying(false);
  }, [resultKey, rounds]);
  useEffect(() => {
    if (!playing) return;
    if (step >= rounds) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep((s) => Math.min(rounds, s + 1)), ROUND_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [playing, step, rounds]);
  const toggle = () => {
    if (playing) return setPlaying(false);
    if (step >= rounds) setStep(0);
    setPlaying(true);
  };
  const stepBy = (delta: number) => {
    setPlaying(false);
    setStep((s) => Math.max(0, Math.min(rounds, s + delta)));
  };
  return { step: Math.min(step, rounds), playing, toggle, stepBy };
}
