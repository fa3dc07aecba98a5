/**
 * TUI save and export never write over the loaded scenario or a file it is
 * built from (its extends and roster chain), whatever the user agreed to,
 * comparing real paths: a symlink to the loaded file, its parent scenario,
 * the file reached through a linked folder (issue 13, item 6). Files are
 * created beside the target ('wx') and moved into place.
 */
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { exportResult, FileExistsError, saveWhatIf } from '../../src/tui/save.js';
import { applyEdit, openSession } from '../../src/tui/session.js';
import { TWENTY } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-save-targets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const parent = path.join(dir, 'parent.yaml');
const child = path.join(dir, 'child.yaml');
copyFileSync(TWENTY, parent);
writeFileSync(child, 'name: child\nextends: ./parent.yaml\n');
symlinkSync(child, path.join(dir, 'link-to-child.yaml'));
symlinkSync(parent, path.join(dir, 'link-to-parent.yaml'));
symlinkSync(dir, path.join(dir, 'same-folder'));
const originals = { parent: readFileSync(parent, 'utf8'), child: readFileSync(child, 'utf8') };

function edited() {
  return applyEdit(openSession(loadScenario(child)), { kind: 'step', path: 'declaration.verification', delta: 0.1 });
}

describe('TUI save and export targets', () => {
  it.each([
    ['the loaded file', 'child.yaml', 'the scenario it'],
    ['a symlink to the loaded file', 'link-to-child.yaml', 'the scenario it'],
    ['the loaded file through a linked folder', 'same-folder/child.yaml', 'the scenario it'],
    ['the parent it extends', 'parent.yaml', 'parent.yaml, a file the loaded scenario is built from'],
    ['a symlink to the parent', 'link-to-parent.yaml', 'parent.yaml, a file the loaded scenario is built from'],
  ])('%s is refused for save and export, even with overwrite agreed', (_, target, message) => {
    const s = edited();
    const file = path.join(dir, target);
    expect(() => saveWhatIf(s, file, true)).toThrow(`a what-if cannot replace ${message}`);
    expect(() => exportResult(s, file, true)).toThrow(`an exported result cannot replace ${message}`);
    expect(readFileSync(parent, 'utf8')).toBe(originals.parent);
    expect(readFileSync(child, 'utf8')).toBe(originals.child);
    expect(lstatSync(path.join(dir, 'link-to-child.yaml')).isSymbolicLink()).toBe(true);
  });

  it('a new file is created, an existing one needs the yes, and no temporary file is left', () => {
    const s = edited();
    const out = path.join(dir, 'whatif.yaml');
    expect(saveWhatIf(s, out).file).toBe(out);
    expect(loadScenario(out).declaration.verification).toBeCloseTo(s.scenario.declaration.verification, 12);
    expect(() => saveWhatIf(s, out)).toThrow(FileExistsError);
    writeFileSync(path.join(dir, 'result.json'), 'mine\n');
    expect(() => exportResult(s, path.join(dir, 'result.json'))).toThrow(FileExistsError);
    expect(readFileSync(path.join(dir, 'result.json'), 'utf8')).toBe('mine\n');
    exportResult(s, path.join(dir, 'result.json'), true);
    expect(JSON.parse(readFileSync(path.join(dir, 'result.json'), 'utf8'))).toHaveProperty('equilibrium');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('an agreed overwrite of a symlink replaces the link, not the file it points to', () => {
    const s = edited();
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const victim = path.join(elsewhere, 'notes.txt');
    writeFileSync(victim, 'not a scenario\n');
    symlinkSync(victim, path.join(dir, 'out-link.json'));
    exportResult(s, path.join(dir, 'out-link.json'), true);
    expect(readFileSync(victim, 'utf8')).toBe('not a scenario\n');
    expect(lstatSync(path.join(dir, 'out-link.json')).isSymbolicLink()).toBe(false);
    expect(existsSync(path.join(dir, 'out-link.json'))).toBe(true);
  });
});
