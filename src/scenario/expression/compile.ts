/**
 * Compiles a checked tree once into a closure over a Float64Array of
 * variable slots: no scope lookups, no mathjs dispatch, so a custom term
 * costs little more than a built-in one in a sweep.
 */
import { BINARY_OPERATORS, FUNCTIONS, UNARY_OPERATORS } from './functions.js';
import type { SafeNode } from './safe-tree.js';

export type CompiledExpression = (slots: Float64Array) => number;

/** `slotOf(name)` gives each name's index in the slots array. */
export function compileTree(node: SafeNode, slotOf: (name: string) => number): CompiledExpression {
  switch (node.kind) {
    case 'constant': {
      const value = node.value;
      return () => value;
    }
    case 'name': {
      const slot = slotOf(node.name);
      return (v) => v[slot];
    }
    case 'unary': {
      const f = UNARY_OPERATORS.get(node.op)!;
      const arg = compileTree(node.arg, slotOf);
      if (node.op === 'unaryMinus') return (v) => -arg(v);
      return (v) => f(arg(v));
    }
    case 'binary': {
      const left = compileTree(node.left, slotOf);
      const right = compileTree(node.right, slotOf);
      // The common arithmetic operators inline; the rest go through the table.
      switch (node.op) {
        case 'add':
          return (v) => left(v) + right(v);
        case 'subtract':
          return (v) => left(v) - right(v);
        case 'multiply':
          return (v) => left(v) * right(v);
        case 'divide':
          return (v) => left(v) / right(v);
        default: {
          const f = BINARY_OPERATORS.get(node.op)!;
          return (v) => f(left(v), right(v));
        }
      }
    }
    case 'conditional': {
      const test = compileTree(node.test, slotOf);
      const then = compileTree(node.then, slotOf);
      const otherwise = compileTree(node.otherwise, slotOf);
      return (v) => (test(v) !== 0 ? then(v) : otherwise(v));
    }
    case 'call': {
      const f = FUNCTIONS.get(node.fn)!.apply;
      const args = node.args.map((a) => compileTree(a, slotOf));
      if (args.length === 1) {
        const [a] = args;
        return (v) => f(a(v));
      }
      if (args.length === 2) {
        const [a, b] = args;
        return (v) => f(a(v), b(v));
      }
      return (v) => f(...args.map((a) => a(v)));
    }
  }
}
