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
import { baseDoc, INLINE, toYaml, type Doc } from './scenario-text.js';

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
