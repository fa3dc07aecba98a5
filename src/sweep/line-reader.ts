/**
 * Pull-based line reading of large files, one line at a time, without
 * holding the file in memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface LineReader {
  /** The next line without its newline, or undefined at the end. */
  next(): Promise<string | undefined>;
  close(): void;
}

export function lineReader(file: string): LineReader {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  return {
    async next() {
      const r = await it.next();
      return r.done ? undefined : (r.value as string);
    },
    close() {
      lines.close();
      stream.destroy();
    },
  };
}
