import path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { mergeParts } from '../../sweep/merge.js';
import { metaPath, readMeta } from '../../sweep/meta.js';
import { loadScenarioWithMeta } from '../../scenario/load.js';
import { partialPath } from '../../sweep/output-file.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder, samePath } from '../options.js';
import { printableLine } from '../../text/printable.js';
import { UsageError } from '../usage-error.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the shard files of a sweep into the file a single run writes',
  help: `Usage: signatory merge PART... --out FILE [--force]

Joins the outputs of 'signatory sweep --shard K/N' (each with its receipt
PART.meta.json) into FILE, byte for byte the file an unsharded run writes.
Every row of the sweep must appear exactly once: a missing or duplicated row
is refused, naming its index, and FILE is not written.

Options:
  --out FILE           the merged output (its receipt goes to FILE.meta.json)
  --force              replace FILE (and its receipt) if they exist; never a
                       part, a part's receipt or a part's .partial file

Example:
  signatory merge results.part-*.csv --out results.csv
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('merge', argv, {
      out: { type: 'string' },
      force: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    if (positionals.length === 0) throw new UsageError('give the shard files to merge', 'merge');
    if (values.out === undefined) throw new UsageError('--out FILE is required', 'merge');
    const out = path.resolve(io.cwd, values.out);
    const parts = positionals.map((p) => path.resolve(io.cwd, p));
    checkFolder('merge', '--out', values.out, out);
    checkMergeTarget(out, values.out, parts, values.force === true);
    try {
      const result = await mergeParts(parts, out);
      io.stderr.write(`signatory: ${result.rows} rows merged into ${values.out}\n`);
      return 0;
    } catch (error) {
      if (error instanceof SweepError) {
        io.stderr.write(`signatory: ${printableLine(error.message.replaceAll(io.cwd + path.sep, ''))}\n`);
        return 2;
      }
      throw error;
    }
  },
};

/**
 * The scenario files the parts were computed from (as their receipts
 * record them) and the files each is built from, as far as they can be
 * read now; a part without a readable receipt adds none (merge refuses it
 * later, naming it).
 */
function scenarioFiles(parts: readonly string[]): string[] {
  const files = new Set<string>();
  for (const part of parts) {
    let file: string;
    try {
      file = readMeta(part).scenario.file;
    } catch {
      continue;
    }
    if (typeof file !== 'string' || files.has(file)) continue;
    files.add(file);
    try {
      for (const f of loadScenarioWithMeta(file).chain) files.add(path.resolve(f));
    } catch {
      // The scenario alone, when it no longer loads.
    }
  }
  return [...files];
}

/**
 * The files a merge writes (FILE, FILE.partial, FILE.meta.json and its
 * temporary) are never a part, a part's receipt or a part's .partial file,
 * nor the sweep's scenario or a file of its extends chain, compared by real
 * path, even with --force; an existing FILE or receipt is
 * replaced only with --force; a directory is refused before any work.
 */
function checkMergeTarget(out: string, given: string, parts: readonly string[], force: boolean): void {
  if (existsSync(out) && statSync(out).isDirectory())
    throw new UsageError(`--out ${given} is a directory; give a file name`, 'merge');
  const written = [out, partialPath(out), metaPath(out), `${metaPath(out)}.tmp`];
  for (const part of parts) {
    const hit = [part, partialPath(part), metaPath(part)].find((f) => written.some((w) => samePath(w, f)));
    if (hit)
      throw new UsageError(
        `--out ${given} would write over ${path.basename(hit)}, ${hit === part ? 'one of the parts' : `a file of the part ${path.basename(part)}`}`,
        'merge',
      );
  }
  const scenario = scenarioFiles(parts).find((f) => written.some((w) => samePath(w, f)));
  if (scenario)
    throw new UsageError(
      `--out ${given} would write over ${path.basename(scenario)}, a file the sweep's scenario is built from`,
      'merge',
    );
  if (force) return;
  const existing = [out, metaPath(out)].find((f) => existsSync(f));
  if (existing)
    throw new UsageError(`--out ${given}: ${path.basename(existing)} exists; pass --force to replace it`, 'merge');
}
