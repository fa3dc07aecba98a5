import { existsSync, statSync } from 'node:fs';
import { TargetExistsError, writeWhole } from '../../app/write-file.js';
import path from 'node:path';
import { runScenario } from '../../analysis/run.js';
import { defaultHandoutStates, handoutOf } from '../../report/handout-data.js';
import { blocksToHtml, handoutToHtml, type Paper } from '../../report/handout-html.js';
import { blocksToMarkdown, handoutToMarkdown } from '../../report/handout-md.js';
import { worksheetBlocks, worksheetExercises } from '../../report/worksheet.js';
import { SCENARIOS_DIR } from '../../app/package.js';
import { loadScenario } from '../../scenario/load.js';
import { many, parseCommandArgs, write, type Command } from '../command.js';
import { checkFolder, checkStateIds, samePath } from '../options.js';
import { loadWithChain, noExtraArguments, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['html', 'md'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(given: string | undefined, out: string | undefined): Format {
  if (given !== undefined) {
    if ((FORMATS as readonly string[]).includes(given)) return given as Format;
    throw new UsageError(`--format must be html or md, got '${given}'`, 'report');
  }
  const ext = out === undefined ? '' : path.extname(out).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'md';
  throw new UsageError('give the format: --format html or --format md', 'report');
}

/** The command line as a reader would retype it, without --out and --force. */
function commandLine(argv: readonly string[]): string {
  const words: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--force' || a.startsWith('--out=')) continue;
    if (a === '--out') {
      k++;
      continue;
    }
    words.push(/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  }
  return ['signatory', 'report', ...words].join(' ');
}

/** Refuses an output that is an input, in a missing folder, a directory, or (without --force) an existing file. */
function checkTarget(given: string, out: string, inputs: readonly string[], force: boolean): void {
  if (inputs.some((f) => samePath(f, out)))
    throw new UsageError(`--out ${given} is the scenario, the one compared, or a file they extend`, 'report');
  checkFolder('report', '--out', given, out);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new UsageError(`--out ${given} is a directory; give a file name`, 'report');
  if (!force && existsSync(out)) throw new UsageError(`--out ${given} exists (give --force to replace it)`, 'report');
}

/**
 * Writes `text` to `out` whole or not at all (`writeWhole`): replaced only
 * with --force.
 */
function writeOut(text: string, given: string, out: string, inputs: readonly string[], force: boolean): void {
  checkTarget(given, out, inputs, force);
  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    writeWhole(out, text, force, temporary);
  } catch (error) {
    if (error instanceof TargetExistsError)
      throw new UsageError(`--out ${given} exists (give --force to replace it)`, 'report');
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UsageError(`cannot create --out ${given}: ${code}`, 'report');
    throw error;
  }
}

/** `<stem>-answers<ext>` beside the worksheet. */
export function answersPath(out: string): string {
  const ext = path.extname(out);
  return `${out.slice(0, out.length - ext.length)}-answers${ext}`;
}

/**
 * --worksheet: the five exercises of docs/teaching.md with blanks, and the
 * answer key beside it; both refused before either is written.
 */
function writeWorksheet(values: Record<string, unknown>, positionals: string[], cwd: string): number {
  noExtraArguments('report', positionals, 0);
  for (const option of ['compare', 'states', 'set', 'fix'])
    if (values[option] !== undefined) throw new UsageError(`--worksheet takes no --${option}`, 'report');
  const out = values.out as string | undefined;
  if (out === undefined)
    throw new UsageError('--worksheet needs --out (the answer key is written beside it)', 'report');
  const format = formatOf(values.format as string | undefined, out);
  const paper = ((values.paper as string | undefined) ?? 'a4') as Paper;
  if (paper !== 'a4' && paper !== 'letter')
    throw new UsageError(`--paper must be a4 or letter, got '${String(paper)}'`, 'report');
  const force = Boolean(values.force);
  const target = path.resolve(cwd, out);
  const answers = answersPath(target);
  const answersGiven = answersPath(out);
  checkTarget(out, target, [], force);
  checkTarget(answersGiven, answers, [], force);
  const exercises = worksheetExercises((file) => loadScenario(path.join(path.dirname(SCENARIOS_DIR), file)));
  const text = (withAnswers: boolean) => {
    const blocks = worksheetBlocks(exercises, withAnswers);
    const title = withAnswers ? 'Who signs, and why? Answer key' : 'Who signs, and why? Worksheet';
    return format === 'html' ? blocksToHtml(title, blocks, { paper }) : blocksToMarkdown(blocks);
  };
  const sheet = text(false);
  const key = text(true);
  writeOut(sheet, out, target, [], force);
  writeOut(key, answersGiven, answers, [], force);
  return 0;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'a printable handout: tally, blocs, why chosen states decide, what flips them, the cascade',
  help: `Usage: signatory report FILE [--compare OTHER] [--states ID,ID] --format html|md [--out OUT [--force]]
                        [--paper a4|letter] [--set PATH=VALUE]... [--fix ID=ACTION]...
       signatory report --worksheet --format html|md --out OUT [--force] [--paper a4|letter]

Writes a self-contained handout for a class: how many sign (the least and
greatest equilibria, the expected tally if choices are noisy with its 90%
interval and the chance of a majority, and the tally's distribution as a
chart), who signs by bloc, for each chosen state why it signs or abstains
term by term (a chart) and which setting would flip it, the cascade round
by round with who tipped whom, and with --compare who joins or leaves in
OTHER and why. Headings are in plain words with the technical name beside
them; the words used are defined at the end.

--format html writes one HTML file with the charts as inline SVG and print
rules (open it in a browser and print, or save as PDF): no scripts, nothing
loaded from the network. --format md writes Markdown with the same tables
and text but no charts.

--worksheet writes the five exercises of docs/teaching.md instead: each
question with the commands to run and blanks for the students' predictions,
and beside OUT the answer key (OUT-answers.html or .md) with what the model
gives, from the scenarios shipped with signatory.

Options:
  --format html|md     the document's format (default: from OUT's extension)
  --out OUT            write OUT instead of printing; refuses an existing OUT
  --force              replace an existing OUT (never the scenarios or a file they extend)
  --states ID,ID       the states to explain (default: USA and CHN, those present);
                       ids in any case or English names; --states '' for none
  --compare OTHER      add what changes in OTHER: who joins or leaves and why
  --paper a4|letter    the printed page size of the HTML (default a4)
  --worksheet          the exercises with blanks, and their answer key beside OUT
${SCENARIO_HELP}
                       (--set and --fix apply to FILE; OTHER is read as it is)

Examples:
  signatory report scenarios/a-coruna-2026.yaml --format html --out handout.html
  signatory report scenarios/a-coruna-2026.yaml --compare scenarios/what-if/full-prescription.yaml \\
    --format html --out compare.html
  signatory report --worksheet --format html --out worksheet.html
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('report', argv, {
      ...SCENARIO_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      states: { type: 'string', multiple: true },
      compare: { type: 'string' },
      paper: { type: 'string' },
      worksheet: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    if (values.worksheet) return writeWorksheet(values, positionals, io.cwd);
    const file = requireFile('report', positionals);
    noExtraArguments('report', positionals, 1);
    const out = values.out as string | undefined;
    const format = formatOf(values.format as string | undefined, out);
    if (values.force && out === undefined) throw new UsageError('--force needs --out', 'report');
    const paper = (values.paper as string | undefined) ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter')
      throw new UsageError(`--paper must be a4 or letter, got '${paper}'`, 'report');
    if (values.paper !== undefined && format !== 'html') throw new UsageError('--paper is for --format html', 'report');
    const { scenario, chain } = loadWithChain(file, values, io.cwd);
    const given = values.states === undefined ? undefined : many(values.states as string[]);
    const ids =
      given === undefined
        ? defaultHandoutStates(scenario)
        : checkStateIds(
            'report',
            '--states',
            scenario,
            given
              .flatMap((g) => g.split(','))
              .map((s) => s.trim())
              .filter((s) => s !== ''),
          );
    const inputs = [...chain];
    let other;
    if (values.compare !== undefined) {
      const loaded = loadWithChain(values.compare as string, {}, io.cwd);
      inputs.push(...loaded.chain);
      other = runScenario(loaded.scenario);
    }
    const handout = handoutOf(runScenario(scenario), [...new Set(ids)], other);
    const command = commandLine(argv);
    const text =
      format === 'html'
        ? handoutToHtml(handout, { paper: paper as Paper, command })
        : handoutToMarkdown(handout, { command });
    if (out === undefined) return (write(io, text), 0);
    writeOut(text, out, path.resolve(io.cwd, out), inputs, Boolean(values.force));
    return 0;
  },
};
