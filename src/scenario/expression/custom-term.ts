/**
 * A custom payoff term written as an expression: its linear form in the
 * interaction quantities is read off by evaluating at (R, S, s_patron) =
 * (0,0,0), (1,0,0), (0,1,0), (0,0,1); when linearity is not proved
 * statically it is checked at two more points to a relative 1e-9.
 */
import { DECLARATION_KEYS, STATE_ATTRIBUTES, type StateInput } from '../../model/inputs.js';
import type { LinearPart, Term, TermContext } from '../../model/terms.js';
import { EXPRESSION_GLOBALS } from '../keys.js';
import { MAX_EXPRESSION_LENGTH } from '../limits.js';
import { compileTree, type CompiledExpression } from './compile.js';
import { degreeIn, type Degree } from './degree.js';
import { parseExpressionTree } from './restricted-math.js';
import { ExpressionProblem, namesUsed, toSafeTree } from './safe-tree.js';

export interface CustomTermSpec {
  id: string;
  label: string;
  propositions: readonly string[];
  expression: string;
  source?: string;
  formula?: string;
}

/** A custom term plus a non-throwing evaluation the loader uses to report problems. */
export interface CustomTerm extends Term {
  readonly expression: string;
  /** The linear form, or the reason there is none (non-linear, not finite). */
  linearOrProblem(ctx: TermContext): LinearPart | string;
}

const INTERACTION = ['rivalShare', 'signShare', 'patronSigns'] as const;
const INTERACTION_SET: ReadonlySet<string> = new Set(INTERACTION);
/** Off-lattice check points: (1,1,1) catches products, the irrational-looking one catches powers. */
const CHECK_POINTS: readonly (readonly [number, number, number])[] = [
  [1, 1, 1],
  [0.37, 0.61, 0.83],
];
const LINEARITY_TOLERANCE = 1e-9;

type Getter = (ctx: TermContext) => number;

function getterFor(name: string, customAttributes: ReadonlySet<string>): Getter | undefined {
  if ((STATE_ATTRIBUTES as readonly string[]).includes(name)) return (ctx) => ctx.state[name as keyof StateInput] as number;
  if (customAttributes.has(name)) return (ctx) => ctx.state.extra[name] ?? NaN;
  if ((DECLARATION_KEYS as readonly string[]).includes(name)) return (ctx) => ctx.declaration[name as keyof TermContext['declaration']];
  switch (name) {
    case 'bias':
      return (ctx) => ctx.state.bias;
    case 'deference':
      return (ctx) => ctx.state.patron?.deference ?? 0;
    case 'raceIntensity':
      return (ctx) => ctx.world.raceIntensity;
    case 'raceShock':
      return (ctx) => ctx.world.raceShock;
    case 'bindingness':
      return (ctx) => ctx.derived.bindingness;
    case 'assurance':
      return (ctx) => ctx.derived.assurance;
    case 'meanCapability':
      return (ctx) => ctx.derived.meanCapability;
    case 'race':
      return (ctx) => ctx.race;
    default:
      return undefined;
  }
}

/** Every name an expression may read, given the scenario's custom attributes. */
export function expressionNames(customAttributes: Iterable<string>): Set<string> {
  return new Set<string>([...STATE_ATTRIBUTES, ...customAttributes, ...EXPRESSION_GLOBALS]);
}

/** Parses, checks and compiles a custom term; throws ExpressionProblem with the reason. */
export function makeCustomTerm(spec: CustomTermSpec, customAttributes: ReadonlySet<string>): CustomTerm {
  const { expression, id } = spec;
  if (expression.length > MAX_EXPRESSION_LENGTH) throw new ExpressionProblem(`expressions are limited to ${MAX_EXPRESSION_LENGTH} characters, got ${expression.length}`);
  if (expression.trim() === '') throw new ExpressionProblem('the expression is empty');
  let parsed;
  try {
    parsed = parseExpressionTree(expression);
  } catch (error) {
    // mathjs's parser throws SyntaxError, or a plain Error for text it reads but
    // refuses (`end = 1`: "Cannot assign to symbol"); other types are our bugs.
    if (error instanceof Error && (error instanceof SyntaxError || error.constructor === Error)) {
      throw new ExpressionProblem(`syntax error: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  const tree = toSafeTree(parsed, expressionNames(customAttributes));
  const used = [...namesUsed(tree)];
  const slots = new Map(used.map((name, i) => [name, i] as const));
  const compiled: CompiledExpression = compileTree(tree, (name) => slots.get(name)!);
  const degree: Degree = degreeIn(tree, INTERACTION_SET);
  const values = new Float64Array(used.length);
  const fills: [number, Getter][] = [];
  for (const name of used) {
    if (INTERACTION_SET.has(name)) continue;
    fills.push([slots.get(name)!, getterFor(name, customAttributes)!]);
  }
  const interactionSlots = INTERACTION.map((name) => slots.get(name) ?? -1);
  const setInteraction = (r: number, s: number, p: number): void => {
    if (interactionSlots[0] >= 0) values[interactionSlots[0]] = r;
    if (interactionSlots[1] >= 0) values[interactionSlots[1]] = s;
    if (interactionSlots[2] >= 0) values[interactionSlots[2]] = p;
  };
  const where = (ctx: TermContext): string => `for state ${ctx.state.id}`;

  const linearOrProblem = (ctx: TermContext): LinearPart | string => {
    for (const [slot, get] of fills) values[slot] = get(ctx);
    setInteraction(0, 0, 0);
    const constant = compiled(values);
    if (!Number.isFinite(constant)) return `custom term "${id}" evaluates to ${constant} ${where(ctx)}; expected a finite number`;
    if (degree === 0) return { constant, momentum: 0, rivals: 0, patron: 0 };
    const coefficient = (k: 0 | 1 | 2): number => {
      if (interactionSlots[k] < 0) return 0;
      values[interactionSlots[k]] = 1;
      const v = compiled(values) - constant;
      values[interactionSlots[k]] = 0;
      return v;
    };
    const part: LinearPart = { constant, rivals: coefficient(0), momentum: coefficient(1), patron: coefficient(2) };
    for (const key of ['rivals', 'momentum', 'patron'] as const) {
      if (!Number.isFinite(part[key])) return `custom term "${id}" evaluates to a non-finite value ${where(ctx)} when ${INTERACTION[key === 'rivals' ? 0 : key === 'momentum' ? 1 : 2]} = 1; expected a finite number`;
    }
    if (degree === 'unknown') {
      for (const [r, s, p] of CHECK_POINTS) {
        setInteraction(r, s, p);
        const actual = compiled(values);
        const predicted = part.constant + part.rivals * r + part.momentum * s + part.patron * p;
        const scale = Math.max(1, Math.abs(part.constant) + Math.abs(part.rivals) + Math.abs(part.momentum) + Math.abs(part.patron), Math.abs(actual));
        if (!(Math.abs(actual - predicted) <= LINEARITY_TOLERANCE * scale)) {
          return `custom term "${id}" is not linear in rivalShare, signShare and patronSigns ${where(ctx)} (at (${r}, ${s}, ${p}) it gives ${actual}, a linear form gives ${predicted}); the game needs terms linear in the others' actions`;
        }
      }
    }
    return part;
  };

  return {
    id,
    label: spec.label,
    propositions: spec.propositions,
    ...(spec.source === undefined ? {} : { source: spec.source }),
    formula: spec.formula ?? expression,
    expression,
    linearOrProblem,
    linear(ctx: TermContext): LinearPart {
      const result = linearOrProblem(ctx);
      if (typeof result === 'string') throw new RangeError(result);
      return result;
    },
  };
}
