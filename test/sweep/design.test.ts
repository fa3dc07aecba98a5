import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPoints, designSize } from '../../src/sweep/design.js';
import { formatFixed } from '../../src/sweep/number-format.js';
import { columns } from '../../src/sweep/plan.js';
import { parseShard, shardRow, shardSize } from '../../src/sweep/shard.js';
import { SweepError } from '../../src/sweep/sweep-error.js';
import { parseVary } from '../../src/sweep/vary-spec.js';

describe('--vary', () => {
  it('parses PATH=LO:HI:STEPS', () => {
    expect(parseVary('declaration.verification=0:1:11', true)).toEqual({
      path: 'declaration.verification',
      lo: 0,
      hi: 1,
      steps: 11,
    });
    expect(parseVary('states.USA.capability=0.5:1', false)).toEqual({ path: 'states.USA.capability', lo: 0.5, hi: 1 });
  });
  it.each(['declaration.verification', 'x=1', 'x=a:1:3', 'x=1:0:3', 'x=0:1:0', 'x=0:1:2.5', 'x=0:1'])(
    'refuses %s in one line',
    (spec) => {
      expect(() => parseVary(spec, true)).toThrow(SweepError);
      try {
        parseVary(spec, true);
      } catch (e) {
        expect((e as Error).message).not.toContain('\n');
        expect((e as Error).message).toContain(spec);
      }
    },
  );
});

describe('designs', () => {
  it('walk a grid in row-major order, first factor slowest', () => {
    const spec = {
      kind: 'grid' as const,
      seed: 1,
      factors: [parseVary('a=0:1:3', true), parseVary('b=10:20:2', true)],
    };
    expect(designSize(spec)).toBe(6);
    const at = designPoints(spec);
    const out = new Float64Array(2);
    const points = Array.from({ length: 6 }, (_, k) => (at(k, out), [...out]));
    expect(points).toEqual([
      [0, 10],
      [0, 20],
      [0.5, 10],
      [0.5, 20],
      [1, 10],
      [1, 20],
    ]);
  });

  it('stay inside every factor range, ending a grid exactly on HI (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 2, max: 50 }),
        (a, b, steps) => {
          const lo = a / 1000;
          const hi = lo + b / 1000;
          const factors = [{ path: 'x', lo, hi, steps }];
          const out = new Float64Array(1);
          designPoints({ kind: 'grid', seed: 1, factors })(steps - 1, out);
          expect(out[0]).toBe(hi);
          for (const kind of ['lhs', 'random'] as const) {
            const at = designPoints({ kind, seed: 1, n: steps, factors: [{ path: 'x', lo, hi }] });
            for (let k = 0; k < steps; k++) {
              at(k, out);
              expect(out[0]).toBeGreaterThanOrEqual(lo);
              expect(out[0]).toBeLessThanOrEqual(hi);
            }
          }
        },
      ),
      // 0.2 + (1 − 0.2)·3/3 rounds to 1.0000000000000002.
      { examples: [[200, 800, 4]] },
    );
  });

  it('stratify a Latin hypercube: each factor hits every one of the n strata once', () => {
    const n = 50;
    const spec = { kind: 'lhs' as const, n, seed: 9, factors: [parseVary('a=0:1', false), parseVary('b=-2:2', false)] };
    const at = designPoints(spec);
    const out = new Float64Array(2);
    const strata = [new Set<number>(), new Set<number>()];
    for (let k = 0; k < n; k++) {
      at(k, out);
      strata[0].add(Math.floor(out[0] * n));
      strata[1].add(Math.floor(((out[1] + 2) / 4) * n));
    }
    expect(strata[0].size).toBe(n);
    expect(strata[1].size).toBe(n);
  });

  it('compute any point from its index alone, the same in any order', () => {
    const spec = { kind: 'random' as const, n: 100, seed: 4, factors: [parseVary('a=0:1', false)] };
    const forward = designPoints(spec);
    const backward = designPoints(spec);
    const x = new Float64Array(1);
    const y = new Float64Array(1);
    const seen: number[] = [];
    for (let k = 0; k < 100; k++) {
      forward(k, x);
      seen.push(x[0]);
    }
    for (let k = 99; k >= 0; k--) {
      backward(k, y);
      expect(y[0]).toBe(seen[k]);
    }
  });
});

describe('shards', () => {
  it('partition the rows: every row in exactly one shard (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 12 }), (total, count) => {
        const seen = new Array<number>(total).fill(0);
        for (let index = 1; index <= count; index++) {
          const shard = { index, count };
          for (let p = 0; p < shardSize(shard, total); p++) seen[shardRow(shard, p)]++;
        }
        return seen.every((c) => c === 1);
      }),
    );
  });

  it('read job-array indices', () => {
    expect(parseShard('2/3', undefined, {})).toEqual({ index: 2, count: 3 });
    expect(
      parseShard('auto', undefined, {
        SLURM_ARRAY_TASK_ID: '0',
        SLURM_ARRAY_TASK_MIN: '0',
        SLURM_ARRAY_TASK_COUNT: '4',
      }),
    ).toEqual({ index: 1, count: 4 });
    expect(
      parseShard('auto', undefined, {
        SLURM_ARRAY_TASK_ID: '4',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: '4',
      }),
    ).toEqual({ index: 4, count: 4 });
    expect(parseShard('auto', '5', { JOB_COMPLETION_INDEX: '4' })).toEqual({ index: 5, count: 5 });
    expect(parseShard('auto', '3', { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toEqual({ index: 1, count: 3 });
    expect(() => parseShard('auto', undefined, { JOB_COMPLETION_INDEX: '1' })).toThrow(/--shards N/);
    expect(() => parseShard('auto', undefined, {})).toThrow(/no job-array index/);
    expect(() => parseShard('4/3', undefined, {})).toThrow(SweepError);
  });
});

describe('row format', () => {
  it('prints numbers at fixed precision, the same bytes every time', () => {
    expect(formatFixed(0.1 * 3, 9)).toBe('0.3');
    expect(formatFixed(-0.0000000001, 6)).toBe('0');
    expect(formatFixed(2, 6)).toBe('2');
    expect(formatFixed(1 / 3, 6)).toBe('0.333333');
  });
  it('names the columns after the factors and tracked states', () => {
    const design = { kind: 'grid' as const, seed: 1, factors: [parseVary('declaration.verification=0:1:2', true)] };
    expect(columns({ design, solver: 'both', track: ['USA'] })).toEqual([
      'index',
      'point',
      'replication',
      'declaration.verification',
      'seed',
      'least',
      'greatest',
      'qre_mean',
      'p_majority',
      'USA.least',
      'USA.greatest',
      'USA.p',
    ]);
    expect(columns({ design, solver: 'nash', track: [] })).toEqual([
      'index',
      'point',
      'replication',
      'declaration.verification',
      'seed',
      'least',
      'greatest',
    ]);
  });
});
