/**
 * Builds dist/ once before the suite: the CLI tests load it (a sweep's
 * worker threads run dist/sweep/worker.js) and a few run the real binary
 * (`node dist/cli/main.js`) as a user does. Build mode (`tsc -b`) skips the
 * work when dist/ is already up to date with src/, and rebuilds when a
 * source changed or an output is missing (its record,
 * tsconfig.build.tsbuildinfo, is ignored by git).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  // For quick runs of pure-core tests while dist/ is known to be fresh.
  if (process.env.SIGNATORY_SKIP_BUILD === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
