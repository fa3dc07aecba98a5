/**
 * The world roster (scenarios/rosters/world.yaml) and the training events
 * (scenarios/events/*.yaml), read as plain YAML (not through the scenario
 * loader): the 193 UN members, attributes in [0,1], provenance for every
 * value, well-formed dated changes, normSensitivity recomputed independently
 * from the treaty and ideal-point data, event outcomes that add up to the
 * vote data, and byte-identical regeneration by scripts/build-world-roster.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { STATE_ATTRIBUTES } from '../../src/model/inputs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROSTER = join(ROOT, 'scenarios', 'rosters', 'world.yaml');
const EVENTS = join(ROOT, 'scenarios', 'events');
const DATA = join(ROOT, 'data');

interface Change {
  from: string;
  set: Record<string, unknown>;
  reason: string;
  source: string;
}
interface State {
  id: string;
  name: string;
  bias: number;
  rivals: Record<string, number>;
  patron?: { id: string; deference: number };
  blocs: string[];
  provenance: Record<string, string>;
  history?: Change[];
  [key: string]: unknown;
}
interface Observed {
  signed: string[];
  notSigned: string[];
  counts: { signed: number; notSigned: number; absent: number };
  source: string;
}
interface EventFile {
  name: string;
  extends: string;
  roster: string;
  date: string;
  event: { kind: string; instrument: string; source: string };
  participants?: string[];
  declaration: Record<string, number>;
  world: Record<string, number>;
  observed: Observed;
}

/** Small CSV reader (quoted fields), enough for the data files. */
function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(join(DATA, name), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

const roster = YAML.parse(readFileSync(ROSTER, 'utf8')) as { timeline: { start: string; end: string }; states: State[] };
const states = roster.states;
const byId = new Map(states.map((s) => [s.id, s]));
const members = readCsv('un_member_states.csv');
const NUMERIC = STATE_ATTRIBUTES;
const PROVENANCE = ['name', ...NUMERIC, 'bias', 'blocs', 'rivals', 'patron'];
const inUnit = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;
const isDate = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));

describe('world roster: the 193 UN member states', () => {
  it('has exactly the UN members, sorted by id', () => {
    expect(states).toHaveLength(193);
    const ids = states.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids)).toEqual(new Set(members.map((m) => m.iso3)));
    expect(members).toHaveLength(193);
  });

  it('covers 2022-01-01 … 2026-12-31', () => {
    expect(roster.timeline).toEqual({ start: '2022-01-01', end: '2026-12-31' });
  });

  it('has every attribute in [0,1], bias 0, ids of rivals and patron in the roster', () => {
    for (const s of states) {
      for (const k of NUMERIC) expect(inUnit(s[k]), `${s.id}.${k} = ${String(s[k])}`).toBe(true);
      expect(s.bias).toBe(0);
      expect(typeof s.name === 'string' && s.name.length > 0).toBe(true);
      for (const [r, w] of Object.entries(s.rivals)) {
        expect(byId.has(r) && r !== s.id, `${s.id} rival ${r}`).toBe(true);
        expect(inUnit(w)).toBe(true);
      }
      if (s.patron) {
        expect(byId.has(s.patron.id) && s.patron.id !== s.id, `${s.id} patron`).toBe(true);
        expect(inUnit(s.patron.deference)).toBe(true);
      }
      expect(s.blocs.length).toBeGreaterThan(0);
    }
  });

  it('gives provenance for every value', () => {
    for (const s of states) {
      expect(Object.keys(s.provenance).sort()).toEqual([...PROVENANCE].sort());
      for (const k of PROVENANCE) expect(s.provenance[k].trim().length, `${s.id}.provenance.${k}`).toBeGreaterThan(5);
    }
  });

  it('derives normSensitivity (never judged) and marks judged spending', () => {
    for (const s of states) {
      expect(s.provenance.normSensitivity).toMatch(/^DERIVED/);
      expect(s.provenance.normSensitivity).not.toMatch(/judgement/i);
      expect(s.provenance.size).toMatch(/SIPRI|JUDGEMENT/);
    }
  });

  it('has dated changes in date order, inside the timeline, each with reason and source and valid values', () => {
    const allowed = new Set([...NUMERIC, 'bias', 'rivals', 'patron', 'blocs']);
    let count = 0;
    for (const s of states) {
      const h = s.history ?? [];
      for (let i = 0; i < h.length; i++) {
        const c = h[i];
        count++;
        expect(Object.keys(c).sort()).toEqual(['from', 'reason', 'set', 'source']);
        expect(isDate(c.from), `${s.id} ${c.from}`).toBe(true);
        expect(c.from > roster.timeline.start && c.from <= roster.timeline.end).toBe(true);
        if (i > 0) expect(c.from >= h[i - 1].from, `${s.id} history order`).toBe(true);
        expect(c.reason.trim().length).toBeGreaterThan(10);
        expect(c.source.trim().length).toBeGreaterThan(10);
        expect(Object.keys(c.set).length).toBeGreaterThan(0);
        for (const [k, v] of Object.entries(c.set)) {
          expect(allowed.has(k), `${s.id} ${c.from} sets ${k}`).toBe(true);
          if ((NUMERIC as readonly string[]).includes(k)) expect(inUnit(v), `${s.id} ${c.from} ${k}`).toBe(true);
          if (k === 'rivals') for (const r of Object.keys(v as object)) expect(byId.has(r)).toBe(true);
          if (k === 'patron' && v !== null) expect(byId.has((v as { id: string }).id)).toBe(true);
          if (k === 'blocs') expect(Array.isArray(v)).toBe(true);
        }
      }
    }
    expect(count).toBeGreaterThan(30);
  });

  /** The value of `key` in force at `date`. */
  function at(id: string, key: string, date: string): unknown {
    const s = byId.get(id)!;
    let v: unknown = s[key];
    for (const c of s.history ?? []) if (c.from <= date && key in c.set) v = c.set[key];
    return v;
  }

  it('carries the dated facts: US and Argentine government changes, the invasion, Finland and Sweden in NATO', () => {
    // US government change, 20 January 2025: normSensitivity falls.
    expect(at('USA', 'normSensitivity', '2025-01-19')).toBeGreaterThan(at('USA', 'normSensitivity', '2025-01-20') as number);
    // Russia's full-scale invasion, 24 February 2022: threat rises on the front line; Russia a rival.
    for (const id of ['UKR', 'POL', 'FIN', 'EST']) {
      expect(at(id, 'threat', '2022-02-24')).toBeGreaterThan(at(id, 'threat', '2022-02-23') as number);
      expect((at(id, 'rivals', '2022-02-24') as Record<string, number>).RUS).toBe(1);
    }
    expect((at('FIN', 'rivals', '2022-02-23') as Record<string, number>).RUS).toBeUndefined();
    // NATO accessions.
    for (const [id, day, before] of [
      ['FIN', '2023-04-04', '2023-04-03'],
      ['SWE', '2024-03-07', '2024-03-06'],
    ] as const) {
      expect(at(id, 'blocs', before)).not.toContain('NATO');
      expect(at(id, 'blocs', day)).toContain('NATO');
      expect(at(id, 'patron', before)).toBeUndefined();
      expect((at(id, 'patron', day) as { id: string }).id).toBe('USA');
    }
    // Argentina's government change, 10 December 2023.
    expect(at('ARG', 'patron', '2023-12-09')).toBeUndefined();
    expect((at('ARG', 'patron', '2023-12-10') as { id: string }).id).toBe('USA');
  });

  it('recomputes normSensitivity on 2022-01-01 from the treaty and ideal-point data', () => {
    const start = roster.timeline.start;
    const dayOf = (d: string) => (/^\d{4}$/.test(d) ? `${d}-12-31` : d);
    const parties = new Map<string, number>();
    for (const r of readCsv('treaty_memberships.csv')) {
      const party =
        (r.status === 'party' && dayOf(r.date) <= start) ||
        (r.status === 'withdrawn' && dayOf(r.date) > start) ||
        r.status === 'withdrawal_pending' ||
        r.status === 'withdrawal_announced';
      if (party) parties.set(r.iso3, (parties.get(r.iso3) ?? 0) + 1);
    }
    const sums = new Map<string, number[]>();
    for (const r of readCsv('un_ideal_points.csv')) {
      if (Number(r.year) >= 2019 && Number(r.year) <= 2022) sums.set(r.iso3, [...(sums.get(r.iso3) ?? []), Number(r.ideal_point)]);
    }
    const mean = new Map([...sums].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / v.length]));
    const lo = Math.min(...mean.values());
    const hi = Math.max(...mean.values());
    for (const s of states) {
      const T = (parties.get(s.id) ?? 0) / 5;
      const I = (mean.get(s.id)! - lo) / (hi - lo);
      expect(s.normSensitivity as number, s.id).toBeCloseTo(0.5 * T + 0.5 * I, 3);
    }
  });
});

describe('training events', () => {
  const files = readdirSync(EVENTS).filter((f) => f.endsWith('.yaml')).sort();
  const events = new Map(files.map((f) => [f, YAML.parse(readFileSync(join(EVENTS, f), 'utf8')) as EventFile]));
  const votes = readCsv('unga_laws_and_military_ai_votes.csv');
  const DECLARATION = [
    'verification',
    'thresholdClarity',
    'thresholdStrictness',
    'accountability',
    'enforcement',
    'differentiation',
    'neutralInterpretation',
    'humanControl',
    'clubCompatibility',
  ];

  it('has one file per training instrument and none of the held-out ones', () => {
    expect(files).toEqual(['a-coruna-2026.yaml', 'unga-78-241.yaml', 'unga-79-62.yaml', 'unga-80-57.yaml']);
    for (const f of files) expect(readFileSync(join(EVENTS, f), 'utf8')).not.toMatch(/^\s*(name|instrument):.*(Blueprint|Call to Action|Political Declaration)/m);
  });

  it('is well formed: roster, base, date, kind, the nine parameters and the world in [0,1]', () => {
    for (const [f, e] of events) {
      expect(e.roster, f).toBe('../rosters/world.yaml');
      expect(e.extends, f).toBe('../base/panel-prior.yaml');
      expect(isDate(e.date), f).toBe(true);
      expect(['un-vote', 'summit-declaration']).toContain(e.event.kind);
      expect(e.event.instrument.length).toBeGreaterThan(10);
      expect(e.event.source).toMatch(/^https:\/\//);
      expect(Object.keys(e.declaration).sort()).toEqual([...DECLARATION].sort());
      for (const k of DECLARATION) expect(inUnit(e.declaration[k]), `${f} ${k}`).toBe(true);
      expect(Object.keys(e.world).sort()).toEqual(['raceIntensity', 'raceShock']);
      for (const v of Object.values(e.world)) expect(inUnit(v)).toBe(true);
      expect(e.date >= roster.timeline.start && e.date <= roster.timeline.end).toBe(true);
    }
  });

  it('names only roster states, none twice, participants where the kind needs them', () => {
    for (const [f, e] of events) {
      const named = [...e.observed.signed, ...e.observed.notSigned];
      for (const id of named) expect(byId.has(id), `${f}: ${id}`).toBe(true);
      expect(new Set(named).size, f).toBe(named.length);
      expect(e.observed.signed.length).toBeLessThanOrEqual(e.observed.counts.signed);
      expect(e.observed.notSigned.length).toBeLessThanOrEqual(e.observed.counts.notSigned);
      if (e.event.kind === 'un-vote') expect(e.participants, f).toBeUndefined();
      else {
        for (const id of e.participants!) expect(byId.has(id), `${f}: participant ${id}`).toBe(true);
        for (const id of named) expect(e.participants, `${f}: ${id} not a participant`).toContain(id);
      }
    }
  });

  it('UN votes: counts and dates agree with the vote data; No and Abstain states all named', () => {
    for (const [file, doc] of [
      ['unga-78-241.yaml', 'A/RES/78/241'],
      ['unga-79-62.yaml', 'A/RES/79/62'],
      ['unga-80-57.yaml', 'A/RES/80/57'],
    ] as const) {
      const e = events.get(file)!;
      const row = votes.find((r) => r.document === doc && r.stage === 'GA plenary')!;
      expect(e.date).toBe(row.date);
      const [yes, no, abstain] = [Number(row.yes), Number(row.no), Number(row.abstain)];
      expect(e.observed.counts).toEqual({ signed: yes, notSigned: no + abstain, absent: 193 - yes - no - abstain });
      expect(e.observed.notSigned).toHaveLength(no + abstain);
      expect(row.no_states.split(';').length + row.abstain_states.split(';').length).toBe(no + abstain);
    }
    expect(events.get('unga-80-57.yaml')!.observed.notSigned).toContain('USA');
    expect(events.get('unga-78-241.yaml')!.observed.notSigned).toEqual(expect.arrayContaining(['RUS', 'CHN', 'TUR', 'PRK']));
    expect(events.get('unga-78-241.yaml')!.observed.notSigned).not.toContain('USA');
    expect(events.get('unga-79-62.yaml')!.observed.notSigned).not.toContain('USA');
  });

  it('A Coruña: the 85 attendees, the 35 signers of the data, USA and CHN named non-signers', () => {
    const e = events.get('a-coruna-2026.yaml')!;
    expect(e.date).toBe('2026-02-05');
    expect(e.event.kind).toBe('summit-declaration');
    expect(e.participants).toHaveLength(85);
    const signers = readCsv('a-coruna-2026-positions.csv')
      .filter((p) => p.status === 'signed')
      .map((p) => p.iso3)
      .sort();
    expect([...e.observed.signed].sort()).toEqual(signers);
    expect(e.observed.notSigned).toEqual(['CHN', 'USA']);
    expect(e.observed.counts).toEqual({ signed: 35, notSigned: 50, absent: 0 });
    expect(e.observed.counts.signed + e.observed.counts.notSigned).toBe(e.participants!.length);
    expect(readFileSync(join(EVENTS, 'a-coruna-2026.yaml'), 'utf8')).toMatch(/ASSUMPTION: the other 48 attendees/);
  });

  it('the shared base gives every weight', () => {
    const base = YAML.parse(readFileSync(join(ROOT, 'scenarios', 'base', 'panel-prior.yaml'), 'utf8')) as { weights: Record<string, number> };
    expect(Object.keys(base.weights).sort()).toEqual(
      ['intercept', 'reputation', 'momentum', 'alignment', 'humanControl', 'adoption', 'restraint', 'exposure', 'ambiguity', 'blame', 'grayZone', 'weaponization', 'club'].sort(),
    );
  });
});

describe('scripts/build-world-roster.mjs', () => {
  const out = mkdtempSync(join(tmpdir(), 'world-roster-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('reproduces the committed roster, events and docs byte for byte', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-world-roster.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
    const same = (rel: string) => expect(readFileSync(join(out, rel), 'utf8'), rel).toBe(readFileSync(join(ROOT, rel), 'utf8'));
    same('scenarios/rosters/world.yaml');
    for (const f of readdirSync(EVENTS)) same(`scenarios/events/${f}`);
    same('docs/world-roster.md');
  });

  it('keeps the repository self-contained (no pointer outside it)', () => {
    const files = [
      'scripts/build-world-roster.mjs',
      'data/world-judgements.yaml',
      'data/world-events.yaml',
      'scenarios/rosters/world.yaml',
      'scenarios/base/panel-prior.yaml',
      'docs/world-roster.md',
      ...readdirSync(EVENTS).map((f) => `scenarios/events/${f}`),
    ];
    for (const f of files) expect(readFileSync(join(ROOT, f), 'utf8'), f).not.toMatch(/\.\.\/shared|\/work\/shared/);
  });
});
