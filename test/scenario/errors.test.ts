import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeCustomTerm } from '../../src/scenario/expression/custom-term.js';
import { loadScenario, parseScenarioText, type LoadOptions } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, MAX_LEXICAL_DEPTH, MAX_VALUES } from '../../src/scenario/limits.js';
import { baseDoc, FIXTURES, INLINE, stateDoc, toYaml, type Doc } from './scenario-text.js';

// Counts the calls of the YAML library's (recursive) parser, to show which inputs are refused before it runs.
const yamlParser = vi.hoisted(() => ({ calls: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  return {
    ...yaml,
    parseAllDocuments: (...args: Parameters<typeof yaml.parseAllDocuments>) => {
      yamlParser.calls++;
      return yaml.parseAllDocuments(...args);
    },
  };
});

/** The ScenarioError `run` throws, and whether the YAML parser ran before it. */
function refusal(run: () => unknown): { error: ScenarioError; parsed: boolean } {
  const before = yamlParser.calls;
  const error = errorOf(run);
  return { error, parsed: yamlParser.calls > before };
}

// The private mathjs instance is created on first use (slow on a loaded machine): do it outside any test's timeout.
beforeAll(
  () => void makeCustomTerm({ id: 'warm', label: 'warm', propositions: [], expression: '1' }, new Set()),
  60_000,
);

/** The ScenarioError a call throws (fails the test if it throws anything else). */
function errorOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, but the input loaded');
}

type Case = [
  name: string,
  input: string | ((d: Doc) => void),
  file: string,
  path: string,
  expected: string,
  options?: LoadOptions,
];

const states = (d: Doc) => d.states as Doc[];

const cases: Case[] = [
  ['YAML syntax error', 'name: [1, 2\nworld: 3\n', INLINE, 'line 2, column 1', 'expected valid YAML'],
  ['duplicate keys', 'name: a\ndescription: b\nname: c\n', INLINE, 'line 3, column 1', 'duplicate key'],
  ['collection as a key', 'name: x\n? [a, b]\n: 1\n', INLINE, 'line 2, column 3', 'expected a plain key'],
  ['two documents', 'name: a\n---\nname: b\n', INLINE, 'line 2, column 1', 'expected a single YAML document'],
  ['tabs as indentation', 'world:\n\tlambda: 1\n', INLINE, 'line 2, column 1', 'expected valid YAML'],
  ['empty text', '  \n', INLINE, '', 'the file is empty'],
  ['only a comment', '# nothing\n', INLINE, '', 'expected a scenario mapping'],
  ['top-level list', '- a\n- b\n', INLINE, '', 'expected a mapping at the top level, got a list'],
  ['top-level scalar', '42\n', INLINE, '', 'expected a mapping at the top level, got 42'],
  [
    'wrong type',
    (d) => void (states(d)[1].capability = 'high'),
    INLINE,
    'states[1].capability',
    'expected a number in [0, 1], {mean, sd} or {min, max}, got the string "high"',
  ],
  ['quoted number', (d) => void (states(d)[0].pace = '0.5'), INLINE, 'states[0].pace', 'got the string "0.5"'],
  ['NaN', (d) => void (states(d)[2].size = NaN), INLINE, 'states[2].size', 'got NaN'],
  [
    '.inf',
    (d) => void ((d.declaration as Doc).verification = Infinity),
    INLINE,
    'declaration.verification',
    'got Infinity',
  ],
  [
    '-.inf',
    (d) => void (states(d)[0].bias = -Infinity),
    INLINE,
    'states[0].bias',
    'expected a finite number, got -Infinity',
  ],
  [
    'out of range',
    (d) => void (states(d)[1].capability = 1.5),
    INLINE,
    'states[1].capability',
    'expected a number in [0, 1], got 1.5',
  ],
  [
    'negative lambda',
    (d) => void ((d.world as Doc).lambda = -1),
    INLINE,
    'world.lambda',
    'expected a number in [0, 1000], got -1',
  ],
  [
    'fractional seed',
    (d) => void ((d.world as Doc).seed = 1.5),
    INLINE,
    'world.seed',
    'expected an integer ≥ 0, got 1.5',
  ],
  ['unknown top-level key', (d) => void (d.declaraton = {}), INLINE, 'declaraton', 'did you mean "declaration"?'],
  [
    'unknown state key',
    (d) => void (states(d)[0].capabilty = 0.5),
    INLINE,
    'states[0].capabilty',
    'did you mean "capability"?',
  ],
  [
    'unknown declaration key',
    (d) => void ((d.declaration as Doc).verificaton = 0.5),
    INLINE,
    'declaration.verificaton',
    'did you mean "verification"?',
  ],
  [
    'unknown weight',
    (d) => void ((d.weights as Doc).exposur = 1),
    INLINE,
    'weights.exposur',
    'did you mean "exposure"?',
  ],
  [
    'unknown rival',
    (d) => void (states(d)[0].rivals = { BBX: 1 }),
    INLINE,
    'states[0].rivals.BBX',
    'unknown state "BBX" (did you mean "BBB"?)',
  ],
  [
    'unknown patron',
    (d) => void (states(d)[2].patron = { id: 'ZZZ', deference: 0.5 }),
    INLINE,
    'states[2].patron.id',
    'unknown state "ZZZ"',
  ],
  ['unknown fix id', (d) => void (d.fix = { CCD: 'sign' }), INLINE, 'fix.CCD', 'did you mean "CCC"?'],
  [
    'bad fix action',
    (d) => void (d.fix = { CCC: 'yes' }),
    INLINE,
    'fix.CCC',
    'expected sign, abstain or free, got the string "yes"',
  ],
  [
    'unknown observed id',
    (d) => void (d.observed = { signed: ['AAA', 'QQQ'] }),
    INLINE,
    'observed.signed[1]',
    'unknown state "QQQ"',
  ],
  [
    'observed twice',
    (d) => void (d.observed = { signed: ['AAA', 'AAA'] }),
    INLINE,
    'observed.signed[1]',
    'listed twice',
  ],
  [
    'observed total too small',
    (d) => void (d.observed = { signed: ['AAA', 'BBB'], total: 1 }),
    INLINE,
    'observed.total',
    'expected an integer in [2, 1000000], got 1',
  ],
  ['duplicate state ids', (d) => void (states(d)[1].id = 'AAA'), INLINE, 'states[1].id', 'also at states[0]'],
  ['bad state id', (d) => void (states(d)[1].id = 'a.b'), INLINE, 'states[1].id', 'expected a state id'],
  [
    'own patron',
    (d) => void (states(d)[2].patron = { id: 'CCC', deference: 0.5 }),
    INLINE,
    'states[2].patron.id',
    'its own patron',
  ],
  ['own rival', (d) => void (states(d)[0].rivals = { AAA: 1 }), INLINE, 'states[0].rivals.AAA', 'its own rival'],
  [
    'patron without deference',
    (d) => void (states(d)[2].patron = { id: 'AAA' }),
    INLINE,
    'states[2].patron.deference',
    'missing',
  ],
  [
    'missing attribute',
    (d) => void delete states(d)[2].pace,
    INLINE,
    'states[2].pace',
    'expected a number in [0, 1] for state "CCC", but it is missing',
  ],
  ['missing name', (d) => void delete d.name, INLINE, 'name', 'expected a scenario name'],
  [
    'missing declaration key',
    (d) => void delete (d.declaration as Doc).enforcement,
    INLINE,
    'declaration.enforcement',
    'missing',
  ],
  [
    'missing intercept',
    (d) => void delete (d.weights as Doc).intercept,
    INLINE,
    'weights.intercept',
    'expected a weight for the intercept',
  ],
  ['missing world', (d) => void delete d.world, INLINE, 'world', 'expected a world section'],
  ['no states', (d) => void (d.states = []), INLINE, 'states', 'at least one state'],
  [
    'states not a list',
    (d) => void (d.states = { AAA: {} }),
    INLINE,
    'states',
    'expected a list of states, got a mapping',
  ],
  [
    'state not a mapping',
    (d) => void (states(d)[1] = 'BBB' as unknown as Doc),
    INLINE,
    'states[1]',
    'expected a state mapping',
  ],
  [
    'bad uncertainty',
    (d) => void (states(d)[1].capability = { mean: 0.5, sd: -1 }),
    INLINE,
    'states[1].capability.sd',
    'expected a number ≥ 0, got -1',
  ],
  [
    'uniform reversed',
    (d) => void ((d.world as Doc).raceShock = { min: 0.5, max: 0.1 }),
    INLINE,
    'world.raceShock.max',
    'expected max ≥ min',
  ],
  [
    'unknown distribution',
    (d) => void (states(d)[0].threat = { mu: 0.5 }),
    INLINE,
    'states[0].threat',
    '{mean, sd} (normal) or {min, max} (uniform)',
  ],
  [
    'blocs not strings',
    (d) => void (states(d)[0].blocs = ['EU', 3]),
    INLINE,
    'states[0].blocs[1]',
    'expected a string, got 3',
  ],
  ['name not a string', 'name: 42\n', INLINE, 'name', 'expected a non-empty string, got 42'],
  ['binary value', 'name: !!binary aGVsbG8=\n', INLINE, 'name', 'expected a non-empty string, got binary data'],
  [
    'term colliding with a built-in',
    (d) => void (d.terms = [{ id: 'exposure', expression: '1', weight: 1 }]),
    INLINE,
    'terms[0].id',
    'is a built-in term',
  ],
  [
    'term without weight',
    (d) => void (d.terms = [{ id: 'extraCost', expression: '-threat' }]),
    INLINE,
    'weights.extraCost',
    'expected a weight for term "extraCost"',
  ],
  [
    'custom attribute reusing a name',
    (d) => void (d.attributes = { threat: {} }),
    INLINE,
    'attributes.threat',
    'already a built-in name',
  ],
  [
    'custom attribute missing',
    (d) => void (d.attributes = { lobby: { description: 'x' } }),
    INLINE,
    'states[0].lobby',
    'custom attribute without a default',
  ],
  ['extends a missing file', 'extends: nowhere.yaml\n', INLINE, 'extends', `"${FIXTURES}/nowhere.yaml" does not exist`],
  ['extends not a string', 'extends: [a]\n', INLINE, 'extends', 'expected a file path'],
  [
    '--set out of bounds',
    (d) => void d,
    '--set',
    'states.AAA.capability',
    'expected a number in [0, 1], got 1.5',
    { overrides: ['states.AAA.capability=1.5'] },
  ],
  [
    '--set not a number',
    (d) => void d,
    '--set',
    'world.lambda',
    'expected a number, got "fast"',
    { overrides: ['world.lambda=fast'] },
  ],
  [
    '--set unknown path',
    (d) => void d,
    '--set',
    'states.USA.capability',
    'expected a state id',
    { overrides: ['states.USA.capability=0.5'] },
  ],
  ['--set without =', (d) => void d, '--set', '', 'expected PATH=VALUE', { overrides: ['declaration.verification'] }],
  [
    '--set __proto__',
    (d) => void d,
    '--set',
    '__proto__',
    'expected a path of the form',
    { overrides: ['__proto__=1'] },
  ],
  ['--fix unknown state', (d) => void d, '--fix', 'AAB', 'did you mean "AAA"?', { fix: ['AAB=sign'] }],
  ['--fix bad action', (d) => void d, '--fix', 'AAA', 'expected sign, abstain or free', { fix: ['AAA=maybe'] }],
];

describe('every broken input gives one ScenarioError naming file, path and expectation', () => {
  it.each(cases)('%s', (_name, input, file, path, expected, options) => {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const doc = baseDoc();
      input(doc);
      text = toYaml(doc);
    }
    const error = errorOf(() => parseScenarioText(text, INLINE, options));
    expect(error.file).toBe(file);
    expect(error.path).toBe(path);
    expect(error.message).toContain(expected);
    expect(error.message).toBe([file, path, error.expected].filter((p) => p !== '').join(': '));
    expect(error.message).not.toContain('\n');
  });
});

describe('errors in merged and referenced files', () => {
  it('names the file a merged value came from', () => {
    const text =
      'extends: small.yaml\nname: Child\nstates:\n  - id: CCC\n    capability: 0.5\n  - id: BBB\n    capability: 1.5\n';
    const error = errorOf(() => parseScenarioText(text, INLINE));
    expect(error.message).toBe(`${INLINE}: states[1].capability: expected a number in [0, 1], got 1.5`);
  });

  it('names the parent file for a bad value the child did not touch', () => {
    const error = errorOf(() => parseScenarioText('extends: bad-value.yaml\nname: Child\n', INLINE));
    expect(error.message).toBe(`${FIXTURES}/bad-value.yaml: states[0].pace: expected a number in [0, 1], got 2`);
  });

  it('asks a new state in a child to be complete', () => {
    const error = errorOf(() =>
      parseScenarioText('extends: small.yaml\nstates:\n  - id: NEW\n    name: New\n    capability: 0.5\n', INLINE),
    );
    expect(error.file).toBe(INLINE);
    expect(error.path).toBe('states[0].pace');
  });

  it('names an extends cycle', () => {
    const error = errorOf(() => loadScenario(`${FIXTURES}/cycle-a.yaml`));
    expect(error.file).toBe(`${FIXTURES}/cycle-b.yaml`);
    expect(error.path).toBe('extends');
    expect(error.message).toContain(`${FIXTURES}/cycle-a.yaml → ${FIXTURES}/cycle-b.yaml → ${FIXTURES}/cycle-a.yaml`);
  });

  it('names a missing parent', () => {
    const error = errorOf(() => loadScenario(`${FIXTURES}/missing-parent.yaml`));
    expect(error.message).toBe(
      `${FIXTURES}/missing-parent.yaml: extends: expected an existing scenario file, "${FIXTURES}/no-such-parent.yaml" does not exist`,
    );
  });

  it('names a missing top file, a directory and an empty file', () => {
    expect(errorOf(() => loadScenario(`${FIXTURES}/nope.yaml`)).message).toBe(
      `${FIXTURES}/nope.yaml: expected a readable file: no such file`,
    );
    expect(errorOf(() => loadScenario(FIXTURES)).message).toBe(`${FIXTURES}: expected a file, found a directory`);
    expect(errorOf(() => loadScenario(`${FIXTURES}/empty.yaml`)).message).toBe(
      `${FIXTURES}/empty.yaml: expected a scenario mapping, the file is empty`,
    );
  });

  it('refuses non-UTF-8 bytes', () => {
    expect(errorOf(() => loadScenario(`${FIXTURES}/latin1.yaml`)).message).toBe(
      `${FIXTURES}/latin1.yaml: expected UTF-8 text, found an invalid byte sequence at byte 9`,
    );
  });

  it('refuses roster files with scenario keys', () => {
    const error = errorOf(() => parseScenarioText('roster: small.yaml\n', INLINE));
    expect(error.file).toBe(`${FIXTURES}/small.yaml`);
    expect(error.path).toBe('declaration');
    expect(error.message).toContain('expected a known key of a roster file');
  });
});

describe('limits against hostile files', () => {
  it('refuses files over the size limit', () => {
    const text = `name: big\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const error = errorOf(() => parseScenarioText(text, INLINE));
    expect(error.path).toBe('');
    expect(error.message).toContain('at most 4 MiB');
  });

  // Deep nesting is refused by a linear scan of the tokens, at the first token past the bound, before the
  // YAML library's recursive parser sees the text (it would take seconds or exhaust the stack).
  it('refuses deep flow nesting at the bound, before parsing', () => {
    const prefix = 'name: ';
    const { error, parsed } = refusal(() => parseScenarioText(`${prefix}${'['.repeat(1_000_000)}`, INLINE));
    expect(error.path).toBe(`line 1, column ${prefix.length + MAX_LEXICAL_DEPTH + 1}`);
    expect(error.message).toContain('expected at most 64 levels of nesting');
    expect(parsed).toBe(false);
  });

  it('refuses deep block nesting at the bound, before parsing', () => {
    const prefix = 'sources: ';
    const dashes = refusal(() => parseScenarioText(`${prefix}${'- '.repeat(1_000_000)}1`, INLINE));
    // `sources:` opens one level and its `:` counts one indicator; each `- ` adds one: the bound is crossed at the
    // (MAX_LEXICAL_DEPTH - 2)th dash.
    expect(dashes.error.path).toBe(`line 1, column ${prefix.length + 2 * (MAX_LEXICAL_DEPTH - 3) + 1}`);
    expect(dashes.error.message).toContain('levels of nesting');
    expect(dashes.parsed).toBe(false);
    const mapChain = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const chain = refusal(() => parseScenarioText(`sources:\n${mapChain}`, INLINE));
    expect(chain.error.message).toContain('levels of nesting');
    // Line i + 2 is indented i: i + 1 open levels and one `:`, past the bound once 2 (i + 1) + 1 > MAX_LEXICAL_DEPTH.
    const line = MAX_LEXICAL_DEPTH / 2 + 1;
    expect(chain.error.path).toBe(`line ${line}, column ${line}`);
    expect(chain.parsed).toBe(false);
  });

  it('refuses nesting just over the exact limit', () => {
    const error = errorOf(() => parseScenarioText(`sources: ${'['.repeat(70)}${']'.repeat(70)}\nname: x\n`, INLINE));
    expect(error.message).toBe(`${INLINE}: expected at most 64 levels of nesting`);
  });

  it('counts alias expansions: an anchored value used up to the limit is accepted, once more is refused', () => {
    // The count includes the anchored node itself: the anchor and MAX_ALIAS_COUNT - 1 aliases make MAX_ALIAS_COUNT uses.
    const sources = (aliases: number) => `sources: [&s a${', *s'.repeat(aliases)}]\n`;
    const text = toYaml(baseDoc());
    expect(() => parseScenarioText(text + sources(MAX_ALIAS_COUNT - 1), INLINE)).not.toThrow();
    const error = errorOf(() => parseScenarioText(text + sources(MAX_ALIAS_COUNT), INLINE));
    // The refused alias is the last one on the sources line.
    const line = (text + sources(MAX_ALIAS_COUNT)).split('\n').length - 1;
    expect(error.path).toBe(`line ${line}, column ${sources(MAX_ALIAS_COUNT).length - 3}`);
    expect(error.expected).toBe(
      `expected at most ${MAX_ALIAS_COUNT} YAML alias expansions (anchors and aliases are limited against entity-expansion attacks)`,
    );
  });

  it('refuses billion laughs', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'h'],
      ['h', 'i'],
    ]) {
      lines.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `name: lol\nsources:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
    // 9^9 strings once expanded; the count of expanded values stops it at the first alias past MAX_VALUES.
    expect(text.length).toBeLessThan(1000);
    const error = errorOf(() => parseScenarioText(text, INLINE));
    expect(error.message).toContain(`expected at most ${MAX_VALUES} YAML values once aliases are expanded`);
  });

  it('resolves aliases to the value of their anchor', () => {
    const text = toYaml(baseDoc());
    // The anchor comes first in the text (declaration before world), as YAML requires.
    const aliased = text
      .replace('verification: 0.5\n', 'verification: &v 0.35\n')
      .replace('raceIntensity: 0.5\n', 'raceIntensity: *v\n')
      .replace('raceShock: 0.2\n', 'raceShock: *v\n');
    expect(aliased.match(/: \*v\n/g)).toHaveLength(2);
    const s = parseScenarioText(aliased, INLINE);
    expect(s.declaration.verification).toBe(0.35);
    expect(s.world.raceIntensity).toBe(0.35);
    expect(s.world.raceShock).toBe(0.35);
  });

  it('refuses unknown YAML tags and prototype keys', () => {
    expect(errorOf(() => parseScenarioText('name: !js/function "x"\n', INLINE)).message).toContain('Unresolved tag');
    const error = errorOf(() => parseScenarioText('__proto__: {polluted: 1}\n', INLINE));
    expect(error.path).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a state with a new id that a partial entry introduced', () => {
    const doc = baseDoc();
    (doc.states as Doc[]).push({ id: 'DDD', capability: 0.2 });
    const error = errorOf(() => parseScenarioText(toYaml(doc), INLINE));
    expect(error.path).toBe('states[3].name');
  });

  it('uses the same wording for a full state', () => {
    const partial = baseDoc();
    (partial.states as Doc[]).push({ id: 'DDD', capability: 0.2 });
    const full = baseDoc();
    const { name, ...nameless } = stateDoc('DDD');
    expect(name).toBe('DDDland');
    (full.states as Doc[]).push(nameless);
    const fromFull = errorOf(() => parseScenarioText(toYaml(full), INLINE));
    expect(fromFull.path).toBe('states[3].name');
    expect(fromFull.message).toBe(errorOf(() => parseScenarioText(toYaml(partial), INLINE)).message);
  });
});
