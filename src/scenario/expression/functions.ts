/**
 * The functions and operators a custom-term expression may use: plain
 * real-valued maths, nothing that reaches objects, units, matrices or code.
 */

export interface AllowedFunction {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (...args: number[]) => number;
}

const unary = (apply: (x: number) => number): AllowedFunction => ({ minArgs: 1, maxArgs: 1, apply });

/** mathjs semantics for mod: x − y·floor(x / y), so the result has the sign of y. */
export const mod = (x: number, y: number): number => (y === 0 ? x : x - y * Math.floor(x / y));

export const FUNCTIONS: ReadonlyMap<string, AllowedFunction> = new Map<string, AllowedFunction>([
  ['abs', unary(Math.abs)],
  ['sqrt', unary(Math.sqrt)],
  ['cbrt', unary(Math.cbrt)],
  ['exp', unary(Math.exp)],
  [
    'log',
    { minArgs: 1, maxArgs: 2, apply: (x, base) => (base === undefined ? Math.log(x) : Math.log(x) / Math.log(base)) },
  ],
  ['log10', unary(Math.log10)],
  ['log2', unary(Math.log2)],
  ['sign', unary(Math.sign)],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['round', unary(Math.round)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['tanh', unary(Math.tanh)],
  ['atan', unary(Math.atan)],
  ['logistic', unary((x) => 1 / (1 + Math.exp(-x)))],
  ['pow', { minArgs: 2, maxArgs: 2, apply: Math.pow }],
  ['mod', { minArgs: 2, maxArgs: 2, apply: mod }],
  ['min', { minArgs: 1, maxArgs: 16, apply: Math.min }],
  ['max', { minArgs: 1, maxArgs: 16, apply: Math.max }],
  ['clamp', { minArgs: 3, maxArgs: 3, apply: (x, lo, hi) => Math.min(hi, Math.max(lo, x)) }],
]);

const truth = (b: boolean): number => (b ? 1 : 0);

/** Binary operators by mathjs function name; comparisons and logic give 1 or 0. */
export const BINARY_OPERATORS: ReadonlyMap<string, (x: number, y: number) => number> = new Map([
  ['add', (x: number, y: number) => x + y],
  ['subtract', (x: number, y: number) => x - y],
  ['multiply', (x: number, y: number) => x * y],
  ['divide', (x: number, y: number) => x / y],
  ['pow', Math.pow],
  ['mod', mod],
  ['smaller', (x: number, y: number) => truth(x < y)],
  ['larger', (x: number, y: number) => truth(x > y)],
  ['smallerEq', (x: number, y: number) => truth(x <= y)],
  ['largerEq', (x: number, y: number) => truth(x >= y)],
  ['equal', (x: number, y: number) => truth(x === y)],
  ['unequal', (x: number, y: number) => truth(x !== y)],
  ['and', (x: number, y: number) => truth(x !== 0 && y !== 0)],
  ['or', (x: number, y: number) => truth(x !== 0 || y !== 0)],
  ['xor', (x: number, y: number) => truth((x !== 0) !== (y !== 0))],
]);

export const UNARY_OPERATORS: ReadonlyMap<string, (x: number) => number> = new Map([
  ['unaryMinus', (x: number) => -x],
  ['unaryPlus', (x: number) => x],
  ['not', (x: number) => truth(x === 0)],
]);
