/** Files that are not regular files, or cannot be read, are refused in one line: never a hang, never an internal error. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { baseDoc, INLINE, toYaml, type Doc } from './scenario-text.js';
import { cli } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fifo = path.join(dir, 'fifo.yaml');
execFileSync('mkfifo', [fifo]);

describe('special files', () => {
  it('a FIFO (no writer) is refused at once, as a file and through extends', () => {
    expect(() => loadScenario(fifo)).toThrow(ScenarioError);
    expect(() => loadScenario(fifo)).toThrow('expected a regular file');
    const child = path.join(dir, 'child.yaml');
    writeFileSync(child, 'extends: ./fifo.yaml\nname: child\n');
    expect(() => loadScenario(child)).toThrow('expected a regular file');
  });

  it('a file whose read fails is a ScenarioError, exit 2', async () => {
    const r = await cli(['run', '/proc/self/mem']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('expected a readable file');
  });
});

describe('state ids named after Object.prototype members', () => {
  it('are free players, not held at abstain', async () => {
    const { fixedActions } = await import('../../src/analysis/run.js');
    const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const held = fixedActions({ states: names.map((id) => ({ id }) as never), fixed: {} });
    expect([...held]).toEqual([-1, -1, -1, -1]);
  });
});

describe('control characters in text from a file', () => {
  const withText = (edit: (d: Doc) => void): string => {
    const doc = baseDoc();
    edit(doc);
    return toYaml(doc);
  };

  it.each([
    ['ESC in the name (clears a screen)', (d: Doc) => void (d.name = 'x\u001b[2Jy'), 'name', 'U+001B at character 2'],
    [
      'OSC 52 in the description (writes the clipboard)',
      (d: Doc) => void (d.description = 'a\u001b]52;c;aGk=\u0007'),
      'description',
      'U+001B',
    ],
    ['a C1 control (CSI) in the description', (d: Doc) => void (d.description = 'a\u009b2J'), 'description', 'U+009B'],
    ['a bidi override in the description', (d: Doc) => void (d.description = 'abc\u202edef'), 'description', 'U+202E'],
    ['NUL in the description', (d: Doc) => void (d.description = 'a\u0000b'), 'description', 'U+0000'],
    [
      'a line break in the name (forges a line)',
      (d: Doc) => void (d.name = 'A\n35 sign · 50 abstain'),
      'name',
      'one line of text',
    ],
  ])('%s is refused, naming the character', (_, edit, path, message) => {
    let error: unknown;
    try {
      parseScenarioText(withText(edit), INLINE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message.split('\n')).toHaveLength(1);
  });

  it('keeps line breaks and tabs in a description', () => {
    expect(
      parseScenarioText(
        withText((d) => void (d.description = 'one\n\ttwo')),
        INLINE,
      ).description,
    ).toBe('one\n\ttwo');
  });
});
