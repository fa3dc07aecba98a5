/**
 * The private mathjs instance used only to parse custom-term expressions.
 * Parsing is all we take from mathjs: evaluation is done by our own
 * compiler over an allowlisted tree (compile.ts), so an expression never
 * reaches mathjs functions at run time. As a second fence, the functions
 * that could escape a sandbox are replaced inside the instance by ones that
 * throw (the recipe of mathjs's security notes).
 */
import { createRequire } from 'node:module';
import type { MathJsInstance, MathNode } from 'mathjs';

// mathjs takes about a second to import; scenarios without custom terms
// never need it, so it is loaded synchronously on first use only.
const requireFromHere = createRequire(import.meta.url);

/** Functions an expression must never reach, even if a check were missed. */
const DISABLED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'compile',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'reviver',
  'replacer',
  'chain',
  'help',
  'rationalize',
  'leafCount',
  'symbolicEqual',
  'parser',
  'Parser',
  'config',
  'typed',
] as const;

let parser: ((expression: string) => MathNode) | undefined;

function disabled(name: string): () => never {
  return () => {
    throw new Error(`${name} is disabled in scenario expressions`);
  };
}

function makeParser(): (expression: string) => MathNode {
  const { all, create } = requireFromHere('mathjs') as typeof import('mathjs');
  const math: MathJsInstance = create(all);
  const parse = math.parse;
  const replacements: Record<string, () => never> = {};
  for (const name of DISABLED) replacements[name] = disabled(name);
  // `import` is replaced last by this very call, so nothing can re-import the originals.
  math.import(replacements, { override: true });
  return (expression) => parse(expression);
}

/** Parses an expression with the private instance (created on first use: it costs ~50 ms). */
export function parseExpressionTree(expression: string): MathNode {
  parser ??= makeParser();
  return parser(expression);
}
