import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cacheDirectory, jsonExact, parseDocumentCached } from '../../src/scenario/parse-cache.js';
import { parseDocumentText } from '../../src/scenario/parse-document.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dir: string;
let env: NodeJS.ProcessEnv;
const entries = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.json'));

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-cache-'));
  env = { SIGNATORY_CACHE_DIR: dir };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every YAML file under scenarios/. */
function shippedYaml(at = path.join(ROOT, 'scenarios')): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(at, e.name);
    return e.isDirectory() ? shippedYaml(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

describe('parse cache', () => {
  it('gives back exactly what the parser gives, from a miss and from a hit, for every shipped scenario', () => {
    const files = shippedYaml();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseDocumentText(text, file);
      expect(parseDocumentCached(text, file, env)).toEqual(parsed);
      expect(parseDocumentCached(text, file, env)).toEqual(parsed);
    }
    expect(entries()).toHaveLength(new Set(files.map((f) => readFileSync(f, 'utf8'))).size);
  });

  it('reads a hit from the entry, not by parsing: the entry is what comes back', () => {
    const text = 'name: cached\ndescription: x\n';
    parseDocumentCached(text, 'a.yaml', env);
    const [entry] = entries();
    writeFileSync(path.join(dir, entry), JSON.stringify({ name: 'from the entry' }));
    expect(parseDocumentCached(text, 'a.yaml', env)).toEqual({ name: 'from the entry' });
  });

  it('equals the parser on random documents (property), keys like __proto__ included', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const doc = fc.dictionary(
      fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('__proto__', 'constructor', '0', '10')),
      fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1 }), scalar)),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(doc, (data) => {
        const text = stringify(data);
        let parsed: unknown;
        try {
          parsed = parseDocumentText(text, 'p.yaml');
        } catch {
          return; // a document the loader refuses is not cached (below)
        }
        const miss = parseDocumentCached(text, 'p.yaml', env);
        const hit = parseDocumentCached(text, 'p.yaml', env);
        expect(miss).toEqual(parsed);
        expect(hit).toEqual(parsed);
        expect(Object.keys(hit as object)).toEqual(Object.keys(parsed as object));
      }),
      { numRuns: 150 },
    );
  });

  it('does not store what JSON cannot carry exactly (.inf, .nan, -0), and still returns it', () => {
    for (const value of ['.inf', '-.inf', '.nan', '-0']) {
      const data = parseDocumentCached(`name: x\nweights: { intercept: ${value} }\n`, 'w.yaml', env) as {
        weights: { intercept: number };
      };
      expect(Object.is(data.weights.intercept, Number(value.replace('.inf', 'Infinity').replace('.nan', 'NaN')))).toBe(
        true,
      );
    }
    expect(entries()).toEqual([]);
    expect(jsonExact({ a: [1, 'x', null, true, { b: 0 }] })).toBe(true);
    expect(jsonExact({ a: [-0] })).toBe(false);
    // A long list is walked item by item (spreading it into push() would overflow the stack).
    expect(jsonExact({ a: new Array(300_000).fill(1) })).toBe(true);
  });

  it('never stores an error, and ignores an entry that is not whole', () => {
    const bad = 'name: [unclosed\n';
    expect(() => parseDocumentCached(bad, 'bad.yaml', env)).toThrow(/valid YAML/);
    expect(() => parseDocumentCached(bad, 'bad.yaml', env)).toThrow(/valid YAML/);
    expect(entries()).toEqual([]);
    const text = 'name: whole\n';
    parseDocumentCached(text, 'w.yaml', env);
    const [entry] = entries();
    for (const broken of ['{"name": "whole"', '[1, 2]', '"a string"', '['.repeat(5000) + ']'.repeat(5000)]) {
      writeFileSync(path.join(dir, entry), broken);
      expect(parseDocumentCached(text, 'w.yaml', env)).toEqual({ name: 'whole' });
    }
  });

  it('an edited file meets a new entry; JSON files are not cached; off is off; an unwritable place only means parsing', () => {
    expect(parseDocumentCached('name: one\n', 'e.yaml', env)).toEqual({ name: 'one' });
    expect(parseDocumentCached('name: two\n', 'e.yaml', env)).toEqual({ name: 'two' });
    expect(entries()).toHaveLength(2);
    parseDocumentCached('{"name": "json"}', 'e.json', env);
    expect(entries()).toHaveLength(2);
    const off = { ...env, SIGNATORY_CACHE: 'off' };
    expect(cacheDirectory(off)).toBeUndefined();
    expect(parseDocumentCached('name: three\n', 'e.yaml', off)).toEqual({ name: 'three' });
    expect(entries()).toHaveLength(2);
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    expect(parseDocumentCached('name: four\n', 'e.yaml', { SIGNATORY_CACHE_DIR: path.join(file, 'sub') })).toEqual({
      name: 'four',
    });
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x' })).toBe(path.join('/x', 'signatory'));
  });
});
