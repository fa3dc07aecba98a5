import path from 'node:path';
import { mergeParts } from '../../sweep/merge.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder } from '../options.js';
import { printableLine } from '../../text/printable.js';
import { UsageError } from '../usage-error.js';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'join the shard files of a sweep into the file a single run writes',
  help: `Usage: signatory merge PART... --out FILE

Joins the outputs of 'signatory sweep --shard K/N' (each with its receipt
PART.meta.json) into FILE, byte for byte the file an unsharded run writes.
Every row of the sweep must appear exactly once: a missing or duplicated row
is refused, naming its index, and FILE is not written.

Options:
  --out FILE           the merged output (its receipt goes to FILE.meta.json)

Example:
  signatory merge results.part-*.csv --out results.csv
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('merge', argv, { out: { type: 'string' } });
    if (values.help) return (write(io, this.help), 0);
    if (positionals.length === 0) throw new UsageError('give the shard files to merge', 'merge');
    if (values.out === undefined) throw new UsageError('--out FILE is required', 'merge');
    const out = path.resolve(io.cwd, values.out);
    const parts = positionals.map((p) => path.resolve(io.cwd, p));
    if (parts.includes(out)) throw new UsageError(`--out ${values.out} is also one of the parts`, 'merge');
    checkFolder('merge', '--out', values.out, out);
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
