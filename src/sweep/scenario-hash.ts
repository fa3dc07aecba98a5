/**
 * The scenario hash of a run receipt: sha256 of the resolved scenario's
 * canonical JSON (keys sorted, terms by id and formula, the file's own path
 * left out so the same scenario hashes the same on every machine of a
 * cluster).
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../model/scenario.js';

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function scenarioHash(scenario: Scenario): string {
  const { file: _file, terms, ...rest } = scenario;
  const data = { ...rest, terms: terms.map((t) => ({ id: t.id, formula: t.formula })) };
  return createHash('sha256').update(canonicalJson(data)).digest('hex');
}
