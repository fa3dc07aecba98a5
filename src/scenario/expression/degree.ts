/**
 * Static degree of an expression in the interaction quantities (rivalShare,
 * signShare, patronSigns). Degree 0 or 1 is proved exactly, so the term's
 * linear form can be read off without numerical linearity checks; anything
 * else ('unknown') is checked numerically at every evaluation.
 */
import type { SafeNode } from './safe-tree.js';

export type Degree = 0 | 1 | 'unknown';

const add = (a: Degree, b: Degree): Degree =>
  a === 'unknown' || b === 'unknown' ? 'unknown' : a + b > 1 ? 'unknown' : ((a + b) as Degree);
const max = (a: Degree, b: Degree): Degree =>
  a === 'unknown' || b === 'unknown' ? 'unknown' : (Math.max(a, b) as Degree);

export function degreeIn(node: SafeNode, interaction: ReadonlySet<string>): Degree {
  switch (node.kind) {
    case 'constant':
      return 0;
    case 'name':
      return interaction.has(node.name) ? 1 : 0;
    case 'unary': {
      const d = degreeIn(node.arg, interaction);
      return node.op === 'not' && d !== 0 ? 'unknown' : d;
    }
    case 'binary': {
      const l = degreeIn(node.left, interaction);
      const r = degreeIn(node.right, interaction);
      switch (node.op) {
        case 'add':
        case 'subtract':
          return max(l, r);
        case 'multiply':
          return add(l, r);
        case 'divide':
          return r === 0 ? l : 'unknown';
        default:
          return l === 0 && r === 0 ? 0 : 'unknown';
      }
    }
    case 'conditional': {
      // With a test free of interactions, the branch taken is fixed by the parameters.
      if (degreeIn(node.test, interaction) !== 0) return 'unknown';
      return max(degreeIn(node.then, interaction), degreeIn(node.otherwise, interaction));
    }
    case 'call':
      return node.args.every((a) => degreeIn(a, interaction) === 0) ? 0 : 'unknown';
  }
}
