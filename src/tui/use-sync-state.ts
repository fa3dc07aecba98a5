import { useCallback, useRef, useState } from 'react';

/**
 * useState whose latest value is readable at once through a ref. Keys can
 * arrive faster than React re-renders (a held arrow key, tmux send-keys,
 * a paste): the key handler must see the pane or slider the previous key
 * just selected, not the one of the last render.
 */
export function useSyncState<T>(
  initial: T | (() => T),
): [T, (next: T | ((prev: T) => T)) => void, { readonly current: T }] {
  const [value, setValue] = useState(initial);
  const ref = useRef(value);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    ref.current = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, set, ref];
}
