/** docs/calibration.md quotes only tables the code produces: regenerate them in memory and compare. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { DOC, renderCalibration } from '../../scripts/calibration-tables.mjs';

it('docs/calibration.md is current (run `npm run docs:calibration` if this fails)', async () => {
  const doc = readFileSync(DOC as string, 'utf8');
  const fresh = (await (renderCalibration as (d: string) => Promise<string>)(doc)) as string;
  expect(fresh, 'docs/calibration.md is stale: run `npm run docs:calibration`').toBe(doc);
}, 300_000);
