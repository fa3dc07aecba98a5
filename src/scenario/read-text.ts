/**
 * Reading a scenario file's bytes: only regular files, never more than
 * MAX_FILE_BYTES, and only valid UTF-8.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ScenarioError } from './errors.js';
import { MAX_FILE_BYTES } from './limits.js';

const MIB = MAX_FILE_BYTES / (1024 * 1024);

export function tooLarge(file: string): ScenarioError {
  return new ScenarioError(
    file,
    '',
    `expected a file of at most ${MIB} MiB (${MAX_FILE_BYTES} bytes); scenario files are limited in size`,
  );
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) {
      const at = firstInvalidByte(bytes);
      throw new ScenarioError(file, '', `expected UTF-8 text, found an invalid byte sequence at byte ${at}`);
    }
    throw error;
  }
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (binary search on fatal decoding). */
function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const valid = (end: number): boolean => {
    try {
      // Streaming mode: an incomplete sequence at the cut is not an error, an invalid one is.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (valid(mid)) lo = mid;
    else hi = mid;
  }
  // The longest valid prefix may end in the lead bytes of the bad sequence; report where it starts.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
  } catch {
    for (let k = 1; k <= 3 && lo - k >= 0; k++) {
      if (bytes[lo - k] >= 0xc0) return lo - k;
    }
  }
  return lo;
}

/** Reads a file as UTF-8 text, with the size limit checked before reading. */
export function readScenarioFile(absolute: string, shown: string): string {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const reason = describeFsError(error);
    throw new ScenarioError(
      shown,
      '',
      `expected a readable file: ${reason}`,
      reason === 'no such file' ? { key: 'cli.fileNotFound', params: { file: shown } } : undefined,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ScenarioError(shown, '', 'expected a file, found a directory');
    // Devices and pipes could stream forever; only regular files have a size to check.
    if (!stat.isFile()) throw new ScenarioError(shown, '', 'expected a regular file');
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(shown);
    const buffer = new Uint8Array(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      let read: number;
      try {
        read = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        throw new ScenarioError(shown, '', `expected a readable file: ${describeFsError(error)}`);
      }
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_FILE_BYTES) throw tooLarge(shown);
    return decodeUtf8(buffer.subarray(0, length), shown);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'found a directory';
  if (typeof code === 'string') return code;
  throw error;
}
