/**
 * Joins the shard files of a sweep into the file a single run would have
 * written, byte for byte: a k-way merge by row index. Every row of the
 * sweep must appear exactly once, and be a row the sweep writes
 * (`row-check.ts`: fields, index form, design values, seed, outcome kinds);
 * missing, duplicated or altered rows are refused, naming them, and nothing
 * is left at OUT.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { lineReader, type LineReader } from './line-reader.js';
import { identityDifference, readMeta, writeMeta, type SweepMeta } from './meta.js';
import { partialPath } from './output-file.js';
import { headerLine, rowIndex } from './plan.js';
import { rowChecker } from './row-check.js';
import { WHOLE } from './shard.js';
import { SweepError } from './sweep-error.js';

/** Rows written per system call: large enough to keep merging I/O-bound. */
const FLUSH_BYTES = 1 << 20;
/** Indices named in an error message before "… (N in all)". */
const NAMED = 10;

export interface MergeResult {
  rows: number;
}

/** "3, 7, 8" or "3, 7, 8, … (120 in all)". */
function named(list: number[], count: number): string {
  return list.join(', ') + (count > list.length ? `, … (${count} in all)` : '');
}

interface Cursor {
  part: string;
  reader: LineReader;
  line: string | undefined;
  index: number;
  /** Line number of `line` in the part (1-based, the header included). */
  lineNo: number;
}

async function advance(c: Cursor, format: 'csv' | 'jsonl', check: (line: string) => string | undefined): Promise<void> {
  c.line = await c.reader.next();
  if (c.line === undefined) return;
  c.lineNo++;
  const problem = check(c.line);
  if (problem !== undefined)
    throw new SweepError(`${c.part}: line ${c.lineNo}: ${problem}: not a row this sweep writes (edited?)`);
  const index = rowIndex(c.line, format);
  if (!Number.isSafeInteger(index) || index < c.index)
    throw new SweepError(`${c.part}: rows out of order or unreadable near index ${c.index + 1}`);
  c.index = index;
}

export async function mergeParts(parts: string[], out: string): Promise<MergeResult> {
  if (parts.length === 0) throw new SweepError('merge needs at least one part');
  for (const p of parts)
    if (!existsSync(p))
      throw new SweepError(
        `${p}: not found${existsSync(`${p}.partial`) ? ' (only its .partial: resume that shard first)' : ''}`,
      );
  const metas = parts.map((p) => readMeta(p));
  const first = metas[0];
  metas.forEach((m, k) => {
    const diff = identityDifference(first, m);
    if (diff !== undefined)
      throw new SweepError(`${parts[k]} belongs to another sweep than ${parts[0]}: its ${diff} differs`);
    if (m.status !== 'complete') throw new SweepError(`${parts[k]} is not complete (${m.status}): resume it first`);
  });
  const format = first.plan.format;
  const header = headerLine(first.plan);
  const total = first.totalRows;
  const partial = partialPath(out);
  // Never over an interrupted sweep's rows: they would be overwritten, then removed if the merge fails.
  if (existsSync(partial))
    throw new SweepError(`${partial} exists (an interrupted run?): delete it or merge into another file`);
  // 'wx': created by this run, or not at all (a file that appeared since the check is left alone).
  let fd: number;
  try {
    fd = openSync(partial, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new SweepError(`${partial} exists (an interrupted run?): delete it or merge into another file`);
    throw error;
  }
  const check = rowChecker(first.plan);
  const cursors: Cursor[] = parts.map((part) => ({
    part,
    reader: lineReader(part),
    line: undefined,
    index: -1,
    lineNo: 0,
  }));
  const missing: number[] = [];
  const duplicated: number[] = [];
  let missingCount = 0;
  let duplicatedCount = 0;
  try {
    for (const c of cursors) {
      if (header) {
        const h = await c.reader.next();
        c.lineNo++;
        if (`${h ?? ''}\n` !== header) throw new SweepError(`${c.part}: its header does not match the sweep's columns`);
      }
      await advance(c, format, check);
    }
    let buffer = header;
    let expected = 0;
    for (;;) {
      let best: Cursor | undefined;
      for (const c of cursors) if (c.line !== undefined && (best === undefined || c.index < best.index)) best = c;
      if (best === undefined) break;
      const index = best.index;
      if (index < expected) {
        duplicatedCount++;
        if (duplicated.length < NAMED && duplicated[duplicated.length - 1] !== index) duplicated.push(index);
      } else {
        for (let k = expected; k < index; k++) {
          missingCount++;
          if (missing.length < NAMED) missing.push(k);
        }
        if (index >= total) throw new SweepError(`${best.part}: row ${index} is beyond the sweep's ${total} rows`);
        buffer += best.line + '\n';
        expected = index + 1;
        if (buffer.length >= FLUSH_BYTES) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      await advance(best, format, check);
    }
    for (let k = expected; k < total; k++) {
      missingCount++;
      if (missing.length < NAMED) missing.push(k);
    }
    if (missingCount > 0 || duplicatedCount > 0) {
      const problems = [
        missingCount > 0 ? `missing row${missingCount > 1 ? 's' : ''} ${named(missing, missingCount)}` : '',
        duplicatedCount > 0
          ? `duplicated row${duplicatedCount > 1 ? 's' : ''} ${named(duplicated, duplicatedCount)}`
          : '',
      ].filter(Boolean);
      throw new SweepError(
        `merge refused: ${problems.join('; ')} (every row index 0..${total - 1} must appear exactly once)`,
      );
    }
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(partial, out);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(partial, { force: true });
    throw error;
  } finally {
    for (const c of cursors) c.reader.close();
  }
  const times = metas.map((m) => m.startedAt).sort();
  const ends = metas.map((m) => m.endedAt ?? '').sort();
  const merged: SweepMeta = {
    ...first,
    plan: { ...first.plan, shard: WHOLE },
    rows: total,
    status: 'complete',
    startedAt: times[0],
    endedAt: ends[ends.length - 1] || null,
    mergedFrom: parts,
  };
  delete merged.resumedAt;
  writeMeta(out, merged);
  return { rows: total };
}
