// Recomputation after a key press in the terminal UI on the 85-state A Coruña
// baseline. Run after a build: `npm run build && node bench/tui-recompute.js`.
//
//   solve + explanation: the session edit a slider key makes (compile, both
//     extremal equilibria, logit QRE, tally distribution, US–China subgame,
//     bloc breakdown) plus the selected state's term explanation;
//   solve + render: a real key press into the Ink app (ink-testing-library)
//     until its next frame is written;
//   flip thresholds of one state: what the Why pane computes lazily, one
//     parameter per event-loop turn.
//
// React runs its production build, as in `signatory tui` (src/tui/launch.ts);
// NODE_ENV=development node bench/tui-recompute.js measures the other one.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.NODE_ENV ??= 'production';
const { createElement } = await import('react');
const { render } = await import('ink-testing-library');
const { explainState, parameterFlips } = await import('../dist/analysis/explain.js');
const { loadScenario } = await import('../dist/scenario/load.js');
const { App } = await import('../dist/tui/App.js');
const { applyEdit, openSession } = await import('../dist/tui/session.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(root, 'scenarios', 'a-coruna-2026.yaml');
const scenario = loadScenario(file);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(2)} ms`;

// 1. Solve + explanation.
let session = openSession(scenario);
const solveTimes = [];
for (let k = 0; k < 300; k++) {
  const t0 = performance.now();
  session = applyEdit(session, { kind: 'step', path: 'declaration.verification', delta: k % 2 ? -0.01 : 0.01 });
  explainState(session.run, 'USA', false);
  const t1 = performance.now();
  if (k >= 20) solveTimes.push(t1 - t0); // the first ones warm the JIT
}

// 2. Solve + render, key press to frame.
const app = render(
  createElement(App, {
    scenario,
    cwd: root,
    scenariosDir: path.join(root, 'scenarios'),
    size: { columns: 100, rows: 30 },
  }),
);
const renderTimes = [];
const nextFrame = (before) =>
  new Promise((resolve) => {
    const poll = () => (app.frames.length > before ? resolve() : setImmediate(poll));
    poll();
  });
for (let k = 0; k < 120; k++) {
  const before = app.frames.length;
  const t0 = performance.now();
  app.stdin.write(k % 2 ? '-' : '+');
  await nextFrame(before);
  const t1 = performance.now();
  if (k >= 20) renderTimes.push(t1 - t0);
}
app.unmount();

// 3. Flip thresholds of one state, all parameters.
const flipTimes = [];
const usa = scenario.states.findIndex((s) => s.id === 'USA');
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  parameterFlips(scenario, usa, session.structure);
  flipTimes.push(performance.now() - t0);
}

console.log(
  `${scenario.name}: ${scenario.states.length} states (${path.relative(root, file)}), React ${process.env.NODE_ENV} build`,
);
console.log(
  `solve + explanation, per key press: median ${ms(median(solveTimes))} (n = ${solveTimes.length}, p90 ${ms(median(solveTimes.filter((x) => x >= median(solveTimes))))})`,
);
console.log(`solve + render, key press to frame: median ${ms(median(renderTimes))} (n = ${renderTimes.length})`);
console.log(
  `flip thresholds of USA, 11 parameters (lazy, off the key path): median ${ms(median(flipTimes))} (n = ${flipTimes.length})`,
);
process.exit(0);
