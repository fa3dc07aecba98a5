/**
 * A synthetic N-state scenario for benchmarks when the A Coruña baseline is
 * not there: attributes from a seeded stream, a few rivalries and patrons,
 * so the game has the baseline's shape (a mean field plus sparse links).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dist } from './common.js';

const { randomStream } = await dist('random/stream.js');
const { STATE_ATTRIBUTES: ATTRIBUTES } = await dist('model/inputs.js');

export function syntheticScenarioFile(dir, n) {
  const u = randomStream('synthetic/85').uniform;
  const r3 = () => Math.round(u() * 1000) / 1000;
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`);
  const states = ids.map((id, i) => {
    const s = { id, name: `State ${i}` };
    for (const a of ATTRIBUTES) s[a] = r3();
    s.bias = Math.round((u() - 0.5) * 1000) / 1000;
    if (i < 10) s.rivals = { [ids[(i + 1) % 10]]: 1, [ids[(i + 3) % 10]]: 0.5 };
    if (i >= 10 && i % 4 === 0) s.patron = { id: ids[i % 3], deference: r3() };
    return s;
  });
  const doc = {
    name: `Synthetic ${n}`,
    description: 'A synthetic scenario for benchmarks.',
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
    weights: {
      intercept: -0.5,
      reputation: 1,
      momentum: 1.5,
      alignment: 0.5,
      humanControl: 1,
      adoption: 1,
      restraint: 1,
      exposure: 0.5,
      ambiguity: 0.5,
      blame: 0.5,
      grayZone: 0.5,
      weaponization: 0.5,
      club: 0.5,
    },
    states,
  };
  const file = path.join(dir, 'synthetic.json');
  // Compact: a pretty-printed roster of 8,500 states would pass the loader's 4 MiB limit.
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
