/**
 * docs/teaching.md quotes only what the code produces, and its exercises run
 * as written: regenerate its blocks in memory and compare, then run every
 * command the doc shows (each line of a fenced `sh` block, and the `$ …`
 * line heading each quoted output) through the CLI in-process, as a reader
 * on a fresh clone would type it (`npx signatory X` is `main([X…])`), and
 * check that it succeeds and prints what the doc quotes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { DOC, renderTeaching, shellWords } from '../../scripts/teaching-numbers.mjs';
import { cli, type CliResult } from '../cli/run-cli.js';

const doc = readFileSync(DOC as string, 'utf8');
const words = shellWords as (line: string) => string[];

interface Fence {
  info: string;
  body: string[];
  line: number;
}

/** The fenced blocks of a Markdown document, with their info string and first line number. */
export function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`docs/teaching.md:${i + 1}: unclosed code fence`);
    out.push({ info: open[1]!, body: lines.slice(i + 1, end), line: i + 1 });
    i = end;
  }
  return out;
}

/**
 * Whether `output` is what `excerpt` quotes: the same text, or, where the
 * excerpt has lines of a single `…` (lines left out), each part between them
 * found whole in the output, in order.
 */
export function quotes(excerpt: string[], output: string): boolean {
  const out = output.trimEnd().split('\n');
  const parts: string[][] = [[]];
  for (const line of excerpt) {
    if (line.trim() === '…') parts.push([]);
    else parts.at(-1)!.push(line);
  }
  if (parts.length === 1) return excerpt.join('\n') === out.join('\n');
  let at = 0;
  for (const [k, part] of parts.entries()) {
    if (part.length === 0) continue;
    let found = -1;
    for (let i = at; i + part.length <= out.length && found < 0; i++)
      if (part.every((l, j) => out[i + j] === l)) found = i;
    // The first part starts the output and the last ends it, unless a `…` stands before or after.
    if (found < 0 || (k === 0 && found !== 0)) return false;
    at = found + part.length;
    if (k === parts.length - 1 && at !== out.length) return false;
  }
  return true;
}

const results = new Map<string, Promise<CliResult>>();
/** Runs one command line as written: `npx signatory ARGS…` ⇒ `main(ARGS)`. */
function runLine(line: string): Promise<CliResult> {
  let result = results.get(line);
  if (!result) {
    const [npx, signatory, ...args] = words(line);
    if (npx !== 'npx' || signatory !== 'signatory')
      throw new Error(`docs/teaching.md: '${line}' is not 'npx signatory …', which runs on a fresh clone`);
    result = cli(args);
    results.set(line, result);
  }
  return result;
}

const blocks = fences(doc);
const commands = blocks
  .filter((f) => f.info === 'sh')
  .flatMap((f) => f.body.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
const excerpts = blocks
  .filter((f) => f.info === 'text' && f.body[0]?.startsWith('$ '))
  .map((f) => ({ line: f.line, command: f.body[0]!.slice(2), output: f.body.slice(1) }));

it('docs/teaching.md is current (run `npm run docs:teaching` if this fails)', async () => {
  const fresh = (await (renderTeaching as (d: string) => Promise<string>)(doc)) as string;
  expect(fresh).toBe(doc);
}, 120_000);

describe('every command in docs/teaching.md runs as written', () => {
  it('shows its commands in fenced sh blocks, and its outputs under the command that prints them', () => {
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(excerpts.length).toBeGreaterThanOrEqual(8);
    // A command shown any other way (an indented block, a bare `signatory …`) would not be run here.
    expect(doc).not.toMatch(/^ {4}(npx )?signatory /m);
    expect(doc).not.toMatch(/^\$ signatory /m);
    for (const c of [...commands, ...excerpts.map((e) => e.command)]) expect(c).toMatch(/^npx signatory /);
  });

  it.each(commands)(
    '%s',
    async (line) => {
      const r = await runLine(line);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    60_000,
  );

  it.each(excerpts)(
    'the output quoted at line $line is what `$command` prints',
    async ({ command, output }) => {
      const r = await runLine(command);
      expect(r.status).toBe(0);
      expect(quotes(output, r.stdout), `docs/teaching.md quotes something else than:\n${r.stdout}`).toBe(true);
    },
    60_000,
  );
});

describe('quotes', () => {
  const output = 'a\nb\nc\nd\n';
  it('needs the whole output without a …', () => {
    expect(quotes(['a', 'b', 'c', 'd'], output)).toBe(true);
    expect(quotes(['a', 'b', 'c'], output)).toBe(false);
    expect(quotes(['a', 'b', 'x', 'd'], output)).toBe(false);
  });
  it('lets a … stand for lines left out, keeping the order', () => {
    expect(quotes(['a', '…', 'd'], output)).toBe(true);
    expect(quotes(['…', 'b', 'c', '…'], output)).toBe(true);
    expect(quotes(['a', '…', 'c'], output)).toBe(false);
    expect(quotes(['…', 'c', '…', 'b', '…'], output)).toBe(false);
    expect(quotes(['b', '…'], output)).toBe(false);
  });
});
