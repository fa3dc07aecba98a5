/**
 * Property-based fuzzing (each property stops early past its time budget,
 * so a loaded machine cannot make the suite slow; a full run is ~6,000 cases) of the loader: whatever the input, the outcome is a
 * valid Scenario (which compiles) or a ScenarioError with a one-line
 * message; never another exception, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/model/compile.js';
import { columnsOf } from '../../src/model/names.js';
import { makeCustomTerm } from '../../src/scenario/expression/custom-term.js';
import { ExpressionProblem } from '../../src/scenario/expression/safe-tree.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { runScenario } from '../../src/analysis/run.js';
import { MAX_VALUES } from '../../src/scenario/limits.js';
import { baseDoc, INLINE, stateDoc, toYaml, type Doc } from './scenario-text.js';

type Outcome = 'ok' | 'error';

function outcome(run: () => unknown): Outcome {
  try {
    const scenario = run();
    compileScenario(scenario as Parameters<typeof compileScenario>[0]);
    return 'ok';
  } catch (error) {
    if (error instanceof ScenarioError) {
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.message).not.toContain('\n');
      return 'error';
    }
    throw error;
  }
}

/** Every location in a document: [container, key]. */
function locations(doc: unknown): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push([node as unknown as Record<number, unknown>, i]);
        walk(v);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        out.push([node as Record<string, unknown>, k]);
        walk(v);
      }
    }
  };
  walk(doc);
  return out;
}

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, 1.5, -0.1, 0, 1, 0.5, 2 ** 53, 1e-320),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'AAA',
    'BBB',
    'ZZZ',
    'sign',
    'abstain',
    'free',
    '__proto__',
    'constructor',
    'small.yaml',
    '.',
    '/dev/zero',
    'rivalShare * signShare',
    'threat',
    'a.b',
  ),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.double()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double(), fc.string({ maxLength: 5 })), { maxKeys: 3 }),
  fc.constantFrom({ mean: 0.5, sd: 0.1 }, { min: 0.2, max: 0.4 }, { mean: 2, sd: 0 }, { min: 1, max: 0 }),
  fc.constant([{ id: 'extra', expression: 'threat * rivalShare', weight: 1 }]),
  fc.constant([{ id: 'x1', expression: 'constructor', weight: 1 }]),
);

const mutation = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('delete', 'replace', 'add', 'rename'),
  value: nastyValue,
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'capabilty',
      'id',
      'patron',
      'rivals',
      'terms',
      'attributes',
      'extends',
      'roster',
      'bias',
      'lobby',
      'provenance',
    ),
  ),
});

function mutate(doc: Doc, steps: { at: number; action: string; value: unknown; key: string }[]): Doc {
  for (const step of steps) {
    const locs = locations(doc);
    if (locs.length === 0) break;
    const [container, key] = locs[step.at % locs.length];
    // A fresh copy: fc.constant hands out the same object every run, and a
    // later step mutating inside it would make it cyclic for the next run.
    const value = structuredClone(step.value);
    if (step.action === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
    } else if (step.action === 'replace') container[key] = value;
    else if (step.action === 'add' && !Array.isArray(container))
      Object.defineProperty(container, step.key, { value, enumerable: true, writable: true, configurable: true });
    else if (step.action === 'rename' && !Array.isArray(container)) {
      const v = container[key];
      delete container[key];
      Object.defineProperty(container, step.key, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return doc;
}

describe('fuzzing the loader', { timeout: 30_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'signatory-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('mutated scenarios load or give a ScenarioError', () => {
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (steps, asJson) => {
        const doc = mutate(baseDoc(), steps);
        const text = asJson ? JSON.stringify(doc) : toYaml(doc);
        seen[outcome(() => parseScenarioText(text, INLINE))]++;
      }),
      { numRuns: 600, interruptAfterTimeLimit: 6000 },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  it('random and truncated text loads or gives a ScenarioError', () => {
    const valid = toYaml(baseDoc());
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc
        .tuple(fc.nat({ max: valid.length }), fc.string({ maxLength: 10 }))
        .map(([n, s]) => valid.slice(0, n) + s + valid.slice(n)),
      fc
        .array(
          fc.constantFrom(
            '[',
            ']',
            '{',
            '}',
            '- ',
            '? ',
            ': ',
            '\n',
            '  ',
            '&a ',
            '*a ',
            '!!str ',
            '"',
            "'",
            '#',
            '---\n',
            'name',
            'x',
            '|\n',
            '>-\n',
            ',',
            '%YAML 1.2\n',
          ),
          { maxLength: 80 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        outcome(() => parseScenarioText(t, INLINE));
      }),
      { numRuns: 1200, interruptAfterTimeLimit: 4000 },
    );
  });

  it('random bytes in a file give a ScenarioError', () => {
    const file = join(dir, 'random.yaml');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        writeFileSync(file, bytes);
        expect(outcome(() => loadScenario(file))).toBe('error');
      }),
      { numRuns: 300, interruptAfterTimeLimit: 2000 },
    );
  });

  const token = fc.constantFrom(
    'threat',
    'pace',
    'rivalShare',
    'signShare',
    'patronSigns',
    'race',
    'assurance',
    'bias',
    'constructor',
    '__proto__',
    'import',
    'evaluate',
    '+',
    '-',
    '*',
    '/',
    '^',
    '%',
    ' mod ',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    '.',
    ':',
    '=',
    '?',
    ' and ',
    ' or ',
    'not ',
    '<',
    '==',
    '!',
    '0',
    '1',
    '0.5',
    '1e308',
    'abs(',
    'max(',
    'min(',
    'clamp(',
    'log(',
    'sqrt(',
    '"s"',
    "'s'",
    ';',
    '\n',
    ' ',
    '@',
    '$',
    '\\',
    '`',
  );
  const expression = fc.oneof(
    fc.array(token, { minLength: 1, maxLength: 30 }).map((t) => t.join('')),
    fc.string({ maxLength: 40 }),
  );

  it('random expressions compile to a linear form or are refused with a reason', () => {
    const scenario = parseScenarioText(toYaml(baseDoc()), INLINE);
    const columns = columnsOf(scenario.states, scenario.declaration, scenario.world);
    // Warm-up outside the time budget: the private mathjs instance is created on first use.
    expect(
      makeCustomTerm(
        { id: 'warm', label: 'warm', propositions: [], expression: 'threat * rivalShare' },
        new Set(),
      ).linearAt(columns, 0),
    ).toMatchObject({ constant: 0 });
    let compiled = 0;
    fc.assert(
      fc.property(expression, (text) => {
        let term;
        try {
          term = makeCustomTerm({ id: 'fuzzed', label: 'fuzzed', propositions: [], expression: text }, new Set());
        } catch (error) {
          if (error instanceof ExpressionProblem && error.message.length > 0) return;
          throw error;
        }
        compiled++;
        const part = term.linearAt(columns, 0);
        if (typeof part !== 'string') for (const v of Object.values(part)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 4000, interruptAfterTimeLimit: 3000 },
    );
    expect(compiled).toBeGreaterThan(0);
  });

  it('random expressions through the whole loader load or give a ScenarioError', () => {
    fc.assert(
      fc.property(expression, (text) => {
        const doc = baseDoc();
        doc.terms = [{ id: 'fuzzed', expression: text, weight: 1 }];
        outcome(() => parseScenarioText(toYaml(doc), INLINE));
      }),
      { numRuns: 150, interruptAfterTimeLimit: 2000 },
    );
  });
});

/** Every control character the sanitizer escapes and the loader refuses in text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const controlChar = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\u0008',
  '\u001b',
  '\r',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u061c',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
);
const withControls = fc
  .array(fc.oneof(controlChar, fc.string({ maxLength: 4 }), fc.constantFrom('\n', '\t', '[2J', ']52;c;aGk=')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('fuzzing the hostile classes (issue 13)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'signatory-fuzz-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = toYaml(baseDoc());

  it('aliases: any mix of anchors, aliases, undefined and self-references loads or is refused for the right reason', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'long_anchor');
    const item = fc.oneof(
      fc
        .tuple(name, fc.constantFrom('1', 'x', '[1, 2, 3]', '{k: v}'))
        .map(([n, v]) => ({ text: `&${n} ${v}`, anchor: n })),
      name.map((n) => ({ text: `*${n}`, alias: n })),
      name.map((n) => ({ text: `&${n} [1, *${n}]`, anchor: n, alias: n })),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 200 }), (items) => {
        const text = `${base}sources:\n${items.map((i) => `  - ${i.text}`).join('\n')}\n`;
        const uses = new Map<string, number>();
        let undefinedAlias = false;
        const defined = new Set<string>();
        for (const i of items) {
          if ('alias' in i && i.alias !== undefined) {
            if (!defined.has(i.alias) && !('anchor' in i)) undefinedAlias = true;
            uses.set(i.alias, (uses.get(i.alias) ?? 0) + 1);
          }
          if ('anchor' in i && i.anchor !== undefined) defined.add(i.anchor);
        }
        try {
          parseScenarioText(text, INLINE);
          expect(undefinedAlias).toBe(false);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.message).not.toContain('\n');
          // Never "too many expansions" for a file whose aliases are few: the reason is named.
          if (error.message.includes('alias expansions')) expect(Math.max(...uses.values())).toBeGreaterThanOrEqual(63);
          if (undefinedAlias && !error.message.includes('outside the value'))
            expect(error.message).toMatch(
              /expected an anchor &\w+ before the alias|alias expansions|values once aliases/,
            );
        }
      }),
      { numRuns: 300, interruptAfterTimeLimit: 6000 },
    );
  });

  it('wide collections: a list of any length loads below the value bound and is refused above it', () => {
    const length = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 40_000, max: 120_000 }));
    fc.assert(
      fc.property(length, fc.boolean(), (n, flow) => {
        const list = flow ? `sources: [${Array(n).fill('1').join(',')}]\n` : `sources:\n${'  - 1\n'.repeat(n)}`;
        const r = outcome(() => parseScenarioText(base + list, INLINE));
        // Each item costs two values (the item and its `,` or `-`): a list this long is refused.
        if (2 * n > MAX_VALUES) expect(r).toBe('error');
        if (n <= 2_000) expect(r).toBe('ok');
      }),
      { numRuns: 12, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('control characters in any text or key are refused or shown escaped, never printed raw', () => {
    const place = fc.constantFrom('name', 'description', 'stateName', 'key', 'provenance', 'blocs', 'label');
    fc.assert(
      fc.property(place, withControls, (where, text) => {
        const doc = baseDoc();
        const states = doc.states as Doc[];
        if (where === 'name') doc.name = text;
        else if (where === 'description') doc.description = text;
        else if (where === 'stateName') states[0].name = text;
        else if (where === 'key') doc[text] = 1;
        else if (where === 'provenance') states[1].provenance = { capability: text };
        else if (where === 'blocs') states[2].blocs = [text];
        else doc.terms = [{ id: 'custom', label: text, expression: 'threat', weight: 1 }];
        try {
          const s = parseScenarioText(toYaml(doc), INLINE);
          expect(s.name).not.toMatch(RAW_CONTROL);
          expect(s.description).not.toMatch(RAW_CONTROL);
          for (const st of s.states) expect(st.name).not.toMatch(RAW_CONTROL);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.message).not.toMatch(RAW_CONTROL);
          expect(error.message).not.toContain('\n');
        }
      }),
      { numRuns: 400, interruptAfterTimeLimit: 5000 },
    );
  });

  it('state ids named after built-ins are free unless fixed, or refused by the id pattern', () => {
    const builtin = fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype), 'AAA', 'prototype', '__proto__');
    fc.assert(
      fc.property(fc.uniqueArray(builtin, { minLength: 1, maxLength: 4 }), fc.boolean(), (ids, fixFirst) => {
        const doc = baseDoc();
        delete doc.observed;
        doc.states = ids.map((id, k) => stateDoc(id, 0.3 + 0.1 * k));
        doc.fix = fixFirst ? { [ids[0]]: 'sign' } : {};
        try {
          const s = parseScenarioText(toYaml(doc), INLINE);
          const fixedIds = runScenario(s)
            .states.filter((x) => x.fixed !== undefined)
            .map((x) => x.id);
          expect(fixedIds).toEqual(fixFirst ? [ids[0]] : []);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          // Only ids the pattern refuses (a letter first) fail.
          expect(ids.some((id) => !/^[A-Za-z]/.test(id))).toBe(true);
        }
      }),
      { numRuns: 200, interruptAfterTimeLimit: 5000 },
    );
  });

  it('hostile extends paths are refused in one line that echoes nothing of the target', () => {
    const secret = join(dir, 'secret.yaml');
    writeFileSync(secret, 'root_password_hash: s3cr3t-hash-value\n');
    const target = fc.oneof(
      fc.constantFrom(
        '/etc/shadow',
        '/etc/passwd',
        '/dev/zero',
        '/dev/stdin',
        '/proc/self/mem',
        '/proc/self/environ',
        '../../../../../../etc/hostname',
        '.',
        '/',
        secret,
        './secret.yaml',
        'x.yaml\u0000.txt',
        'C:\\Windows\\win.ini',
        '/etc/hostname.yaml',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(target, fc.constantFrom('extends', 'roster'), (path, key) => {
        const file = join(dir, 'child.yaml');
        writeFileSync(file, `name: child\n${key}: ${JSON.stringify(path)}\n`);
        try {
          loadScenario(file);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.message).not.toContain('s3cr3t');
          expect(error.message).not.toContain('root_password');
          expect(error.message).not.toMatch(/root:|daemon:/);
          expect(error.message).not.toContain('\n');
          return;
        }
        throw new Error(`${key}: ${JSON.stringify(path)} loaded`);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 5000 },
    );
  });
});
