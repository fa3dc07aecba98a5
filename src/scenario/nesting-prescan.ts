/**
 * Linear-time bounds on nesting, values and aliases, run on the YAML token
 * stream before the YAML library builds a tree. The library's parser and
 * composer are recursive, slow on adversarial nesting (`[[[[…` or `- - - …`
 * several MiB deep) and spend about a kilobyte and tens of microseconds on
 * each node (a 4 MiB flow list of 2,000,000 items took 2 GB), so such input
 * must be refused before it reaches them. The scan stops at the first bound
 * crossed, so a refusal costs no more than lexing MAX_VALUES values.
 *
 * Values (MAX_VALUES) are counted from the tokens that start one or
 * introduce or separate items: plain and block scalars (the lexer's SCALAR
 * token), quoted scalars, aliases, `[`, `{`, `-`, `?`, `:` and `,`.
 * Aliases (MAX_ALIASES) are the tokens starting with `*`.
 *
 * Flow nesting is counted exactly from `[ { ] }` tokens. Block nesting is
 * bounded from above: every nested block collection starts at a larger
 * indentation than its parent, except a sequence under a mapping key, so
 * depth ≤ 2 · (open indentation levels) + (indicators `- ? :` on the line).
 */
import { ScenarioError } from './errors.js';
import { MAX_ALIASES, MAX_DEPTH, MAX_LEXICAL_DEPTH, MAX_VALUES } from './limits.js';
import { yamlLibrary } from './yaml-library.js';

/** Lexer control tokens that stand for no source text (SCALAR, U+001F, precedes a plain or block scalar). */
const SCALAR = '\u001f';
const CONTROL = new Set(['\u0002', '\u0018', SCALAR]);
/** Tokens that introduce or separate a value, or open a collection. */
const VALUE_TOKENS = new Set(['[', '{', '-', '?', ':', ',']);

export function checkNesting(text: string, file: string): void {
  let values = 0;
  let aliases = 0;
  let line = 1;
  let column = 0;
  let flow = 0;
  let atLineStart = true;
  let indent = 0;
  let indicators = 0;
  const levels: number[] = [];
  const fail = (at: number): never => {
    throw new ScenarioError(file, `line ${line}, column ${at + 1}`, `expected at most ${MAX_DEPTH} levels of nesting`);
  };
  const count = (token: string): void => {
    const first = token[0];
    if (token === SCALAR || first === '"' || first === "'" || first === '*' || VALUE_TOKENS.has(token)) {
      if (++values > MAX_VALUES)
        throw new ScenarioError(
          file,
          `line ${line}, column ${column + 1}`,
          `expected at most ${MAX_VALUES} YAML values (scalars, collections and the -, ?, :, and , between them); scenario files are limited in size`,
        );
    }
    if (first === '*' && ++aliases > MAX_ALIASES)
      throw new ScenarioError(
        file,
        `line ${line}, column ${column + 1}`,
        `expected at most ${MAX_ALIASES} YAML aliases in a file (aliases are limited against entity-expansion attacks)`,
      );
  };
  const { Lexer } = yamlLibrary();
  for (const token of new Lexer().lex(text)) {
    count(token);
    if (CONTROL.has(token)) continue;
    if (token === '\n' || token === '\r\n') {
      line++;
      column = 0;
      atLineStart = true;
      indent = 0;
      indicators = 0;
      continue;
    }
    const startColumn = column;
    const newlines = countNewlines(token);
    if (newlines > 0) {
      line += newlines;
      column = token.length - token.lastIndexOf('\n') - 1;
    } else column += token.length;
    if (token === '[' || token === '{') {
      if (++flow > MAX_LEXICAL_DEPTH) fail(startColumn);
      continue;
    }
    if (token === ']' || token === '}') {
      flow = Math.max(0, flow - 1);
      continue;
    }
    if (flow > 0) continue;
    if (atLineStart) {
      if (/^[ ]+$/.test(token)) {
        indent = token.length;
        continue;
      }
      atLineStart = false;
      if (token.startsWith('#')) continue;
      while (levels.length > 0 && levels[levels.length - 1] >= indent) levels.pop();
      levels.push(indent);
    }
    if (token === '-' || token === '?' || token === ':') {
      indicators++;
      if (2 * levels.length + indicators > MAX_LEXICAL_DEPTH) fail(startColumn);
    }
  }
}

function countNewlines(token: string): number {
  let n = 0;
  for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) n++;
  return n;
}
