/**
 * A custom payoff term written as an expression: its linear form in the
 * interaction quantities is read off by evaluating at (R, S, s_patron) =
 * (0,0,0), (1,0,0), (0,1,0), (0,0,1); when linearity is not proved
 * statically it is checked at two more points to a relative 1e-9. The term
 * is a `Term` like the built-in ones: it reads the names its expression
 * uses, and its kernel evaluates the compiled expression over the columns.
 */
import { InputError } from '../../errors/input-error.js';
import { STATE_ATTRIBUTES } from '../../model/inputs.js';
import { INTERACTION_NAMES, nameSource, NAMES, type Columns } from '../../model/names.js';
import type { LinearPart, PartName, Parts, Term } from '../../model/terms.js';
import { randomStream } from '../../random/stream.js';
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
  /** State i's linear form at the columns' values, or the reason there is none (non-linear, not finite). */
  linearAt(x: Columns, i: number): LinearPart | string;
}

const INTERACTION = INTERACTION_NAMES;
const INTERACTION_SET: ReadonlySet<string> = new Set(INTERACTION);
/** The part each interaction quantity's coefficient goes to. */
const PART_OF: Record<(typeof INTERACTION)[number], PartName> = {
  rivalShare: 'rivals',
  signShare: 'momentum',
  patronSigns: 'patron',
};
type Point = readonly [number, number, number];
/** Off-lattice check points: (1,1,1) catches products, the irrational-looking one catches powers. */
const CHECK_POINTS: readonly Point[] = [
  [1, 1, 1],
  [0.37, 0.61, 0.83],
];
/**
 * Points drawn for each expression from a stream seeded by its text, on top
 * of the fixed ones: a term written to vanish at known points
 * (`rivalShare*(rivalShare-0.37)*(rivalShare-1)`) cannot know these, since
 * changing the text changes them. Same expression, same points.
 */
const RANDOM_CHECK_POINTS = 4;

function checkPointsFor(expression: string): Point[] {
  const random = randomStream(`linearity check: ${expression}`);
  const draw = (): number => 0.05 + 0.9 * random.uniform();
  return [...CHECK_POINTS, ...Array.from({ length: RANDOM_CHECK_POINTS }, (): Point => [draw(), draw(), draw()])];
}
const LINEARITY_TOLERANCE = 1e-9;

/** Every name an expression may read, given the scenario's custom attributes. */
export function expressionNames(customAttributes: Iterable<string>): Set<string> {
  return new Set<string>([...STATE_ATTRIBUTES, ...customAttributes, ...NAMES.keys()]);
}

/** Parses, checks and compiles a custom term; throws ExpressionProblem with the reason. */
export function makeCustomTerm(spec: CustomTermSpec, customAttributes: ReadonlySet<string>): CustomTerm {
  const { expression, id } = spec;
  if (expression.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionProblem(
      `expressions are limited to ${MAX_EXPRESSION_LENGTH} characters, got ${expression.length}`,
    );
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
  const checkPoints = degree === 'unknown' ? checkPointsFor(expression) : [];
  const values = new Float64Array(used.length);
  const inputNames = used.filter((name) => !INTERACTION_SET.has(name));
  const interactionSlots = INTERACTION.map((name) => slots.get(name) ?? -1);
  const setInteraction = (r: number, s: number, p: number): void => {
    if (interactionSlots[0] >= 0) values[interactionSlots[0]] = r;
    if (interactionSlots[1] >= 0) values[interactionSlots[1]] = s;
    if (interactionSlots[2] >= 0) values[interactionSlots[2]] = p;
  };
  const parts: PartName[] = [
    'constant',
    ...INTERACTION.filter((_, k) => interactionSlots[k] >= 0).map((name) => PART_OF[name]),
  ];

  // Where each input name's value lives in a Columns object, found once per Columns.
  let sourcesFor: Columns | undefined;
  let columnSlots = new Int32Array(0);
  let columnArrays: Float64Array[] = [];
  let scalarSlots: [number, () => number][] = [];
  const bind = (x: Columns): void => {
    if (sourcesFor === x) return;
    const perState: [number, Float64Array][] = [];
    scalarSlots = [];
    for (const name of inputNames) {
      const source = nameSource(x, name);
      const slot = slots.get(name)!;
      if (source === undefined) perState.push([slot, new Float64Array(x.n).fill(NaN)]);
      else if (typeof source === 'function') scalarSlots.push([slot, source]);
      else perState.push([slot, source]);
    }
    columnSlots = Int32Array.from(perState, (e) => e[0]);
    columnArrays = perState.map((e) => e[1]);
    sourcesFor = x;
  };

  const linearAt = (x: Columns, i: number): LinearPart | string => {
    bind(x);
    for (let k = 0; k < scalarSlots.length; k++) values[scalarSlots[k][0]] = scalarSlots[k][1]();
    for (let k = 0; k < columnSlots.length; k++) values[columnSlots[k]] = columnArrays[k][i];
    const where = `for state ${x.ids[i]}`;
    setInteraction(0, 0, 0);
    const constant = compiled(values);
    if (!Number.isFinite(constant))
      return `custom term "${id}" evaluates to ${constant} ${where}; expected a finite number`;
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
      if (!Number.isFinite(part[key]))
        return `custom term "${id}" evaluates to a non-finite value ${where} when ${INTERACTION[key === 'rivals' ? 0 : key === 'momentum' ? 1 : 2]} = 1; expected a finite number`;
    }
    if (degree === 'unknown') {
      for (const [r, s, p] of checkPoints) {
        setInteraction(r, s, p);
        const actual = compiled(values);
        const predicted = part.constant + part.rivals * r + part.momentum * s + part.patron * p;
        const scale = Math.max(
          1,
          Math.abs(part.constant) + Math.abs(part.rivals) + Math.abs(part.momentum) + Math.abs(part.patron),
          Math.abs(actual),
        );
        if (!(Math.abs(actual - predicted) <= LINEARITY_TOLERANCE * scale)) {
          setInteraction(0, 0, 0);
          return `custom term "${id}" is not linear in rivalShare, signShare and patronSigns ${where} (at (${[r, s, p].map((v) => Number(v.toPrecision(4))).join(', ')}) it gives ${actual}, a linear form gives ${predicted}); the game needs terms linear in the others' actions`;
        }
      }
      setInteraction(0, 0, 0);
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
    reads: used,
    parts,
    linearAt,
    kernel(x: Columns, out: Readonly<Parts>): void {
      for (let i = 0; i < x.n; i++) {
        const result = linearAt(x, i);
        // The scenario's expression, not the program, is at fault: a value it reaches (a swept one, say) makes it non-linear.
        if (typeof result === 'string') throw new InputError(result);
        out.constant[i] = result.constant;
        out.momentum[i] = result.momentum;
        out.rivals[i] = result.rivals;
        out.patron[i] = result.patron;
      }
    },
  };
}
