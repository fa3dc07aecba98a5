import os from 'node:os';
import path from 'node:path';
import { packageVersion } from '../../app/package.js';
import type { DesignKind, DesignSpec } from '../../sweep/design.js';
import { progressLine, progressTracker, type ProgressSnapshot } from '../../sweep/progress-rate.js';
import { outcomeList } from '../../sweep/outcomes.js';
import { columns, totalRows, type OutputFormat, type SolverChoice, type SweepPlan } from '../../sweep/plan.js';
import { readDesignFile, type DesignFile } from '../../sweep/design-file.js';
import { drawnInputs } from '../../sweep/rows.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { runSweep } from '../../sweep/run-sweep.js';
import { parseShard } from '../../sweep/shard.js';
import { parseVary } from '../../sweep/vary-spec.js';
import { many, parseCommandArgs, write, type Command, type CommandIo } from '../command.js';
import { checkFactors, checkFolder, checkStateIds, checkSweepTarget, wholeNumber } from '../options.js';
import { loadWithChain, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { checkDesignSize, onStopSignals, stopExitCode, type StopSignal } from '../sweep-guards.js';
import { UsageError } from '../usage-error.js';

/** Plain progress lines at most this often (seconds): a log file, not a spinner. */
const PLAIN_PROGRESS_SECONDS = 5;

function outputFormat(command: string, out: string | undefined, format: string | undefined): OutputFormat {
  if (format !== undefined) {
    if (format !== 'csv' && format !== 'jsonl')
      throw new UsageError(`--format must be csv or jsonl, got '${format}'`, command);
    return format;
  }
  if (out === undefined || /\.csv$/i.test(out)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(out)) return 'jsonl';
  throw new UsageError(`cannot tell the format of '${out}': name it .csv or .jsonl, or give --format`, command);
}

/** The design of --design FILE, its problems as usage errors. */
function designFile(file: string, given: string): DesignFile {
  try {
    return readDesignFile(file, given);
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message, 'sweep');
    throw error;
  }
}

/** A shell word, quoted only when it needs to be. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'evaluate a design of what-ifs in parallel: grid, Latin hypercube or random; resumable, shardable',
  help: `Usage: signatory sweep FILE --vary PATH=LO:HI:STEPS... [--lhs N | --random N] [options]

Solves the scenario at every point of a design and streams one row per point
(and replication) to CSV or JSON Lines, in point order, whatever the number
of workers. A run receipt OUT.meta.json records the version, scenario hash,
command, master seed and design. Same scenario and seed: the same bytes.

Design:
  --vary PATH=LO:HI:STEPS  a factor: any scenario path, e.g. declaration.verification=0:1:11,
                       states.USA.capability=0.5:1:6 (repeatable; a full grid, first factor slowest);
                       date=2023-01-01:2026-02-05:13 moves a dated scenario's world (whole days)
  --lhs N              a Latin hypercube of N points over the --vary ranges (STEPS not needed)
  --random N           N uniform random points over the --vary ranges
  --design FILE.csv    the points of a file: a header naming the varied paths, a row per point
  --replications R     R Monte Carlo draws of the scenario's uncertain inputs per point
  --record-draws       a column per drawn uncertain input, its value in the row (the default
                       with --replications when the scenario has uncertain inputs)
  --no-record-draws    leave the drawn values out
  --seed S             master seed (default: the scenario's world.seed)

Output:
  --solver nash|qre|both   what each point computes (default both): least and greatest
                       equilibrium tallies; QRE expected tally and P(tally ≥ majority)
  --track IDS          report these states' decisions, e.g. USA,CHN
  --out FILE           write FILE (.csv or .jsonl) via FILE.partial; without it, rows go to stdout
  --force              replace an existing FILE (and its .partial and receipt); never a scenario file
  --format csv|jsonl   the format, when the file name does not say
  --list-outcomes      print the outcome names (columns, sensitivity --output, plot --z) and exit

Running:
  --workers N          computing processes (default: available cores, here ${os.availableParallelism()}):
                       the main process and N − 1 worker processes; 1 starts no worker
  --resume             continue an interrupted or killed run of the same command
  --shard K/N|auto     run only rows K, K+N, K+2N … (1-based K); auto reads SLURM_ARRAY_TASK_ID,
                       JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX; join with 'signatory merge'
  --shards N           number of shards for --shard auto with a 0-based job index
  --yes                run a design of more than 50,000,000 cells (rows × columns)
${SCENARIO_HELP}

Ctrl-C (SIGINT) or SIGTERM (a scheduler's timeout or preemption) stops cleanly after
the rows in progress, marks the receipt interrupted and prints the command to resume
(exit code 130, or 143 after SIGTERM).
Example:
  signatory sweep scenarios/a-coruna-2026.yaml --vary declaration.verification=0:1:21 \\
    --vary declaration.thresholdClarity=0:1:21 --track USA,CHN --out results.csv
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('sweep', argv, {
      ...SCENARIO_OPTIONS,
      vary: { type: 'string', multiple: true },
      lhs: { type: 'string' },
      random: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      solver: { type: 'string' },
      track: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      format: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean' },
      shard: { type: 'string' },
      shards: { type: 'string' },
      'list-outcomes': { type: 'boolean' },
      yes: { type: 'boolean' },
      design: { type: 'string' },
      'record-draws': { type: 'boolean' },
      'no-record-draws': { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('sweep', positionals);
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`, 'sweep');
    if (values['list-outcomes']) {
      const { scenario } = loadWithChain(file, values, io.cwd);
      const states = scenario.states.map((s) => s.id);
      write(
        io,
        outcomeList(
          states,
          scenario.uncertainty.map((u) => u.path),
        ).join('\n'),
      );
      return 0;
    }
    if (values.lhs !== undefined && values.random !== undefined)
      throw new UsageError('give --lhs or --random, not both', 'sweep');
    if (values.design !== undefined && (values.lhs !== undefined || values.random !== undefined || values.vary))
      throw new UsageError('--design FILE gives the points: not with --vary, --lhs or --random', 'sweep');
    const kind: DesignKind =
      values.design !== undefined
        ? 'file'
        : values.lhs !== undefined
          ? 'lhs'
          : values.random !== undefined
            ? 'random'
            : 'grid';
    const fromFile =
      values.design === undefined ? undefined : designFile(path.resolve(io.cwd, values.design), values.design);
    const factors = fromFile?.factors ?? many(values.vary).map((v) => parseVary(v, kind === 'grid'));
    const n =
      kind === 'lhs' || kind === 'random'
        ? wholeNumber('sweep', `--${kind}`, kind === 'lhs' ? values.lhs : values.random, 0)
        : undefined;
    if ((kind === 'lhs' || kind === 'random') && factors.length === 0)
      throw new UsageError(`--${kind} needs at least one --vary PATH=LO:HI`, 'sweep');
    const solver = (values.solver ?? 'both') as SolverChoice;
    if (!['nash', 'qre', 'both'].includes(solver))
      throw new UsageError(`--solver must be nash, qre or both, got '${values.solver}'`, 'sweep');
    const replications = wholeNumber('sweep', '--replications', values.replications, 1);
    const workers = wholeNumber('sweep', '--workers', values.workers, os.availableParallelism());
    const format = outputFormat('sweep', values.out, values.format);
    const shard = parseShard(values.shard, values.shards, io.env);
    if (values.resume && values.out === undefined) throw new UsageError('--resume needs --out FILE', 'sweep');
    const out = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
    if (out !== undefined) checkFolder('sweep', '--out', values.out!, out);
    const { scenario, chain, layers } = loadWithChain(file, values, io.cwd);
    if (out !== undefined) checkSweepTarget(out, values.out!, chain, Boolean(values.resume), Boolean(values.force));
    checkFactors(
      'sweep',
      scenario,
      factors,
      values.design === undefined ? '--vary' : `--design ${values.design}: column`,
    );
    const seed = wholeNumber('sweep', '--seed', values.seed, scenario.world.seed, 0);
    const named = (values.track ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    // Each as its id: `--track usa` or `--track "United States"` makes the column USA.*.
    const track = checkStateIds('sweep', '--track', scenario, named);
    const twice = track.find((id, k) => track.indexOf(id) !== k);
    // Its columns would repeat: a CSV header with two equal names, JSON rows with a duplicate key.
    if (twice !== undefined) throw new UsageError(`--track ${twice} is given twice`, 'sweep');
    const design: DesignSpec = {
      kind,
      factors,
      seed,
      ...(n === undefined ? {} : { n }),
      ...(fromFile ? { points: fromFile.points } : {}),
    };
    const draws = values.replications !== undefined;
    if (values['record-draws'] && values['no-record-draws'])
      throw new UsageError('give --record-draws or --no-record-draws, not both', 'sweep');
    // The experiments table: every drawn value a column, unless --no-record-draws.
    const recorded = drawnInputs(scenario, { draws, design }).map((u) => u.path);
    if (values['record-draws'] && recorded.length === 0)
      throw new UsageError(
        draws
          ? '--record-draws: the scenario has no uncertain inputs left to draw ({mean, sd} or {min, max} values not varied)'
          : '--record-draws needs --replications R (without it nothing is drawn)',
        'sweep',
      );
    const plan: SweepPlan = {
      design,
      replications,
      draws,
      ...(recorded.length > 0 && !values['no-record-draws'] ? { recorded } : {}),
      solver,
      track,
      format,
      shard,
    };
    const rows = totalRows(plan);
    if (!Number.isSafeInteger(rows))
      throw new UsageError(
        `the design has ${rows.toExponential(2)} rows: too many to index exactly (at most ${Number.MAX_SAFE_INTEGER})`,
        'sweep',
      );
    checkDesignSize(rows, columns(plan).length, values.yes === true);

    const progress = await progressReporter(io);
    // SIGTERM as SIGINT: the rows in progress are finished, the receipt marked interrupted.
    let interrupted: StopSignal | undefined;
    const removeSignalHandlers = onStopSignals((signal) => (interrupted = signal));
    try {
      const absoluteFile = path.isAbsolute(file) ? file : path.resolve(io.cwd, file);
      const result = await runSweep({
        scenario,
        file: absoluteFile,
        layers,
        overrides: many(values.set),
        fix: many(values.fix),
        plan,
        ...(out === undefined ? { stream: io.stdout } : { out }),
        resume: Boolean(values.resume),
        workers,
        command: ['sweep', ...argv],
        version: packageVersion(),
        onProgress: progress.update,
        stopped: () => interrupted !== undefined,
      });
      progress.stop();
      if (result.status === 'already-complete') {
        io.stderr.write(`signatory: ${values.out} is already complete (${result.total} rows)\n`);
        return 0;
      }
      if (result.status === 'interrupted') {
        const again = ['signatory', 'sweep', ...argv.filter((a) => a !== '--resume'), '--resume']
          .map(shellWord)
          .join(' ');
        const by = interrupted === 'SIGTERM' ? ' by SIGTERM' : '';
        io.stderr.write(
          out === undefined
            ? `signatory: interrupted${by} after ${result.rows} of ${result.total} rows (rows went to stdout: rerun with --out FILE to be able to resume)\n`
            : `signatory: interrupted${by} after ${result.rows} of ${result.total} rows; ${values.out}.partial holds them. Resume with:\n  ${again}\n`,
        );
        return stopExitCode(interrupted ?? 'SIGINT');
      }
      if (out !== undefined)
        io.stderr.write(`signatory: ${result.total} rows written to ${values.out} (receipt ${values.out}.meta.json)\n`);
      return 0;
    } finally {
      progress.stop();
      removeSignalHandlers();
    }
  },
};

/** The Ink bar on a terminal, else a plain line on stderr every few seconds. */
async function progressReporter(io: CommandIo): Promise<{ update(done: number, total: number): void; stop(): void }> {
  const track = progressTracker();
  if (io.stderr.isTTY && !io.env.CI) {
    const { renderProgress } = await import('../../sweep/progress-view.js');
    const view = renderProgress(io.stderr as NodeJS.WriteStream);
    let last = 0;
    let stopped = false;
    let latest: ProgressSnapshot | undefined;
    return {
      update(done, total) {
        latest = track(done, total);
        const now = performance.now();
        // Ink re-renders are cheap but not free: ten a second is smooth enough.
        if (now - last > 100 || done === total) {
          last = now;
          view.update(latest);
        }
      },
      stop() {
        if (stopped) return;
        stopped = true;
        if (latest) view.update(latest);
        view.stop();
      },
    };
  }
  let last = performance.now();
  return {
    update(done, total) {
      const snapshot = track(done, total);
      const now = performance.now();
      if (now - last < PLAIN_PROGRESS_SECONDS * 1000 && done !== total) return;
      last = now;
      if (done > 0) io.stderr.write(progressLine(snapshot) + '\n');
    },
    stop() {},
  };
}
