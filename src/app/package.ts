/** Files of the installed package that the front ends read: its version and its scenarios. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: two levels above this module, in src/ and in dist/ alike. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The version in the package's package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The scenarios shipped with the package. */
export const SCENARIOS_DIR = path.join(ROOT, 'scenarios');

/** The A Coruña 2026 baseline: what `signatory` opens without arguments. */
export const DEFAULT_SCENARIO = path.join(SCENARIOS_DIR, 'a-coruna-2026.yaml');
