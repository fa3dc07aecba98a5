/**
 * A linear-time bound on nesting, run on the YAML token stream before the
 * YAML library builds a tree. The library's parser and composer are
 * recursive and slow on adversarial nesting (`[[[[…` or `- - - …` several
 * MiB deep), so such input must be refused before it reaches them.
 *
 * Flow nesting is counted exactly from `[ { ] }` tokens. Block nesting is
 * bounded from above: every nested block collection starts at a larger
 * indentation than its parent, except a sequence under a mapping key, so
 * depth ≤ 2 · (open indentation levels) + (indicators `- ? :` on the line).
 */
import { Lexer } from 'yaml';
import { ScenarioError } from './errors.js';
import { MAX_DEPTH, MAX_LEXICAL_DEPTH } from './limits.js';

/** Lexer control tokens that stand for no source text. */
const CONTROL = new Set(['\u0002', '\u0018', '\u001f']);

export function checkNesting(text: string, file: string): void {
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
  for (const token of new Lexer().lex(text)) {
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
