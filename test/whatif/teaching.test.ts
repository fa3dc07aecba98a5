/** docs/teaching.md quotes only numbers the code produces: regenerate them in memory and compare. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { DOC, renderTeaching } from '../../scripts/teaching-numbers.mjs';

it('docs/teaching.md is current (run `npm run docs:teaching` if this fails)', async () => {
  const doc = readFileSync(DOC as string, 'utf8');
  const fresh = (await (renderTeaching as (d: string) => Promise<string>)(doc)) as string;
  expect(fresh).toBe(doc);
}, 120_000);
