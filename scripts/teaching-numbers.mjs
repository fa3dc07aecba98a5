#!/usr/bin/env node
/**
 * Regenerates every number quoted in docs/teaching.md from the real core
 * (the built dist/, the same code the CLI runs). The doc holds marked blocks
 *   <!-- numbers:NAME -->
 *   …generated…
 *   <!-- /numbers -->
 * and this script rewrites the inside of each one. `npm run docs:teaching`
 * builds and runs it; test/whatif/teaching.test.ts regenerates in memory and
 * fails if the committed doc differs, so the doc cannot drift from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOC = path.join(ROOT, 'docs', 'teaching.md');
const dist = (p) => import(path.join(ROOT, 'dist', p));

const BASE = 'scenarios/a-coruna-2026.yaml';
const file = (p) => path.join(ROOT, p);

/** The generated text of every block, by name. */
export async function teachingBlocks() {
  const { loadScenario } = await dist('scenario/load.js');
  const { runScenario } = await dist('analysis/run.js');
  const { compareRuns } = await dist('analysis/compare.js');
  const { comparisonToText } = await dist('report/compare-text.js');
  const { explainState } = await dist('analysis/explain.js');
  const { cascadeOf } = await dist('analysis/cascade.js');
  const { cascadeToText } = await dist('report/cascade-text.js');
  const { seek, parseTarget } = await dist('analysis/seek.js');
  const { seekToText } = await dist('report/seek-text.js');

  const run = (p) => runScenario(loadScenario(file(p)));
  const base = run(BASE);
  /** The compare report without its bloc table and notes: the part the exercise reads. */
  const compareHead = (p) => {
    const text = comparisonToText(compareRuns(base, run(p)));
    return text.split('\n  (term changes')[0].trimEnd();
  };
  const fence = (text) => '```text\n' + text.trimEnd() + '\n```';
  const delta = (r, id) => explainState(r, id, false).delta.toFixed(3);
  const seekText = (p, target) => {
    const text = seekToText(seek(loadScenario(file(p)), parseTarget(target)));
    // The list of searched parameters is the same every time; keep the answer and the search used.
    const lines = text.split('\n');
    const from = lines.findIndex((l) => l.startsWith('Searched:'));
    const to = lines.indexOf('', from);
    return [...lines.slice(0, from), ...lines.slice(to)].join('\n');
  };

  const verification = run('scenarios/what-if/verification.yaml');
  const blocks = {};
  blocks.verification =
    fence(
      `$ signatory compare ${BASE} scenarios/what-if/verification.yaml\n` +
        compareHead('scenarios/what-if/verification.yaml'),
    ) +
    `\n\nChina's net gain of signing: Δ = ${delta(base, 'CHN')} in the baseline, ${delta(verification, 'CHN')} with verification.`;
  blocks['china-seek'] = fence(`$ signatory seek ${BASE} --target 'CHN sign'\n` + seekText(BASE, 'CHN sign'));
  blocks.cascade = fence(`$ signatory run ${BASE} --rounds\n` + cascadeToText(cascadeOf(base)).join('\n'));
  blocks['usa-cascade'] = fence(
    `$ signatory run scenarios/what-if/usa-signs.yaml --rounds\n` +
      cascadeToText(cascadeOf(run('scenarios/what-if/usa-signs.yaml'))).join('\n'),
  );
  blocks.race =
    fence(
      `$ signatory compare ${BASE} scenarios/what-if/no-race-narrative.yaml\n` +
        compareHead('scenarios/what-if/no-race-narrative.yaml'),
    ) +
    '\n\n' +
    fence(
      `$ signatory compare ${BASE} scenarios/what-if/race-cooling.yaml\n` +
        compareHead('scenarios/what-if/race-cooling.yaml'),
    );
  blocks.enforcement = fence(
    `$ signatory compare ${BASE} scenarios/what-if/enforcement.yaml\n` +
      compareHead('scenarios/what-if/enforcement.yaml'),
  );
  blocks.majority =
    fence(`$ signatory seek ${BASE} --target 'signed>=43'\n` + seekText(BASE, 'signed>=43')) +
    '\n\n' +
    fence(`$ signatory seek ${BASE} --target 'USA,CHN sign'\n` + seekText(BASE, 'USA,CHN sign'));
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
