import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The smallest screen the layout is designed for. */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

/**
 * The terminal's size, following resizes. A stream that does not know its
 * size (a test double, a pipe) counts as 80×24; `fixed` pins it (tests).
 */
export function useTerminalSize(fixed?: Partial<TerminalSize>): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({
    columns: fixed?.columns ?? (stdout.columns || MIN_SIZE.columns),
    rows: fixed?.rows ?? (stdout.rows || MIN_SIZE.rows),
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // read() only depends on the stream and the pinned size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, fixed?.columns, fixed?.rows]);
  return size;
}
