/**
 * Loader limits that bound time and memory, not only bytes (issue 13,
 * item 1): aliases in a file, values before the YAML library builds a tree
 * and values once aliases are expanded; an alias to no anchor is named as
 * such. Each refusal names the line and column. Times and memory of the
 * 4 MiB worst cases are measured by bench/hostile-files.js, not here.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { MAX_ALIAS_COUNT, MAX_ALIASES, MAX_FILE_BYTES, MAX_VALUES } from '../../src/scenario/limits.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { parseDocumentText } from '../../src/scenario/parse-document.js';
import { baseDoc, INLINE, toYaml } from './scenario-text.js';

// Counts the calls of the YAML library's parser, to show which inputs are refused before it runs.
const yamlParser = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/scenario/yaml-library.js', async (importOriginal) => {
  const { yamlLibrary } = await importOriginal<typeof import('../../src/scenario/yaml-library.js')>();
  const yaml = yamlLibrary();
  const counted = {
    ...yaml,
    parseAllDocuments: (...args: Parameters<typeof yaml.parseAllDocuments>) => {
      yamlParser.calls++;
      return yaml.parseAllDocuments(...args);
    },
  };
  return { yamlLibrary: () => counted };
});

function refusal(run: () => unknown): { error: ScenarioError; parsed: boolean } {
  const before = yamlParser.calls;
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return { error, parsed: yamlParser.calls > before };
    throw error;
  }
  throw new Error('expected a ScenarioError, but the input loaded');
}

const base = toYaml(baseDoc());
/** The base scenario with `sources:` holding `lines` (indented list items). */
const withSources = (lines: string[]): string => `${base}sources:\n${lines.join('\n')}\n`;
const baseLines = base.split('\n').length - 1;

describe('aliases', () => {
  it('an alias to an undefined anchor is reported as such, not as too many expansions', () => {
    const { error } = refusal(() => parseScenarioText(`${base}sources: *nowhere\n`, INLINE));
    expect(error.path).toBe(`line ${baseLines + 1}, column 10`);
    expect(error.expected).toBe(
      'expected an anchor &nowhere before the alias *nowhere, found none (an alias repeats a value anchored earlier in the file)',
    );
    expect(error.message).not.toContain('expansions');
  });

  it('an alias to an anchor defined after it is reported the same way', () => {
    const { error } = refusal(() => parseScenarioText(withSources(['  - *later', '  - &later x']), INLINE));
    expect(error.expected).toContain('expected an anchor &later before the alias *later');
  });

  it('an alias inside the value it names is refused', () => {
    const { error } = refusal(() => parseScenarioText(withSources(['  - &loop [a, *loop]']), INLINE));
    expect(error.expected).toBe('expected the alias *loop outside the value it names');
  });

  it(`at most ${MAX_ALIASES} aliases in a file, whatever anchors they name, refused before the YAML library runs`, () => {
    const anchors = Math.ceil((MAX_ALIASES + 1) / (MAX_ALIAS_COUNT - 1));
    const lines = (aliases: number) => [
      ...Array.from({ length: anchors }, (_, i) => `  - &a${i} ${i}`),
      ...Array.from({ length: aliases }, (_, k) => `  - *a${k % anchors}`),
    ];
    expect(() => parseScenarioText(withSources(lines(MAX_ALIASES)), INLINE)).not.toThrow();
    const { error, parsed } = refusal(() => parseScenarioText(withSources(lines(MAX_ALIASES + 1)), INLINE));
    expect(error.path).toBe(`line ${baseLines + 1 + anchors + MAX_ALIASES + 1}, column 5`);
    expect(error.expected).toBe(
      `expected at most ${MAX_ALIASES} YAML aliases in a file (aliases are limited against entity-expansion attacks)`,
    );
    expect(parsed).toBe(false);
  });

  it('aliases to a large list count as the values they repeat', () => {
    // 1,600 items used 64 times is over MAX_VALUES once expanded, though the text holds about 3,300 values.
    const items = 1600;
    expect(items * MAX_ALIAS_COUNT).toBeGreaterThan(MAX_VALUES);
    const lines = [`  - &big [${Array(items).fill('1').join(',')}]`, ...Array(MAX_ALIAS_COUNT - 1).fill('  - *big')];
    const text = withSources(lines);
    const { error, parsed } = refusal(() => parseScenarioText(text, INLINE));
    expect(error.expected).toBe(
      `expected at most ${MAX_VALUES} YAML values once aliases are expanded (aliases are limited against entity-expansion attacks)`,
    );
    expect(parsed).toBe(true);
    // Named at the alias that crosses the bound.
    const line = Number(/^line (\d+), column 5$/.exec(error.path)?.[1]);
    expect(text.split('\n')[line - 1]).toBe('  - *big');
  });
});

describe('values', { timeout: 30_000 }, () => {
  it(`a flow list of 2,000,000 items (4 MB) is refused at the ${MAX_VALUES}th value, before the YAML library runs`, () => {
    const text = `name: x\nsources: [${Array(2_000_000).fill('1').join(',')}]\n`;
    expect(text.length).toBeLessThanOrEqual(MAX_FILE_BYTES);
    const { error, parsed } = refusal(() => parseScenarioText(text, INLINE));
    // Line 1 holds 3 values (name, :, x); line 2 `sources`, `:` and `[` (values 4 to 6), then item k is value
    // 2k + 5 at column 11 + 2 (k - 1): the item that crosses the bound is k = (MAX_VALUES + 1 - 5) / 2.
    const k = (MAX_VALUES + 1 - 5) / 2;
    expect(error.path).toBe(`line 2, column ${'sources: ['.length + 1 + 2 * (k - 1)}`);
    expect(error.expected).toContain(`expected at most ${MAX_VALUES} YAML values`);
    expect(parsed).toBe(false);
  });

  it('a block list is counted the same way; a list just under the bound loads', () => {
    const under = (n: number) => `name: x\nsources:\n${'- 1\n'.repeat(n)}`;
    // name, :, x, sources, : are 5 values; each item is `-` and its scalar.
    const fits = Math.floor((MAX_VALUES - 5) / 2);
    expect(() => parseDocumentText(under(fits), INLINE)).not.toThrow();
    const { error, parsed } = refusal(() => parseDocumentText(under(fits + 1), INLINE));
    expect(error.expected).toContain(`expected at most ${MAX_VALUES} YAML values`);
    expect(parsed).toBe(false);
  });

  it('the largest file shipped, the world roster (about 22,000 values), loads', () => {
    expect(() => loadScenario('scenarios/events/unga-78-241.yaml')).not.toThrow();
  });
});

describe('the one-pass conversion', () => {
  it('gives what the YAML library gives, anchors and aliases included', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', '1', 'null'));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 })),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(key, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.boolean(), (doc, shared) => {
        const text = toYaml(shared ? { a: doc, b: doc } : doc)
          // yaml.stringify writes repeated objects as anchors and aliases.
          .replace(/\r/g, '');
        expect(parseDocumentText(text, INLINE)).toEqual(parse(text, { schema: 'core', version: '1.2', merge: false }));
      }),
    );
  });
});
