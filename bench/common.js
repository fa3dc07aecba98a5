/**
 * What the sweep benchmarks share: the project root, imports from the
 * compiled dist/, command-line options, and the median and number format
 * of their figures.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Imports a module of the compiled dist/ (run `npm run build` first). */
export const dist = (p) => import(path.join(root, 'dist', p));
export const args = process.argv.slice(2);
export const quick = args.includes('--quick');
/** The value after `--name` on the command line, or `fallback`. */
export const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (x) => Math.round(x).toLocaleString('en-US');
