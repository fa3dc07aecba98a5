/**
 * Resource limits of the loader. Scenario files are untrusted (shared
 * between classes), so every limit bounds time or memory, and each is named
 * in the error a user sees and in docs/scenario-format.md.
 */

/** Largest scenario or roster file, in bytes: the 85-state baseline is ~60 KiB. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Deepest nesting of mappings and lists; a scenario needs about 5. */
export const MAX_DEPTH = 64;

/**
 * Cheap bound checked on the token stream before the YAML library builds a
 * tree, so adversarial nesting (`[[[[…` or `- - - …`) cannot exhaust the
 * stack or take seconds; the exact MAX_DEPTH check follows on the tree.
 */
export const MAX_LEXICAL_DEPTH = 4 * MAX_DEPTH;

/**
 * Uses of one anchored value: the anchor itself and at most
 * MAX_ALIAS_COUNT - 1 aliases to it.
 */
export const MAX_ALIAS_COUNT = 64;

/** Alias nodes (`*name`) in one file, whatever anchors they name. */
export const MAX_ALIASES = 1024;

/**
 * YAML values in one file: scalars, aliases, collections and the
 * indicators that introduce or separate items (`-`, `?`, `:`, `,`),
 * counted on the token stream before the YAML library builds a tree, so
 * that time and memory are bounded by this count and not only by the file
 * size (a 4 MiB flow list holds 2,000,000 items). The 193-state world
 * roster has about 25,000. The same bound holds for the values once
 * aliases are expanded (each alias counts as the values it repeats), which
 * stops billion-laughs.
 */
export const MAX_VALUES = 100_000;

/**
 * Values in a `.json` file (read by JSON.parse, a few bytes and tens of
 * nanoseconds per value): a roster of 10,000 states holds about 650,000.
 */
export const MAX_JSON_VALUES = 2_000_000;

/** Longest `extends` chain. */
export const MAX_EXTENDS_CHAIN = 32;

/** Longest custom-term expression, in characters. */
export const MAX_EXPRESSION_LENGTH = 500;

/** Deepest expression tree (parentheses, operators, calls). */
export const MAX_EXPRESSION_DEPTH = 32;

/** Most custom terms and custom attributes in one scenario. */
export const MAX_CUSTOM_TERMS = 64;
export const MAX_CUSTOM_ATTRIBUTES = 64;
