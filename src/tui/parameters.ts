/**
 * The sliders: every declaration parameter and every world parameter that
 * changes the game (the seed only feeds Monte Carlo draws, so it has none).
 */
import { DECLARATION_PARAMETERS, WORLD_PARAMETERS, type ParameterInfo } from '../model/inputs.js';
import type { Scenario } from '../model/scenario.js';

export interface SliderSpec {
  /** Scenario path, e.g. `declaration.verification`: the key saved in a what-if file. */
  path: string;
  section: 'declaration' | 'world';
  info: ParameterInfo;
  /** Step of ←/→. */
  coarse: number;
  /** Step of -/+ and shift+←/→. */
  fine: number;
  /** Where the slider's track ends: λ ranges to 1000, but the interesting part is small. */
  trackMax: number;
}

/** λ's useful range: at λ = 50 a Δ of 0.1 already means a 99% choice. */
const LAMBDA_TRACK_MAX = 50;

export const SLIDERS: readonly SliderSpec[] = [
  ...DECLARATION_PARAMETERS.map((info): SliderSpec => ({
    path: `declaration.${info.key}`,
    section: 'declaration',
    info,
    coarse: 0.1,
    fine: 0.01,
    trackMax: info.max,
  })),
  ...WORLD_PARAMETERS.map((info): SliderSpec =>
    info.key === 'lambda'
      ? { path: `world.${info.key}`, section: 'world', info, coarse: 1, fine: 0.1, trackMax: LAMBDA_TRACK_MAX }
      : { path: `world.${info.key}`, section: 'world', info, coarse: 0.1, fine: 0.01, trackMax: info.max },
  ),
];

/** The current value of a slider's parameter in a scenario. */
export function sliderValue(scenario: Pick<Scenario, 'declaration' | 'world'>, spec: SliderSpec): number {
  return (scenario[spec.section] as unknown as Record<string, number>)[spec.info.key];
}

/** value + step, clamped to the parameter's bounds and rounded so 0.1 steps never show 0.30000000000000004. */
export function stepValue(spec: SliderSpec, value: number, step: number): number {
  const next = Math.round((value + step) * 1e9) / 1e9;
  return Math.min(spec.info.max, Math.max(spec.info.min, next));
}
