import { existsSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatFixed, PARAMETER_DECIMALS } from '../../sweep/number-format.js';
import { morrisEffects } from '../../sweep/morris.js';
import { pointModel, pointOutcome } from '../../sweep/point-model.js';
import { OUTCOME_FORMS, parseOutcome, type Outcome } from '../../sweep/outcomes.js';
import type { Scenario } from '../../model/scenario.js';
import { SweepError } from '../../sweep/sweep-error.js';
import { sampleFromResults, samplePoints } from '../../sweep/sobol-sample.js';
import { outsideUnit, sobolFromSample, sobolIndices, sobolWarnings } from '../../sweep/sobol.js';
import { parseVary } from '../../sweep/vary-spec.js';
import { many, parseCommandArgs, write, type Command } from '../command.js';
import { loadWithChain, requireFile, SCENARIO_HELP, SCENARIO_OPTIONS } from '../scenario-args.js';
import { checkFolder, checkFactors, checkStateIds, samePath, wholeNumber, writeThroughPartial } from '../options.js';
import { sobolBarsSvg } from '../../sweep/chart-svg.js';
import { SOBOL_MAX_DIMENSIONS, type InputDistribution } from '../../sweep/low-discrepancy.js';
import { UsageError } from '../usage-error.js';

/** The --output outcome, refused as bad input naming --output. */
function outcomeOption(text: string, scenario: Scenario): Outcome {
  try {
    return parseOutcome(
      '--output',
      text,
      scenario.states.map((s) => s.id),
    );
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message, 'sensitivity');
    throw error;
  }
}

/** Three decimals; a small non-zero number in scientific notation (never 0.000 or -0.000 for one). */
const fmt = (x: number): string => {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  return Math.abs(x) < 0.0005 ? x.toExponential(1) : x.toFixed(3);
};
/** An index, starred when estimation error put it outside [0, 1]. */
const index = (s: number): string => fmt(s) + (outsideUnit(s) ? '*' : ' ');

export const sensitivityCommand: Command = {
  name: 'sensitivity',
  summary: 'which inputs move an outcome: Sobol indices or Morris elementary effects',
  help: `Usage: signatory sensitivity FILE --vary PATH=LO:HI... [--method sobol|morris] [--n N] [--output OUTPUT]

Global sensitivity of one outcome to the --vary inputs over their ranges.
  sobol   first-order (S1) and total (ST) Sobol' indices: Saltelli sampling,
          Saltelli (2010) and Jansen estimators, percentile bootstrap intervals.
          Costs N·(d + 2) solves for d inputs; N·(2d + 2) with --second-order.
  morris  elementary effects per full range: μ* (importance), μ and σ
          (nonlinearity or interaction). Costs N·(d + 1) solves.

Options:
  --vary PATH=LO:HI    an input and its range (repeatable; a :STEPS suffix is ignored)
  --method M           sobol (default) or morris
  --n N                Sobol base sample size (default 1000) or Morris trajectories (default 50)
  --output OUTCOME     ${OUTCOME_FORMS} (default least; the names of a
                       sweep's columns, listed by 'signatory sweep --list-outcomes FILE')
  --seed S             seed of the sample (default: the scenario's world.seed)
  --bootstrap B        bootstrap resamples for Sobol intervals (default 200)
  --second-order       Sobol second-order indices of every pair of inputs (Saltelli 2002)
  --sampler S          random (default: seeded pseudo-random draws) or sobol (the Sobol
                       low-discrepancy sequence, Joe-Kuo directions, seeded digital shift;
                       at most 10 inputs)
  --dist PATH=D        an input's distribution over its --vary range: uniform (default),
                       normal:MEAN:SD (truncated to the range) or triangular:MODE (repeatable)
  --save-sample FILE.csv  write the Sobol sample's points (a design for 'sweep --design') and stop
  --analyse RESULTS    the indices from a sweep of that design (same --vary, --n, --seed, --second-order)
  --levels P           Morris grid levels (default 4)
  --svg FILE.svg       also draw the Sobol indices as a bar chart (S1 and ST with their intervals)
  --force              replace an existing FILE.svg (never the scenario or a file it extends)
  --json               print JSON
${SCENARIO_HELP}

Example:
  signatory sensitivity scenarios/a-coruna-2026.yaml --vary declaration.verification=0:1 \\
    --vary declaration.thresholdClarity=0:1 --vary world.raceIntensity=0:1 --output CHN.p
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('sensitivity', argv, {
      ...SCENARIO_OPTIONS,
      vary: { type: 'string', multiple: true },
      method: { type: 'string' },
      n: { type: 'string' },
      output: { type: 'string' },
      seed: { type: 'string' },
      bootstrap: { type: 'string' },
      levels: { type: 'string' },
      'second-order': { type: 'boolean' },
      sampler: { type: 'string' },
      svg: { type: 'string' },
      force: { type: 'boolean' },
      dist: { type: 'string', multiple: true },
      'save-sample': { type: 'string' },
      analyse: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.help) return (write(io, this.help), 0);
    const file = requireFile('sensitivity', positionals);
    const method = values.method ?? 'sobol';
    if (method !== 'sobol' && method !== 'morris')
      throw new UsageError(`--method must be sobol or morris, got '${method}'`, 'sensitivity');
    if (values['second-order'] && method !== 'sobol')
      throw new UsageError('--second-order goes with --method sobol', 'sensitivity');
    const factors = many(values.vary).map((v) => parseVary(v, false));
    if (factors.length === 0) throw new UsageError('give at least one --vary PATH=LO:HI', 'sensitivity');
    if ((values['save-sample'] !== undefined || values.analyse !== undefined) && method !== 'sobol')
      throw new UsageError('--save-sample and --analyse go with --method sobol', 'sensitivity');
    if (values['save-sample'] !== undefined && values.analyse !== undefined)
      throw new UsageError('give --save-sample or --analyse, not both', 'sensitivity');
    if (values.svg !== undefined) {
      if (method !== 'sobol') throw new UsageError('--svg goes with --method sobol', 'sensitivity');
      if (!/\.svg$/i.test(values.svg))
        throw new UsageError(`--svg ${values.svg}: the chart is SVG, so the file name must end in .svg`, 'sensitivity');
      if (values['save-sample'] !== undefined)
        throw new UsageError('--svg draws indices: not with --save-sample', 'sensitivity');
    }
    if (values.force && values.svg === undefined) throw new UsageError('--force goes with --svg', 'sensitivity');
    const n = wholeNumber('sensitivity', '--n', values.n, method === 'sobol' ? 1000 : 50, 2);
    const bootstrap = wholeNumber('sensitivity', '--bootstrap', values.bootstrap, 200, 0);
    const levels = wholeNumber('sensitivity', '--levels', values.levels, 4, 2);
    const { scenario, chain } = loadWithChain(file, values, io.cwd);
    checkFactors('sensitivity', scenario, factors);
    const svgTarget = values.svg === undefined ? undefined : path.resolve(io.cwd, values.svg);
    if (svgTarget !== undefined) {
      checkFolder('sensitivity', '--svg', values.svg!, svgTarget);
      if (chain.some((c) => samePath(c, svgTarget) || samePath(c, `${svgTarget}.partial`)))
        throw new UsageError(`--svg ${values.svg} is the scenario or a file it extends`, 'sensitivity');
      if (existsSync(svgTarget) && !values.force)
        throw new UsageError(`--svg ${values.svg} exists; pass --force to replace it`, 'sensitivity');
    }
    let output = outcomeOption(values.output ?? 'least', scenario);
    if (output.state !== undefined) {
      // The state as its id (`--output usa.p` is USA.p).
      const [id] = checkStateIds('sensitivity', '--output', scenario, [output.state]);
      if (id !== output.state) output = outcomeOption(`${id}${output.name.slice(output.state.length)}`, scenario);
    }
    const seed = wholeNumber('sensitivity', '--seed', values.seed, scenario.world.seed, 0);
    const model = pointModel(
      scenario,
      factors.map((f) => f.path),
      output.state ? [output.state] : [],
      file,
    );
    const outcome = pointOutcome(output.state ? 1 : 0);
    const f = (x: Float64Array): number => {
      for (let j = 0; j < x.length; j++) model.set(j, x[j]);
      model.solve(output.solver, outcome);
      return output.read(outcome);
    };
    const bounds = factors.map((fa) => ({ lo: fa.lo, hi: fa.hi }));
    const sampler = values.sampler ?? 'random';
    if (sampler !== 'random' && sampler !== 'sobol')
      throw new UsageError(`--sampler must be random or sobol, got '${sampler}'`, 'sensitivity');
    if ((values.sampler !== undefined || values.dist !== undefined) && method !== 'sobol')
      throw new UsageError('--sampler and --dist go with --method sobol', 'sensitivity');
    if (sampler === 'sobol' && 2 * factors.length > SOBOL_MAX_DIMENSIONS)
      throw new UsageError(
        `--sampler sobol takes at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} inputs (the sequence's ${SOBOL_MAX_DIMENSIONS} dimensions hold A and B), got ${factors.length}`,
        'sensitivity',
      );
    const distributions = parseDistributions(
      many(values.dist),
      factors.map((fa) => ({ path: fa.path, lo: fa.lo, hi: fa.hi })),
    );
    const width = Math.max(9, ...factors.map((fa) => fa.path.length));
    if (method === 'sobol') {
      const secondOrder = Boolean(values['second-order']);
      if (values['save-sample'] !== undefined) {
        const target = path.resolve(io.cwd, values['save-sample']);
        checkFolder('sensitivity', '--save-sample', values['save-sample'], target);
        if (!/\.csv$/i.test(target))
          throw new UsageError(
            `--save-sample ${values['save-sample']}: the sample is CSV, name it .csv`,
            'sensitivity',
          );
        if (existsSync(target))
          throw new UsageError(
            `--save-sample ${values['save-sample']} exists; remove it or name another file`,
            'sensitivity',
          );
        const rows = samplePoints({ n, bounds, seed, secondOrder, sampler, distributions });
        const text =
          [
            factors.map((fa) => fa.path).join(','),
            ...rows.map((x) => x.map((v) => formatFixed(v, PARAMETER_DECIMALS)).join(',')),
          ].join('\n') + '\n';
        writeFileSync(`${target}.partial`, text);
        renameSync(`${target}.partial`, target);
        io.stderr.write(
          `signatory: wrote ${rows.length} points to ${values['save-sample']}; run them with 'signatory sweep FILE --design ${values['save-sample']} --out RESULTS.csv', then analyse with --analyse RESULTS.csv\n`,
        );
        return 0;
      }
      const r =
        values.analyse !== undefined
          ? sobolFromSample(
              await sampleFromResults(
                path.resolve(io.cwd, values.analyse),
                values.analyse,
                output.name,
                factors.length,
                n,
                secondOrder,
              ),
              { seed, bootstrap },
            )
          : sobolIndices(f, { n, bounds, seed, bootstrap, secondOrder, sampler, distributions });
      const pairs = r.second ?? [];
      const warnings = sobolWarnings(r, n);
      if (svgTarget !== undefined) {
        const svg = sobolBarsSvg(
          `Sobol indices of ${output.name} (N = ${n}, ${sampler === 'sobol' ? 'Sobol sequence' : 'pseudo-random sample'})`,
          factors.map((fa, i) => ({
            name: fa.path,
            first: r.first[i],
            firstInterval: r.firstInterval[i],
            total: r.total[i],
            totalInterval: r.totalInterval[i],
          })),
        );
        writeThroughPartial('sensitivity', '--svg', values.svg!, svgTarget, svg);
        io.stderr.write(`signatory: wrote ${values.svg}\n`);
      }
      const outside = [...r.first, ...r.total, ...pairs.map((p) => p.index)].some(outsideUnit);
      if (values.json) {
        write(
          io,
          JSON.stringify(
            {
              method,
              output: output.name,
              n,
              seed,
              sampler,
              bootstrap,
              evaluations: r.evaluations,
              mean: r.mean,
              variance: r.variance,
              warnings,
              inputs: factors.map((fa, i) => ({
                path: fa.path,
                lo: fa.lo,
                hi: fa.hi,
                distribution: distributions[i],
                first: r.first[i],
                firstInterval: r.firstInterval[i],
                total: r.total[i],
                totalInterval: r.totalInterval[i],
              })),
              ...(secondOrder
                ? {
                    second: pairs.map((p) => ({
                      inputs: [factors[p.i].path, factors[p.j].path],
                      index: p.index,
                      interval: p.interval,
                    })),
                  }
                : {}),
            },
            null,
            2,
          ),
        );
        return 0;
      }
      const lines = [
        `Sobol indices of ${output.name}: N = ${n}, ${r.evaluations} solves, seed ${seed}, 95% bootstrap intervals (${bootstrap} resamples)`,
        `sample: ${sampler === 'sobol' ? 'Sobol sequence (Joe-Kuo directions, seeded digital shift)' : 'pseudo-random'}; inputs ${factors.map((fa, i) => `${fa.path} ${describeDistribution(distributions[i], fa.lo, fa.hi)}`).join(', ')}`,
        r.variance === 0
          ? `${output.name} does not vary over these ranges: every index is 0.`
          : `variance of ${output.name}: ${fmt(r.variance)}`,
        ...warnings.map((w) => `warning: ${w}`),
        '',
        `  ${'input'.padEnd(width)}  ${'S1'.padStart(7)}  ${'interval'.padEnd(18)}  ${'ST'.padStart(7)}  interval`,
        ...factors.map(
          (fa, i) =>
            `  ${fa.path.padEnd(width)}  ${index(r.first[i]).padStart(7)}  ${`[${fmt(r.firstInterval[i][0])}, ${fmt(r.firstInterval[i][1])}]`.padEnd(18)}  ${index(r.total[i]).padStart(7)}  [${fmt(r.totalInterval[i][0])}, ${fmt(r.totalInterval[i][1])}]`,
        ),
        ...(secondOrder
          ? [
              '',
              `  ${'pair'.padEnd(2 * width + 3)}  ${'S2'.padStart(7)}  interval`,
              ...pairs.map(
                (p) =>
                  `  ${`${factors[p.i].path} × ${factors[p.j].path}`.padEnd(2 * width + 3)}  ${index(p.index).padStart(7)}  [${fmt(p.interval[0])}, ${fmt(p.interval[1])}]`,
              ),
            ]
          : []),
        '',
        'S1: share of the variance an input explains alone; ST: with all its interactions. ST − S1 large: the input acts through interactions.',
        ...(secondOrder ? ['S2: share the interaction of a pair explains beyond both inputs alone.'] : []),
        ...(outside
          ? [
              '* outside [0, 1]: no share of variance can be; the estimate is off by sampling error (its interval shows how far). Raise --n.',
            ]
          : []),
      ];
      write(io, lines.join('\n'));
      return 0;
    }
    const r = morrisEffects(f, { trajectories: n, bounds, seed, levels });
    if (values.json) {
      write(
        io,
        JSON.stringify(
          {
            method,
            output: output.name,
            trajectories: n,
            levels,
            seed,
            evaluations: r.evaluations,
            inputs: factors.map((fa, i) => ({ path: fa.path, lo: fa.lo, hi: fa.hi, ...r.effects[i] })),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const order = factors.map((_, i) => i).sort((a, b) => r.effects[b].muStar - r.effects[a].muStar);
    write(
      io,
      [
        `Morris elementary effects on ${output.name} per full range: ${n} trajectories, ${levels} levels, ${r.evaluations} solves, seed ${seed}`,
        '',
        `  ${'input'.padEnd(width)}  ${'μ*'.padStart(8)}  ${'μ'.padStart(8)}  ${'σ'.padStart(8)}`,
        ...order.map(
          (i) =>
            `  ${factors[i].path.padEnd(width)}  ${fmt(r.effects[i].muStar).padStart(8)}  ${fmt(r.effects[i].mu).padStart(8)}  ${fmt(r.effects[i].sigma).padStart(8)}`,
        ),
        '',
        'μ*: importance (mean |effect|); μ: direction; σ: nonlinearity or interaction with other inputs.',
      ].join('\n'),
    );
    return 0;
  },
};

/** The --dist options, one per --vary path at most: uniform unless given. */
function parseDistributions(given: string[], inputs: { path: string; lo: number; hi: number }[]): InputDistribution[] {
  const out: InputDistribution[] = inputs.map(() => ({ kind: 'uniform' }));
  const seen = new Set<string>();
  for (const spec of given) {
    const eq = spec.indexOf('=');
    const where = inputs.findIndex((x) => x.path === spec.slice(0, eq));
    if (eq < 0 || where < 0)
      throw new UsageError(
        `--dist ${spec}: expected PATH=uniform|normal:MEAN:SD|triangular:MODE with PATH one of the --vary paths (${inputs.map((x) => x.path).join(', ')})`,
        'sensitivity',
      );
    const { path: p, lo, hi } = inputs[where];
    if (seen.has(p)) throw new UsageError(`--dist ${p} given twice`, 'sensitivity');
    seen.add(p);
    const [kind, ...args] = spec.slice(eq + 1).split(':');
    const nums = args.map(Number);
    if (kind === 'uniform' && args.length === 0) continue;
    if (kind === 'normal' && nums.length === 2 && nums.every(Number.isFinite) && nums[1] > 0) {
      out[where] = { kind: 'normal', mean: nums[0], sd: nums[1] };
      continue;
    }
    if (kind === 'triangular' && nums.length === 1 && Number.isFinite(nums[0]) && nums[0] >= lo && nums[0] <= hi) {
      out[where] = { kind: 'triangular', mode: nums[0] };
      continue;
    }
    throw new UsageError(
      `--dist ${spec}: expected uniform, normal:MEAN:SD with SD > 0, or triangular:MODE with MODE in [${lo}, ${hi}]`,
      'sensitivity',
    );
  }
  return out;
}

function describeDistribution(d: InputDistribution, lo: number, hi: number): string {
  if (d.kind === 'normal') return `normal(${d.mean}, ${d.sd}) on [${lo}, ${hi}]`;
  if (d.kind === 'triangular') return `triangular on [${lo}, ${hi}] peaking at ${d.mode}`;
  return `uniform on [${lo}, ${hi}]`;
}
