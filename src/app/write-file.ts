/**
 * Writing a new output file whole or not at all, for every command and the
 * terminal UI: the text goes to a temporary file created with 'wx' (a file
 * of this call, never one already there or a symlink left at its name),
 * then is hard-linked to the target (which fails if the target has
 * appeared meanwhile) or, when replacing is allowed, renamed over it. A
 * symlink at the target is replaced, never written through. The temporary
 * file is always removed.
 */
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** The target exists and replacing it was not allowed. */
export class TargetExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists`);
    this.name = 'TargetExistsError';
  }
}

/** Writes `text` to `target` through `temporary` (in the same folder). */
export function writeWhole(target: string, text: string, replace: boolean, temporary: string): void {
  writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
  try {
    if (replace) renameSync(temporary, target);
    else {
      try {
        linkSync(temporary, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new TargetExistsError(target);
        // A file system without hard links: create the target itself, still only if it is not there.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
        try {
          writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
        } catch (inner) {
          if ((inner as NodeJS.ErrnoException).code === 'EEXIST') throw new TargetExistsError(target);
          throw inner;
        }
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}
