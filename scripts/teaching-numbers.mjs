#!/usr/bin/env node
/**
 * Regenerates every number and output quoted in docs/teaching.md by running
 * the commands the doc gives, through the CLI's own `main(argv, io)` from the
 * built dist/ (the binary's code path, in-process). The doc holds marked
 * blocks
 *   <!-- numbers:NAME -->
 *   …generated…
 *   <!-- /numbers -->
 * and this script rewrites the inside of each one: a fenced `text` block per
 * command, `$ npx signatory ARGS` followed by what the command prints, whole.
 * `npm run docs:teaching` builds and runs it; test/whatif/teaching.test.ts
 * regenerates in memory and fails if the committed doc differs, and runs
 * every command the doc shows, as written, so the doc cannot drift from the
 * code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { capture } from './lib/capture.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOC = path.join(ROOT, 'docs', 'teaching.md');
const dist = (p) => import(path.join(ROOT, 'dist', p));

const BASE = 'scenarios/a-coruna-2026.yaml';
const file = (p) => path.join(ROOT, p);

/**
 * The words of one shell command line as a POSIX shell splits it: blanks
 * separate words, '…' and "…" quote (no expansion is used in the doc).
 * Throws on an unclosed quote.
 */
export function shellWords(line) {
  const words = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed ${c} in: ${line}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Runs `npx signatory ARGS…` in-process, from the repository's root as a
 * reader does: `main(ARGS, io)` with stdout and stderr captured, stdin empty,
 * no colour. Returns the exit code and both outputs.
 */
export async function runSignatory(args) {
  const { main } = await dist('cli/main.js');
  const stdout = capture();
  const stderr = capture();
  const status = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([]),
    cwd: ROOT,
    // English whatever the machine's locale: the doc quotes the English output.
    env: { ...process.env, NO_COLOR: '1', CI: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C' },
  });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** `npx signatory COMMAND` as the doc shows it, with what it prints; throws if it fails. */
async function shown(command) {
  const [npx, signatory, ...args] = shellWords(command);
  if (npx !== 'npx' || signatory !== 'signatory') throw new Error(`not a signatory command: ${command}`);
  const { status, stdout, stderr } = await runSignatory(args);
  if (status !== 0) throw new Error(`'${command}' exited with ${status}: ${stderr.trim()}`);
  return '```text\n$ ' + command + '\n' + stdout.trimEnd() + '\n```';
}

/** The generated text of every block, by name. */
export async function teachingBlocks() {
  const { loadScenario } = await dist('scenario/load.js');
  const { runScenario } = await dist('analysis/run.js');
  const { explainState } = await dist('analysis/explain.js');

  const run = (p) => runScenario(loadScenario(file(p)));
  const delta = (r, id) => explainState(r, id, false).delta.toFixed(3);
  const compare = (whatIf) => shown(`npx signatory compare ${BASE} scenarios/what-if/${whatIf}`);

  const base = run(BASE);
  const blocks = {};
  blocks.verification =
    (await compare('verification.yaml')) +
    `\n\nChina's net gain of signing: Δ = ${delta(base, 'CHN')} in the baseline, ` +
    `${delta(run('scenarios/what-if/verification.yaml'), 'CHN')} with verification.`;
  blocks['china-seek'] = await shown(`npx signatory seek ${BASE} --target 'CHN sign'`);
  blocks.cascade = await shown(`npx signatory run ${BASE} --rounds`);
  blocks['usa-cascade'] = await shown('npx signatory run scenarios/what-if/usa-signs.yaml --rounds');
  blocks.race = (await compare('no-race-narrative.yaml')) + '\n\n' + (await compare('race-cooling.yaml'));
  blocks.enforcement = await compare('enforcement.yaml');
  blocks.majority =
    (await shown(`npx signatory seek ${BASE} --target 'signed>=43'`)) +
    '\n\n' +
    (await shown(`npx signatory seek ${BASE} --target 'USA,CHN sign'`));
  const table = ['| what-if | least | greatest | QRE mean |', '|---|---:|---:|---:|'];
  const row = (name, r) =>
    `| ${name} | ${r.equilibria.least.signed} | ${r.equilibria.greatest.signed} | ${r.tally.mean.toFixed(1)} |`;
  table.push(row('baseline (`a-coruna-2026.yaml`)', base));
  for (const w of WHAT_IFS) table.push(row(`\`${w}\``, run(`scenarios/what-if/${w}`)));
  blocks.table = table.join('\n');
  return blocks;
}

export const WHAT_IFS = [
  'verification.yaml',
  'threshold.yaml',
  'accountability.yaml',
  'enforcement.yaml',
  'differentiation.yaml',
  'no-race-narrative.yaml',
  'race-cooling.yaml',
  'usa-signs.yaml',
  'china-signs.yaml',
  'club-compatible.yaml',
  'full-prescription.yaml',
];

/** The doc with every marked block rewritten; throws on an unknown or unclosed block. */
export async function renderTeaching(doc) {
  const blocks = await teachingBlocks();
  const seen = new Set();
  const out = doc.replace(/<!-- numbers:([a-z-]+) -->\n[\s\S]*?<!-- \/numbers -->/g, (_, name) => {
    if (!(name in blocks)) throw new Error(`docs/teaching.md: unknown numbers block '${name}'`);
    seen.add(name);
    return `<!-- numbers:${name} -->\n${blocks[name]}\n<!-- /numbers -->`;
  });
  const missing = Object.keys(blocks).filter((b) => !seen.has(b));
  if (missing.length) throw new Error(`docs/teaching.md: no block for ${missing.join(', ')}`);
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const doc = readFileSync(DOC, 'utf8');
  const next = await renderTeaching(doc);
  if (next !== doc) writeFileSync(DOC, next);
  process.stdout.write(next === doc ? 'docs/teaching.md is up to date\n' : 'docs/teaching.md: numbers regenerated\n');
}
