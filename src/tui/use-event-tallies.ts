import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../model/scenario.js';
import { eventTally, type EventFile, type EventTally } from './events.js';

/**
 * The modelled tallies of the event files, computed lazily: only while
 * `enabled` (the timeline pane is on screen), one file per event-loop turn
 * (load it, run it), so key presses wait at most for one file, and kept
 * for the rest of the session. The map grows as results come in: a file
 * without an entry is still to be computed.
 */
export function useEventTallies(
  events: readonly EventFile[],
  load: (file: string) => Scenario,
  enabled: boolean,
): ReadonlyMap<string, EventTally> {
  const cache = useRef(new Map<string, EventTally>());
  const loadRef = useRef(load);
  loadRef.current = load;
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const store = cache.current;
    const todo = events.map((e) => e.file).filter((f) => !store.has(f));
    if (!todo.length) return;
    let cancelled = false;
    let timer: NodeJS.Timeout | undefined;
    const step = () => {
      if (cancelled) return;
      const file = todo.shift()!;
      store.set(file, eventTally(file, loadRef.current));
      setTick((t) => t + 1);
      if (todo.length) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [events, enabled]);

  return new Map(cache.current);
}
