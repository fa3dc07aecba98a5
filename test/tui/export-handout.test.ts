/**
 * The TUI's export key writes the handout `signatory report` writes when the
 * file name ends in .html or .md: the scenario as loaded gives the same
 * document as `report FILE`, and a what-if gives the loaded scenario compared
 * with it, the joiners those of `compare`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { exportResult, handoutFormat } from '../../src/tui/save.js';
import { applyEdit, openSession } from '../../src/tui/session.js';
import { cli, ROOT } from '../cli/run-cli.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-tui-handout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The document without the CLI's "Made with" line (the TUI has no command line to quote). */
const withoutFooter = (text: string): string => text.replace(/\n\n\*Made with:\*.*\n$/, '\n');

describe('TUI export as a handout', () => {
  it('picks the format from the file name', () => {
    expect(handoutFormat('a.html')).toBe('html');
    expect(handoutFormat('a.HTM')).toBe('html');
    expect(handoutFormat('a.md')).toBe('md');
    expect(handoutFormat('a.json')).toBeUndefined();
    expect(handoutFormat('a')).toBeUndefined();
  });

  it('the loaded scenario: the same handout as signatory report', async () => {
    const session = openSession(loadScenario(BASE));
    const file = path.join(dir, 'base.md');
    exportResult(session, file);
    const r = await cli(['report', BASE, '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(withoutFooter(r.stdout));
    exportResult(session, path.join(dir, 'base.html'));
    const html = readFileSync(path.join(dir, 'base.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<svg ');
  });

  it('a what-if: the loaded scenario compared with it, with the joiners compare finds', async () => {
    const session = applyEdit(openSession(loadScenario(BASE)), {
      kind: 'set',
      path: 'declaration.humanControl',
      value: 1,
    });
    const file = path.join(dir, 'whatif.md');
    exportResult(session, file);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('## What changes in A Coruña 2026 (what-if: Human control 0.30 → 1.00)');
    const c = await cli(['compare', BASE, BASE, '--set', 'declaration.humanControl=1', '--json']);
    const joined = (JSON.parse(c.stdout) as { joined: { id: string }[] }).joined.map((j) => j.id);
    expect(joined.length).toBeGreaterThan(0);
    const section = md.slice(md.indexOf('### Who joins'), md.indexOf('### Who leaves'));
    expect(section).toContain(`### Who joins (${joined.length})`);
    expect([...section.matchAll(/\(([A-Z]{3})\) \|/g)].map((m) => m[1])).toEqual(joined);
  });
});
