/**
 * Builds dist/ once before the suite, so the CLI tests run the real binary
 * (`node dist/cli/main.js`) exactly as a user does.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  // For quick runs of pure-core tests while dist/ is known to be fresh.
  if (process.env.SIGNATORY_SKIP_BUILD === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
