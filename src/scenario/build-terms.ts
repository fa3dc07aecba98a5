/**
 * Custom terms and weights of a merged scenario. A term's `weight` fills
 * `weights[id]` unless the weights section names it. The intercept and every
 * custom term must end up with a weight; a built-in term the weights do not
 * name weighs 0.
 */
import type { Weights } from '../model/inputs.js';
import { BUILTIN_TERM_IDS, type Term } from '../model/terms.js';
import { checkMergedKeys } from './build-sections.js';
import { makeCustomTerm, type CustomTerm } from './expression/custom-term.js';
import { ExpressionProblem } from './expression/safe-tree.js';
import { FUNCTIONS } from './expression/functions.js';
import { TERM_KEYS, RESERVED_NAMES } from './keys.js';
import { MAX_CUSTOM_TERMS } from './limits.js';
import { errorAt, joinPath, type Located } from './located.js';
import type { MergedEntity, MergedMap } from './merge.js';
import { REAL, readNumber, readString, readStringList } from './values.js';

export interface LocatedTerm {
  term: CustomTerm;
  /** Where the expression was written, for load-time linearity errors. */
  expressionAt: Located;
  weight?: number;
}

export function readCustomTerms(
  entities: ReadonlyMap<string, MergedEntity>,
  customAttributes: ReadonlySet<string>,
): LocatedTerm[] {
  if (entities.size > MAX_CUSTOM_TERMS)
    throw errorAt([...entities.values()][MAX_CUSTOM_TERMS].origin, `expected at most ${MAX_CUSTOM_TERMS} custom terms`);
  const out: LocatedTerm[] = [];
  for (const entity of entities.values()) {
    const { id, fields } = entity;
    const idLoc: Located = fields.get('id') ?? entity.origin;
    if (BUILTIN_TERM_IDS.includes(id))
      throw errorAt(
        idLoc,
        `expected a new term id, but "${id}" is a built-in term (set its weight under weights instead)`,
      );
    if (id === 'intercept' || customAttributes.has(id) || RESERVED_NAMES.has(id) || FUNCTIONS.has(id))
      throw errorAt(idLoc, `expected a new term id, but "${id}" is already a name in scenarios`);
    for (const [key, loc] of fields)
      checkMergedKeys({ loc, entries: new Map([[key, loc]]) }, TERM_KEYS, 'a custom term');
    const expressionAt = fields.get('expression');
    if (!expressionAt)
      throw errorAt(
        { file: entity.origin.file, path: joinPath(entity.origin.path, 'expression') },
        `expected an expression for custom term "${id}", but it is missing`,
      );
    const expression = readString(expressionAt, true);
    const labelLoc = fields.get('label');
    const propositionsLoc = fields.get('propositions');
    const sourceLoc = fields.get('source');
    const formulaLoc = fields.get('formula');
    const weightLoc = fields.get('weight');
    let term: CustomTerm;
    try {
      term = makeCustomTerm(
        {
          id,
          label: labelLoc ? readString(labelLoc, true, true) : id,
          propositions: propositionsLoc ? readStringList(propositionsLoc) : [],
          expression,
          ...(sourceLoc ? { source: readString(sourceLoc) } : {}),
          ...(formulaLoc ? { formula: readString(formulaLoc) } : {}),
        },
        customAttributes,
      );
    } catch (error) {
      if (error instanceof ExpressionProblem)
        throw errorAt(expressionAt, `expected a safe arithmetic expression for term "${id}": ${error.message}`);
      throw error;
    }
    out.push({ term, expressionAt, ...(weightLoc ? { weight: readNumber(weightLoc, REAL) } : {}) });
  }
  return out;
}

export function readWeights(
  section: MergedMap | undefined,
  terms: readonly Term[],
  custom: readonly LocatedTerm[],
  leaf: string,
): Weights {
  const ids = [...terms.map((t) => t.id), 'intercept'];
  if (!section)
    throw errorAt(
      { file: leaf, path: 'weights' },
      `expected a weights section with the intercept and a weight for every custom term`,
    );
  checkMergedKeys(section, ids, 'the weights (a term id or intercept)');
  const weights: Record<string, number> = {};
  for (const [key, loc] of section.entries)
    Object.defineProperty(weights, key, {
      value: readNumber(loc, REAL),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const c of custom)
    if (!Object.hasOwn(weights, c.term.id) && c.weight !== undefined) weights[c.term.id] = c.weight;
  // A built-in term without a weight weighs 0 (docs/scenario-format.md): a new term changes no existing scenario.
  for (const id of BUILTIN_TERM_IDS) if (!Object.hasOwn(weights, id)) weights[id] = 0;
  for (const id of ids) {
    if (!Object.hasOwn(weights, id)) {
      throw errorAt(
        { file: section.loc.file, path: joinPath(section.loc.path, id) },
        `expected a weight for ${id === 'intercept' ? 'the intercept' : `term "${id}"`} (a finite number), but it is missing`,
      );
    }
  }
  return weights as Weights;
}
