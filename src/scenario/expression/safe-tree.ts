/**
 * The allowlist check: a parsed mathjs tree becomes our own small tree of
 * numbers, names, operators, conditionals and calls of allowed functions,
 * or is refused with the reason. Anything else mathjs can parse (property
 * access, indexing, assignment, function definition, objects, matrices,
 * ranges, blocks, strings, units) is refused here, so it is never compiled.
 */
import type { MathNode } from 'mathjs';
import { MAX_EXPRESSION_DEPTH } from '../limits.js';
import { didYouMean } from '../suggest.js';
import { BINARY_OPERATORS, FUNCTIONS, UNARY_OPERATORS } from './functions.js';

export type SafeNode =
  | { readonly kind: 'constant'; readonly value: number }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: SafeNode }
  | { readonly kind: 'binary'; readonly op: string; readonly left: SafeNode; readonly right: SafeNode }
  | { readonly kind: 'conditional'; readonly test: SafeNode; readonly then: SafeNode; readonly otherwise: SafeNode }
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly SafeNode[] };

/** Why an expression was refused; the loader adds the file and path. */
export class ExpressionProblem extends Error {}

/** What each refused node type is, in a user's words. */
const REFUSED: Record<string, string> = {
  AccessorNode: 'property access or indexing (a.b, a[1])',
  IndexNode: 'indexing',
  AssignmentNode: 'assignment (a = 1)',
  FunctionAssignmentNode: 'function definitions (f(x) = …)',
  ObjectNode: 'objects ({a: 1})',
  ArrayNode: 'lists or matrices ([1, 2])',
  BlockNode: 'several statements (; or newlines)',
  RangeNode: 'ranges (1:3)',
  RelationalNode: 'chained comparisons (a < b < c)',
};

/** Node fields as mathjs sets them; read only after checking `type`. */
interface AnyNode {
  type: string;
  value?: unknown;
  name?: string;
  op?: string;
  fn?: unknown;
  args?: AnyNode[];
  content?: AnyNode;
  condition?: AnyNode;
  trueExpr?: AnyNode;
  falseExpr?: AnyNode;
}

/** Converts a parsed tree over the given names, or throws ExpressionProblem. */
export function toSafeTree(root: MathNode, names: ReadonlySet<string>): SafeNode {
  const convert = (node: AnyNode, depth: number): SafeNode => {
    if (depth > MAX_EXPRESSION_DEPTH) throw new ExpressionProblem(`nesting deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    switch (node.type) {
      case 'ConstantNode': {
        if (typeof node.value === 'boolean') return { kind: 'constant', value: node.value ? 1 : 0 };
        if (typeof node.value !== 'number')
          throw new ExpressionProblem(
            `only numbers are allowed as constants, got ${typeof node.value === 'string' ? 'a string' : String(node.value)}`,
          );
        if (!Number.isFinite(node.value))
          throw new ExpressionProblem(`constants must be finite numbers, got ${node.value}`);
        return { kind: 'constant', value: node.value };
      }
      case 'SymbolNode': {
        const name = String(node.name);
        if (!names.has(name)) {
          const what = FUNCTIONS.has(name)
            ? `"${name}" is a function; call it as ${name}(…)`
            : `unknown name "${name}"${didYouMean(name, names)}`;
          throw new ExpressionProblem(what);
        }
        return { kind: 'name', name };
      }
      case 'ParenthesisNode':
        return convert(node.content!, depth + 1);
      case 'OperatorNode': {
        const op = String(node.fn);
        const args = node.args ?? [];
        if (args.length === 1 && UNARY_OPERATORS.has(op))
          return { kind: 'unary', op, arg: convert(args[0], depth + 1) };
        if (args.length === 2 && BINARY_OPERATORS.has(op))
          return { kind: 'binary', op, left: convert(args[0], depth + 1), right: convert(args[1], depth + 1) };
        throw new ExpressionProblem(
          `operator "${String(node.op)}" is not allowed (allowed: + - * / ^ mod, comparisons, and, or, xor, not)`,
        );
      }
      case 'ConditionalNode':
        return {
          kind: 'conditional',
          test: convert(node.condition!, depth + 1),
          then: convert(node.trueExpr!, depth + 1),
          otherwise: convert(node.falseExpr!, depth + 1),
        };
      case 'FunctionNode': {
        const fn = node.fn as AnyNode;
        if (fn.type !== 'SymbolNode') throw new ExpressionProblem('only named functions may be called');
        const name = String(fn.name);
        const allowed = FUNCTIONS.get(name);
        if (!allowed)
          throw new ExpressionProblem(
            `function "${name}" is not allowed${didYouMean(name, FUNCTIONS.keys())} (allowed: ${[...FUNCTIONS.keys()].join(', ')})`,
          );
        const args = node.args ?? [];
        if (args.length < allowed.minArgs || args.length > allowed.maxArgs) {
          const arity =
            allowed.minArgs === allowed.maxArgs ? `${allowed.minArgs}` : `${allowed.minArgs} to ${allowed.maxArgs}`;
          throw new ExpressionProblem(
            `function "${name}" takes ${arity} argument${allowed.maxArgs === 1 ? '' : 's'}, got ${args.length}`,
          );
        }
        return { kind: 'call', fn: name, args: args.map((a) => convert(a, depth + 1)) };
      }
      default: {
        const what = REFUSED[node.type] ?? `"${node.type}" expressions`;
        throw new ExpressionProblem(`${what} are not allowed`);
      }
    }
  };
  return convert(root as unknown as AnyNode, 1);
}

/** Every name the tree reads. */
export function namesUsed(node: SafeNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'constant':
      break;
    case 'name':
      into.add(node.name);
      break;
    case 'unary':
      namesUsed(node.arg, into);
      break;
    case 'binary':
      namesUsed(node.left, into);
      namesUsed(node.right, into);
      break;
    case 'conditional':
      namesUsed(node.test, into);
      namesUsed(node.then, into);
      namesUsed(node.otherwise, into);
      break;
    case 'call':
      for (const a of node.args) namesUsed(a, into);
      break;
  }
  return into;
}
