/**
 * Text → plain data, for YAML and JSON alike (JSON is YAML 1.2). Refuses
 * what a scenario never needs and an attacker could use: several documents,
 * duplicate keys, unknown tags, excessive aliases and deep nesting.
 */
import { LineCounter, isCollection, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import { isMapping } from './describe.js';
import { ScenarioError } from './errors.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES } from './limits.js';
import { checkNesting } from './nesting-prescan.js';
import { tooLarge } from './read-text.js';

function yamlError(file: string, error: YAMLError, lines: LineCounter): ScenarioError {
  const { line, col } = lines.linePos(error.pos[0]);
  const reason =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate key (each key may appear once in a mapping)'
      : error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
  return new ScenarioError(file, `line ${line}, column ${col}`, `expected valid YAML: ${reason}`);
}

/** Parses scenario text into plain data, checking every limit. */
export function parseDocumentText(text: string, file: string): unknown {
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) throw tooLarge(file);
  if (text.trim() === '') throw new ScenarioError(file, '', 'expected a scenario mapping, the file is empty');
  checkNesting(text, file);
  const lines = new LineCounter();
  // logLevel 'error': the library would otherwise print warnings to stderr; the loader never prints.
  const docs = parseAllDocuments(text, {
    logLevel: 'error',
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
    schema: 'core',
    merge: false,
    version: '1.2',
  });
  if (!Array.isArray(docs)) {
    // An empty stream (only comments or directives).
    throw new ScenarioError(file, '', 'expected a scenario mapping, the file holds no YAML document');
  }
  if (docs.length === 0)
    throw new ScenarioError(file, '', 'expected a scenario mapping, the file holds no YAML document');
  for (const doc of docs) {
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) throw yamlError(file, problem, lines);
  }
  if (docs.length > 1) {
    const { line, col } = lines.linePos(docs[1].range[0]);
    throw new ScenarioError(file, `line ${line}, column ${col}`, 'expected a single YAML document, found a second one');
  }
  refuseCollectionKeys(docs[0], file, lines);
  let data: unknown;
  try {
    data = docs[0].toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library signals alias expansion beyond maxAliasCount with a ReferenceError.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new ScenarioError(
        file,
        '',
        `expected at most ${MAX_ALIAS_COUNT} YAML alias expansions (anchors and aliases are limited against entity-expansion attacks)`,
      );
    }
    throw error;
  }
  if (data === null || data === undefined)
    throw new ScenarioError(file, '', 'expected a scenario mapping, the file is empty');
  if (!isMapping(data))
    throw new ScenarioError(file, '', `expected a mapping at the top level, got ${describeTop(data)}`);
  checkDepth(data, file);
  return data;
}

/** `? [a, b]: 1` would be stringified by the library; a scenario's keys are plain scalars. */
function refuseCollectionKeys(doc: Document, file: string, lines: LineCounter): void {
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        const { line, col } = lines.linePos(pair.key.range?.[0] ?? 0);
        throw new ScenarioError(
          file,
          `line ${line}, column ${col}`,
          'expected a plain key, found a list or mapping used as a key',
        );
      }
    },
  });
}

function describeTop(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'object' ? 'a non-mapping value' : String(value);
}

/** Exact nesting depth of the built tree, iteratively (aliases may nest what the text did not). */
function checkDepth(root: unknown, file: string): void {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) throw new ScenarioError(file, '', `expected at most ${MAX_DEPTH} levels of nesting`);
    const children = Array.isArray(value) ? value : isMapping(value) ? Object.values(value) : [];
    for (const c of children) stack.push([c, depth + 1]);
  }
}
