/**
 * The output file of a sweep, written as OUT.partial and renamed to OUT
 * when the last row is in: a finished OUT is always complete. Each row ends
 * with its newline, so after a crash (even SIGKILL mid-write) the complete
 * rows are exactly the lines that end in '\n'; `--resume` cuts off the torn
 * trailing line and continues after the last complete row.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { SweepError } from './sweep-error.js';

/** The in-progress file of an output. */
export function partialPath(out: string): string {
  return `${out}.partial`;
}

export interface OpenOutput {
  fd: number;
  /** Complete data rows already in the file (0 for a fresh run). */
  rows: number;
  /** The last complete data row, for a sanity check of its index. */
  lastRow?: string;
}

const BLOCK = 1 << 20;

/** Scans a file for its line structure without holding it in memory. */
function scanLines(fd: number): { lines: number; end: number; firstLine?: string } {
  const size = fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(BLOCK);
  let lines = 0;
  let end = 0;
  let firstEnd = -1;
  for (let pos = 0; pos < size;) {
    const got = readSync(fd, buf, 0, Math.min(BLOCK, size - pos), pos);
    if (got <= 0) break;
    for (let k = buf.indexOf(10, 0); k !== -1 && k < got; k = buf.indexOf(10, k + 1)) {
      lines++;
      end = pos + k + 1;
      if (firstEnd < 0) firstEnd = end;
    }
    pos += got;
  }
  return { lines, end, firstLine: firstEnd > 0 ? readRange(fd, 0, firstEnd - 1) : undefined };
}

function readRange(fd: number, from: number, to: number): string {
  const buf = Buffer.allocUnsafe(to - from);
  readSync(fd, buf, 0, to - from, from);
  return buf.toString('utf8');
}

/** The last complete line before `end` (exclusive of its newline). */
function lastLine(fd: number, end: number): string {
  let from = end - 1;
  const step = 4096;
  for (;;) {
    const start = Math.max(0, from - step);
    const chunk = readRange(fd, start, end - 1);
    const k = chunk.lastIndexOf('\n');
    if (k >= 0) return chunk.slice(k + 1);
    if (start === 0) return chunk;
    from = start;
  }
}

/**
 * Opens OUT.partial: fresh (writing the header) or, with `resume`, after
 * its last complete row (checking the header). Refuses to overwrite an
 * interrupted run's rows without `resume`.
 */
export function openOutput(out: string, header: string, resume: boolean, command: string): OpenOutput {
  const partial = partialPath(out);
  if (!resume) {
    if (existsSync(partial))
      throw new SweepError(
        `${partial} holds an interrupted run: continue it with --resume, or delete it to start over`,
      );
    const fd = openSync(partial, 'w');
    if (header) writeSync(fd, header);
    return { fd, rows: 0 };
  }
  if (!existsSync(partial))
    throw new SweepError(`${partial} not found: nothing to resume (${command} without --resume starts the run)`);
  const fd = openSync(partial, 'r+');
  try {
    const { lines, end, firstLine } = scanLines(fd);
    ftruncateSync(fd, end);
    const headerLines = header ? 1 : 0;
    if (header) {
      if (lines === 0) {
        // Killed before the header was out: start the file again.
        ftruncateSync(fd, 0);
        writeSync(fd, header, 0);
        return { fd: reopenAppend(fd, partial), rows: 0 };
      }
      if (`${firstLine}\n` !== header)
        throw new SweepError(`${partial}: its header does not match this command's columns; cannot resume`);
    }
    const rows = lines - headerLines;
    const result: OpenOutput = { fd: reopenAppend(fd, partial), rows };
    if (rows > 0) result.lastRow = lastLine(result.fd, end);
    return result;
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed by reopenAppend
    }
    throw error;
  }
}

/** Appending from here on: rows go after the truncated end whatever the file position. */
function reopenAppend(fd: number, file: string): number {
  closeSync(fd);
  return openSync(file, 'a+');
}

/** Closes the file and gives it its final name. */
export function finishOutput(out: string, fd: number): void {
  closeSync(fd);
  renameSync(partialPath(out), out);
}
