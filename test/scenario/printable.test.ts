/**
 * One sanitizer for text from files (src/text/printable.ts): C0, DEL, C1
 * and bidirectional controls are shown escaped wherever such text is
 * printed: error lines, reports, the TUI's cells, SVG charts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { write, type CommandIo } from '../../src/cli/command.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { chartSvg } from '../../src/sweep/chart-svg.js';
import { firstControl, printable, printableLine } from '../../src/text/printable.js';
import { cell, cellRight } from '../../src/tui/text.js';
import { cli } from '../cli/run-cli.js';
import { baseDoc, INLINE, toYaml } from './scenario-text.js';

/** Every character the sanitizer must escape. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-printable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printable', () => {
  it('escapes every C0, DEL, C1 and bidi control as \\uXXXX', () => {
    for (const c of CONTROLS) {
      const code = c.charCodeAt(0).toString(16).padStart(4, '0');
      expect(printableLine(`a${c}b`)).toBe(`a\\u${code}b`.replace('\\u000a', '\\n').replace('\\u0009', '\\t'));
    }
  });

  it('keeps line feeds and tabs in multi-line text, escapes them on one line', () => {
    expect(printable('one\n\ttwo\u001b[2J')).toBe('one\n\ttwo\\u001b[2J');
    expect(printableLine('one\n\ttwo')).toBe('one\\n\\ttwo');
  });

  it('never lets a control through, leaves other text alone, and keeps JSON valid and equal', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom(...CONTROLS), fc.string({ unit: 'binary', maxLength: 3 })))
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(printableLine(s)).not.toMatch(RAW);
        expect(printable(s)).not.toMatch(RAW_BUT_LINES);
        if (!RAW.test(s)) expect(printableLine(s)).toBe(s);
        expect(JSON.parse(printable(JSON.stringify({ s }))).s).toBe(s);
        expect(firstControl(s, true) >= 0).toBe(RAW.test(s));
      }),
    );
  });
});

describe('error lines escape C1 and bidi controls too', () => {
  it.each([
    ['a C1 CSI', '\u009b2J', '\\u009b2J'],
    ['a bidi override', 'x\u202ey', 'x\\u202ey'],
    ['a bidi isolate', 'x\u2066y', 'x\\u2066y'],
    ['an ESC', 'x\u001b[2Jy', 'x\\u001b[2Jy'],
  ])('%s in an unknown key is echoed escaped', async (_, key, shown) => {
    const file = path.join(dir, 'key.yaml');
    writeFileSync(file, toYaml({ ...baseDoc(), [key]: 1 }));
    const r = await cli(['run', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(shown);
    expect(r.stderr).not.toMatch(RAW_BUT_LINES);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a file name with controls, reached by extends, is echoed escaped', async () => {
    const file = path.join(dir, 'child.yaml');
    writeFileSync(file, 'extends: "./missing\\e]52;c;aGk=\\a\u202e.yaml"\nname: child\n');
    const r = await cli(['run', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing\\u001b]52;c;aGk=\\u0007\\u202e.yaml');
    expect(r.stderr).not.toMatch(RAW_BUT_LINES);
  });

  it('ScenarioError messages hold no raw control', () => {
    const e = new ScenarioError('a\u009bb.yaml', 'x\u202e', 'expected \u2066 \u0085');
    expect(e.message).toBe('a\\u009bb.yaml: x\\u202e: expected \\u2066 \\u0085');
  });
});

describe('state ids', () => {
  it.each(['A\u0000B', 'A\u001b[2J', 'A\u202eB', 'A\u0085', 'A\nB'])('%j is refused, echoed escaped', (id) => {
    const doc = baseDoc();
    (doc.states as Record<string, unknown>[])[0].id = id;
    let message = '';
    try {
      parseScenarioText(toYaml(doc), INLINE);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      message = (error as Error).message;
    }
    expect(message).toContain('states[0].id: expected a state id of a letter then letters, digits');
    expect(message).not.toMatch(RAW);
  });
});

describe('text the loader did not check before', () => {
  it('a provenance source with an escape is refused', () => {
    const doc = baseDoc();
    (doc.states as Record<string, unknown>[])[0].provenance = { capability: 'SIPRI\u001b]52;c;aGk=\u0007' };
    expect(() => parseScenarioText(toYaml(doc), INLINE)).toThrow(
      /provenance\.capability: expected text without control characters, found U\+001B/,
    );
  });
});

describe('printing text from files', () => {
  it('a report written by the CLI escapes controls but keeps its lines', async () => {
    let out = '';
    const io = {
      stdout: new Writable({
        write(chunk: Buffer, _e, done) {
          out += chunk.toString();
          done();
        },
      }),
    } as unknown as CommandIo;
    write(io, 'Name\u001b[2J\u009b\nline two\u202e');
    expect(out).toBe('Name\\u001b[2J\\u009b\nline two\\u202e\n');
    out = '';
    write(io, JSON.stringify({ name: 'a\u202eb\u0085' }));
    expect(JSON.parse(out)).toEqual({ name: 'a\u202eb\u0085' });
    expect(out).not.toMatch(RAW_BUT_LINES);
  });

  it('TUI cells escape controls before cutting to width', () => {
    expect(cell('a\u001b[2Jb', 20)).toBe('a\\u001b[2Jb'.padEnd(20));
    expect(cell('x\u202ey', 4)).toBe('x\\u…');
    expect(cellRight('\u0007', 8)).toBe('  \\u0007');
  });

  it('an SVG chart escapes controls and markup in column names', () => {
    const svg = chartSvg({
      x: { name: 'a\u001b<b>\u202e', values: [0, 1] },
      z: 'z"\u0085',
      mean: [[0, 1]],
      rows: 2,
    });
    expect(svg).not.toMatch(RAW_BUT_LINES);
    expect(svg).toContain('a\\u001b&lt;b&gt;\\u202e');
    expect(svg).toContain('z&quot;\\u0085');
  });
});
