/**
 * The glossary (src/app/glossary.ts): every term signatory prints in two
 * plain sentences, every payoff term with its propositions as
 * docs/propositions.md words them; `signatory glossary [TERM]` prints it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntry, GLOSSARY, PROPOSITIONS } from '../../src/app/glossary.js';
import { BUILTIN_TERMS } from '../../src/model/terms.js';
import { cli, ROOT } from './run-cli.js';

/** Sentence ends: a full stop, question or exclamation mark before a blank or the end. */
const sentences = (text: string) => text.split(/(?<=[.?!])\s+/).filter((s) => s.trim() !== '');

describe('the glossary', () => {
  it('defines the words the reports and the TUI print', () => {
    for (const word of ['Δ', 'least', 'greatest', 'QRE', 'λ', 'P(≥ k)', 'cascade', 'supermodular', 'bias', 'intercept'])
      expect(findEntry(word), word).toBeDefined();
  });

  it('has one entry per built-in payoff term, with its propositions and formula', () => {
    for (const t of BUILTIN_TERMS) {
      const e = findEntry(t.id);
      expect(e, t.id).toBeDefined();
      expect(e!.propositions).toEqual(t.propositions);
      expect(e!.formula).toBe(t.formula);
      if (t.source) expect(e!.source).toBe(t.source);
    }
  });

  it('says each thing in exactly two sentences', () => {
    for (const e of GLOSSARY) expect(sentences(e.plain), e.id).toHaveLength(2);
  });

  it('has ids and names that find one entry each', () => {
    const words = GLOSSARY.flatMap((e) => [
      ...new Set([e.id, e.term, ...(e.aliases ?? [])].map((w) => w.toLowerCase())),
    ]);
    expect(new Set(words).size).toBe(words.length);
    for (const e of GLOSSARY) expect(findEntry(e.id.toUpperCase())).toBe(e);
  });

  it('quotes the propositions as docs/propositions.md words them, every one of them', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'propositions.md'), 'utf8');
    const inDoc = Object.fromEntries([...doc.matchAll(/^- \*\*([A-Z]\d+)\*\* (.+)$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(inDoc).length).toBeGreaterThan(15);
    expect(PROPOSITIONS).toEqual(inDoc);
    for (const t of BUILTIN_TERMS) for (const p of t.propositions) expect(PROPOSITIONS[p], p).toBeDefined();
  });
});

describe('signatory glossary', () => {
  it('prints every entry within 78 columns', async () => {
    const r = await cli(['glossary']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const e of GLOSSARY) expect(r.stdout).toContain(e.term);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(78);
  });

  it('prints one entry, found by any of its names in any case', async () => {
    const r = await cli(['glossary', 'QRE']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^expected signers if choices are noisy — QRE \(quantal response equilibrium\)\n/);
    expect(r.stdout).not.toContain('cascade');
    const restraint = await cli(['glossary', 'Restraint']);
    expect(restraint.stdout).toContain('U1 [United States] In a technology race it will not bind itself;');
    expect(restraint.stdout).toContain('Source: Jervis (1978)');
    expect((await cli(['glossary', 'Δ'])).stdout).toBe((await cli(['glossary', 'delta'])).stdout);
  });

  it('prints JSON with --json', async () => {
    const r = await cli(['glossary', 'bias', '--json']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(findEntry('bias'))));
  });

  it('refuses an unknown word with a suggestion, exit 2', async () => {
    const r = await cli(['glossary', 'qer']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^signatory: no glossary entry 'qer' \(did you mean "qre"\?\)/);
  });

  it('is listed by signatory --help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/^ {2}glossary +what the words mean/m);
  });
});
