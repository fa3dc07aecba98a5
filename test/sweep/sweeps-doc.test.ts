/** docs/sweeps.md's worked analysis quotes what the commands print: regenerate it in memory and compare. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { DOC, PICTURE, sweepsAnalysis, withBlock } from '../../scripts/sweeps-analysis.mjs';

it('docs/sweeps.md and its picture are current (run `npm run docs:sweeps` if this fails)', async () => {
  const doc = readFileSync(DOC as string, 'utf8');
  const { block, svg } = (await (sweepsAnalysis as () => Promise<{ block: string; svg: string }>)()) as {
    block: string;
    svg: string;
  };
  expect(
    (withBlock as (d: string, b: string) => string)(doc, block),
    'docs/sweeps.md is stale: run `npm run docs:sweeps`',
  ).toBe(doc);
  expect(svg, 'docs/img/sweeps-chn-grayzone.svg is stale: run `npm run docs:sweeps`').toBe(
    readFileSync(PICTURE as string, 'utf8'),
  );
}, 120_000);
