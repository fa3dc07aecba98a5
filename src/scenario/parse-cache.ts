/**
 * A cache of parsed YAML scenario files, so a file read again (the next
 * command, the terminal UI's start, a sweep) costs a hash and a JSON parse
 * instead of the YAML parser's few hundred milliseconds on a large roster.
 *
 * The key is the SHA-256 of the file's text together with signatory's
 * version and CACHE_FORMAT, so an edited file, or a new release whose parser
 * or limits changed, never meets an old entry. Only a successful parse is
 * stored, after every limit was checked, and only data JSON carries
 * exactly (no ±Infinity, NaN or −0, which YAML can spell); errors are never
 * cached, so their messages come from the parser as always. Entries are
 * written to a temporary file opened 'wx' and renamed, so a reader sees a
 * whole entry or none. The cache is best effort: a directory that cannot
 * be written, or an entry that cannot be read, only means parsing again.
 *
 * Where: $SIGNATORY_CACHE_DIR, else $XDG_CACHE_HOME/signatory, else
 * ~/.cache/signatory. SIGNATORY_CACHE=off turns it off.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageVersion } from '../app/package.js';
import { MAX_FILE_BYTES } from './limits.js';
import { checkDepth, parseDocumentText } from './parse-document.js';

/** Bumped when what an entry holds changes. */
const CACHE_FORMAT = 1;

/** The cache directory, or undefined when the cache is off. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if ((env.SIGNATORY_CACHE ?? '').toLowerCase() === 'off') return undefined;
  if (env.SIGNATORY_CACHE_DIR) return env.SIGNATORY_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'signatory');
}

let version: string | undefined;

function entryPath(dir: string, text: string): string {
  version ??= packageVersion();
  const hash = createHash('sha256').update(`signatory ${version} parse ${CACHE_FORMAT}\n`).update(text).digest('hex');
  return path.join(dir, `${hash}.json`);
}

/** True when JSON gives `value` back exactly: finite numbers other than −0, strings, booleans, null, lists, mappings. */
export function jsonExact(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) return false;
      continue;
    }
    // One at a time: spreading a list of 100,000 items into push() would overflow the call stack.
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      for (const key in v) stack.push((v as Record<string, unknown>)[key]);
    else return false;
  }
  return true;
}

/** An entry is at most this large (aliases expanded, a file's data can outgrow its text). */
const MAX_ENTRY_BYTES = 4 * MAX_FILE_BYTES;

/** The entry's data, or undefined when there is none or it is not a whole, plausible entry. */
function readEntry(file: string, shown: string): unknown {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_ENTRY_BYTES) return undefined;
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    checkDepth(data, shown);
    return data;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, data: unknown): void {
  const json = JSON.stringify(data);
  if (json.length > MAX_ENTRY_BYTES) return;
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeFileSync(fd, json);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there either.
    }
  }
}

/**
 * `parseDocumentText(text, file)`, through the cache for YAML files (JSON
 * files parse as fast as the cache would read them).
 */
export function parseDocumentCached(text: string, file: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = cacheDirectory(env);
  if (dir === undefined || /\.json$/i.test(file) || text.length > MAX_FILE_BYTES) return parseDocumentText(text, file);
  const entry = entryPath(dir, text);
  const cached = readEntry(entry, file);
  if (cached !== undefined) return cached;
  const data = parseDocumentText(text, file);
  if (jsonExact(data)) writeEntry(dir, entry, data);
  return data;
}
