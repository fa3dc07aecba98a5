/**
 * Bounds of scenario-declared custom attributes, kept beside the scenario
 * (the model's Scenario type has no place for them) so paths can validate
 * `states.<ID>.<custom>`. Keyed weakly by scenario object.
 */
import type { Scenario } from '../model/scenario.js';

export interface AttributeBounds {
  readonly min: number;
  readonly max: number;
}

const registry = new WeakMap<Scenario, ReadonlyMap<string, AttributeBounds>>();

export function registerCustomAttributes(scenario: Scenario, bounds: ReadonlyMap<string, AttributeBounds>): void {
  registry.set(scenario, bounds);
}

/** The declared bounds, or an empty map for a scenario the loader did not build. */
export function customAttributeBounds(scenario: Scenario): ReadonlyMap<string, AttributeBounds> {
  return registry.get(scenario) ?? new Map();
}
