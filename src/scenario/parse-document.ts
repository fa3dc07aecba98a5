/**
 * Text → plain data: YAML, and JSON files (`.json`) through JSON.parse
 * (`parse-json.ts`) with the same limits. Refuses
 * what a scenario never needs and an attacker could use: several documents,
 * duplicate keys, unknown tags, excessive aliases and deep nesting.
 */
import type { Document, LineCounter, Node, Pair, YAMLError } from 'yaml';
import { isMapping } from './describe.js';
import { ScenarioError } from './errors.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES, MAX_VALUES } from './limits.js';
import { checkNesting } from './nesting-prescan.js';
import { parseJsonText } from './parse-json.js';
import { tooLarge } from './read-text.js';
import { yamlLibrary } from './yaml-library.js';

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
  if (/\.json$/i.test(file)) {
    const json = parseJsonText(text, file);
    if (!isMapping(json))
      throw new ScenarioError(file, '', `expected a mapping at the top level, got ${describeTop(json)}`);
    return json;
  }
  checkNesting(text, file);
  const { LineCounter, parseAllDocuments } = yamlLibrary();
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
  const data = toPlain(docs[0], file, lines);
  if (data === null || data === undefined)
    throw new ScenarioError(file, '', 'expected a scenario mapping, the file is empty');
  if (!isMapping(data))
    throw new ScenarioError(file, '', `expected a mapping at the top level, got ${describeTop(data)}`);
  checkDepth(data, file);
  return data;
}

/** What an anchor names while the document is converted. */
interface Anchored {
  value: unknown;
  /** Values it holds (itself included), aliases expanded. */
  size: number;
  /** The anchor itself and the aliases to it so far. */
  uses: number;
  /** False while its own items are converted: an alias there would make it contain itself. */
  done: boolean;
}

/**
 * The document as plain data, in one pass over its tree (the yaml
 * library's own conversion looks up each alias across the whole document,
 * quadratic in the number of aliases). Keys become own properties (a key
 * `__proto__` too, for the key check to refuse); an alias becomes the same
 * value as its anchor. Refused: an alias to no anchor defined before it,
 * an alias inside its own anchor, more than MAX_ALIAS_COUNT uses of one
 * anchor, more than MAX_VALUES values once aliases are expanded, and a
 * list or mapping used as a key (`? [a, b]: 1`).
 */
function toPlain(doc: Document, file: string, lines: LineCounter): unknown {
  const { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq } = yamlLibrary();
  const anchors = new Map<string, Anchored>();
  let total = 0;
  const at = (node: { range?: [number, number, number] | null } | null | undefined): string => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return `line ${line}, column ${col}`;
  };
  const add = (n: number, node: Node | null): void => {
    total += n;
    if (total > MAX_VALUES)
      throw new ScenarioError(
        file,
        at(node),
        `expected at most ${MAX_VALUES} YAML values once aliases are expanded (aliases are limited against entity-expansion attacks)`,
      );
  };
  const keyOf = (key: unknown): { key: string; size: number } => {
    if (isCollection(key))
      throw new ScenarioError(file, at(key), 'expected a plain key, found a list or mapping used as a key');
    const r = convert(key);
    if (typeof r.value === 'object' && r.value !== null)
      throw new ScenarioError(file, at(key as Node), 'expected a plain key, found a list or mapping used as a key');
    return { key: r.value === null ? '' : String(r.value), size: r.size };
  };
  function convert(node: unknown): { value: unknown; size: number } {
    if (node === null || node === undefined || !isNode(node)) {
      add(1, null);
      return { value: node ?? null, size: 1 };
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target)
        throw new ScenarioError(
          file,
          at(node),
          `expected an anchor &${node.source} before the alias *${node.source}, found none (an alias repeats a value anchored earlier in the file)`,
        );
      if (!target.done)
        throw new ScenarioError(file, at(node), `expected the alias *${node.source} outside the value it names`);
      if (++target.uses > MAX_ALIAS_COUNT)
        throw new ScenarioError(
          file,
          at(node),
          `expected at most ${MAX_ALIAS_COUNT} YAML alias expansions (anchors and aliases are limited against entity-expansion attacks)`,
        );
      add(target.size, node);
      return { value: target.value, size: target.size };
    }
    const anchored: Anchored | undefined = node.anchor
      ? { value: undefined, size: 0, uses: 1, done: false }
      : undefined;
    if (node.anchor && anchored) anchors.set(node.anchor, anchored);
    add(1, node);
    let value: unknown;
    let size = 1;
    if (isScalar(node)) value = node.value;
    else if (isSeq(node)) {
      const list: unknown[] = [];
      for (const item of node.items) {
        const r = isPair(item) ? pairsToObject([item]) : convert(item);
        list.push(r.value);
        size += r.size;
      }
      value = list;
    } else if (isMap(node)) {
      const r = pairsToObject(node.items);
      value = r.value;
      size += r.size - 1;
    } else throw new ScenarioError(file, at(node), 'expected a YAML value');
    if (anchored) Object.assign(anchored, { value, size, done: true });
    return { value, size };
  }
  function pairsToObject(pairs: readonly Pair[]): { value: Record<string, unknown>; size: number } {
    const out: Record<string, unknown> = {};
    let size = 1;
    for (const pair of pairs) {
      const { key, size: keySize } = keyOf(pair.key);
      const r = convert(pair.value);
      size += keySize + r.size;
      Object.defineProperty(out, key, { value: r.value, enumerable: true, writable: true, configurable: true });
    }
    return { value: out, size };
  }
  return doc.contents === null ? null : convert(doc.contents).value;
}

function describeTop(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  return typeof value === 'object' ? 'a non-mapping value' : String(value);
}

/** Exact nesting depth of the built tree, iteratively (aliases may nest what the text did not). */
export function checkDepth(root: unknown, file: string): void {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_DEPTH) throw new ScenarioError(file, '', `expected at most ${MAX_DEPTH} levels of nesting`);
    const children = Array.isArray(value) ? value : isMapping(value) ? Object.values(value) : [];
    for (const c of children) stack.push([c, depth + 1]);
  }
}
