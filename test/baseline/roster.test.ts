/**
 * The REAIM 2026 roster (scenarios/rosters/reaim-2026.yaml): facts from the
 * data (85 attendees, the 35 signers, USA and CHN present), well-formed
 * attributes, provenance for every attribute, and reproducibility of the
 * committed files by scripts/build-roster.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { STATE_ATTRIBUTES } from '../../src/model/inputs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROSTER = join(ROOT, 'scenarios', 'rosters', 'reaim-2026.yaml');
const DOC = join(ROOT, 'docs', 'baseline.md');

// The model's own list: a new attribute must get data and provenance too.
const NUMERIC = STATE_ATTRIBUTES;
const PROVENANCE = [...NUMERIC, 'blocs', 'rivals', 'patron'] as const;

interface RosterState {
  id: string;
  name: string;
  bias: number;
  rivals: Record<string, number>;
  patron?: { id: string; deference: number };
  blocs: string[];
  provenance: Record<string, string>;
  [key: string]: unknown;
}

const roster = YAML.parse(readFileSync(ROSTER, 'utf8')) as { name: string; sources: string[]; states: RosterState[] };
const states = roster.states;
const ids = new Set(states.map((s) => s.id));

const positions = readFileSync(join(ROOT, 'data', 'a-coruna-2026-positions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const signers = positions.filter((r) => r[3] === 'signed').map((r) => r[1]);

const hasAtMost3Decimals = (x: number) => Math.abs(Math.round(x * 1000) - x * 1000) < 1e-9;

describe('REAIM 2026 roster', () => {
  it('has 85 states with unique ISO-3 ids', () => {
    expect(states).toHaveLength(85);
    expect(ids.size).toBe(85);
    for (const s of states) expect(s.id).toMatch(/^[A-Z]{3}$/);
  });

  it('contains all 35 signers, the United States and China', () => {
    expect(signers).toHaveLength(35);
    for (const id of signers) expect(ids.has(id), id).toBe(true);
    expect(ids.has('USA')).toBe(true);
    expect(ids.has('CHN')).toBe(true);
    expect(signers).not.toContain('USA');
    expect(signers).not.toContain('CHN');
    expect(states.length - signers.length).toBe(50);
  });

  it('keeps every attribute in [0,1] with at most 3 decimals, and bias 0', () => {
    for (const s of states) {
      for (const k of NUMERIC) {
        const v = s[k];
        expect(typeof v, `${s.id}.${k}`).toBe('number');
        expect(v as number, `${s.id}.${k}`).toBeGreaterThanOrEqual(0);
        expect(v as number, `${s.id}.${k}`).toBeLessThanOrEqual(1);
        expect(hasAtMost3Decimals(v as number), `${s.id}.${k}`).toBe(true);
      }
      expect(s.bias).toBe(0);
      for (const w of Object.values(s.rivals)) expect(w >= 0 && w <= 1).toBe(true);
      if (s.patron) expect(s.patron.deference >= 0 && s.patron.deference <= 1).toBe(true);
    }
  });

  it('names only roster members as rivals and patrons, never itself', () => {
    for (const s of states) {
      for (const r of Object.keys(s.rivals)) {
        expect(ids.has(r), `${s.id} rival ${r}`).toBe(true);
        expect(r).not.toBe(s.id);
      }
      if (s.patron) {
        expect(ids.has(s.patron.id), `${s.id} patron ${s.patron.id}`).toBe(true);
        expect(s.patron.id).not.toBe(s.id);
      }
    }
  });

  it('gives every state a provenance entry for every attribute', () => {
    for (const s of states) {
      for (const k of PROVENANCE) {
        expect(typeof s.provenance?.[k], `${s.id}.provenance.${k}`).toBe('string');
        expect(s.provenance[k].length, `${s.id}.provenance.${k}`).toBeGreaterThan(10);
      }
    }
  });

  it('encodes the article: US costs from race, gray zone and clubs; China from weaponization', () => {
    const by = Object.fromEntries(states.map((s) => [s.id, s]));
    const max = (k: string) => Math.max(...states.map((s) => s[k] as number));
    expect(by.USA.capability).toBe(max('capability'));
    expect(by.USA.grayZone).toBe(max('grayZone'));
    expect(by.USA.clubOption).toBe(max('clubOption'));
    expect(by.CHN.weaponizationFear).toBe(max('weaponizationFear'));
    expect(by.USA.rivals.CHN).toBeGreaterThan(0);
    expect(by.CHN.rivals.USA).toBeGreaterThan(0);
  });
});

describe('scripts/build-roster.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'signatory-roster-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reproduces the committed roster and doc byte for byte', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-roster.mjs'), out], { stdio: 'pipe' });
    expect(readFileSync(join(out, 'scenarios', 'rosters', 'reaim-2026.yaml'))).toEqual(readFileSync(ROSTER));
    expect(readFileSync(join(out, 'docs', 'baseline.md'))).toEqual(readFileSync(DOC));
  });
});
