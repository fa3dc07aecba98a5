/** JSON files through JSON.parse: the same data as the YAML path, the same limits, rosters of 10,000 states. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario } from '../../src/analysis/run.js';
import { STATE_ATTRIBUTES } from '../../src/model/inputs.js';
import { MAX_JSON_VALUES } from '../../src/scenario/limits.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { parseJsonText } from '../../src/scenario/parse-json.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { cli } from '../cli/run-cli.js';

const refusal = (text: string) => {
  try {
    parseJsonText(text, 'f.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('JSON files', () => {
  it('give the same scenario as the same data written in YAML', () => {
    const yaml = readFileSync('scenarios/examples/stag-hunt.yaml', 'utf8');
    const json = JSON.stringify(parse(yaml));
    const a = runScenario(parseScenarioText(yaml, 'scenarios/examples/stag-hunt.yaml'));
    const b = runScenario(parseScenarioText(json, 'scenarios/examples/stag-hunt.json'));
    expect(b.states).toEqual(a.states);
    expect(Array.from(b.qre.least.p)).toEqual(Array.from(a.qre.least.p));
  });

  it('refuse duplicate keys, deep nesting, too many values and bad syntax, with line and column', () => {
    expect(refusal('{\n  "name": "a",\n  "name": "b"\n}')).toBe(
      'f.json: line 3, column 3: expected valid JSON: duplicate key (each key may appear once in a mapping)',
    );
    expect(refusal('{"a": {"b\\u0061": 1, "ba": 2}}')).toContain('duplicate key');
    expect(refusal('['.repeat(65) + ']'.repeat(65))).toContain('expected at most 64 levels of nesting');
    expect(refusal('[' + '0,'.repeat(MAX_JSON_VALUES) + '0]')).toContain(
      `expected at most ${MAX_JSON_VALUES} JSON values`,
    );
    expect(refusal('{\n"name": tru}')).toMatch(/^f\.json: line 2, column \d+: expected valid JSON/);
    // The same key in two different objects is fine.
    expect(parseJsonText('{"a": {"x": 1}, "b": {"x": 2}}', 'f.json')).toEqual({ a: { x: 1 }, b: { x: 2 } });
  });

  it('a roster of 10,000 states loads and solves (run --json)', async () => {
    const ids = Array.from({ length: 10000 }, (_, i) => `S${i}`);
    const states = ids.map((id, i) => ({
      id,
      name: `State ${i}`,
      ...Object.fromEntries(STATE_ATTRIBUTES.map((a, k) => [a, ((i * 7 + k * 13) % 100) / 100])),
      ...(i % 10 === 0 ? { rivals: { [ids[(i + 1) % ids.length]]: 1 } } : {}),
    }));
    const doc = {
      name: 'Ten thousand',
      declaration: {
        verification: 0,
        thresholdClarity: 0.2,
        thresholdStrictness: 0.5,
        accountability: 0.4,
        enforcement: 0,
        differentiation: 0,
        neutralInterpretation: 0,
        humanControl: 0.3,
        clubCompatibility: 0.2,
      },
      world: { raceIntensity: 0.7, raceShock: 0.5, lambda: 4, seed: 1 },
      weights: { intercept: -0.5, reputation: 1, momentum: 1.5, restraint: 1, ambiguity: 0.5 },
      states,
    };
    const dir = mkdtempSync(join(tmpdir(), 'json-'));
    const file = join(dir, 'ten-thousand.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(['run', file, '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.total).toBe(10000);
    expect(j.qre.converged).toBe(true);
    expect(j.qre.distribution).toHaveLength(10001);
  });
});
