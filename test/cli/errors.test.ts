/**
 * Exit codes: only the user's mistakes (InputError and its kinds) end with
 * exit code 2; anything else, a RangeError such as a stack overflow
 * included, is an internal error with exit code 1. The overflows here are
 * real ones, raised inside the command's computation by a stand-in for one
 * of its steps; `main` is the source one, so the stand-ins apply.
 */
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from './run-cli.js';

/** Which step overflows the stack, if any. */
let overflowIn: 'seek' | 'explain' | 'calibrate' | 'subgame' | 'sobol' | undefined;

function recurse(depth: number): number {
  return recurse(depth + 1) + 1;
}
function maybeOverflow(step: typeof overflowIn): void {
  if (overflowIn === step) recurse(0);
}

vi.mock('../../src/analysis/seek.js', async (original) => {
  const actual = await original<typeof import('../../src/analysis/seek.js')>();
  return {
    ...actual,
    seek: (...args: Parameters<typeof actual.seek>) => (maybeOverflow('seek'), actual.seek(...args)),
  };
});
vi.mock('../../src/analysis/explain.js', async (original) => {
  const actual = await original<typeof import('../../src/analysis/explain.js')>();
  return {
    ...actual,
    explainState: (...args: Parameters<typeof actual.explainState>) => (
      maybeOverflow('explain'),
      actual.explainState(...args)
    ),
  };
});
vi.mock('../../src/analysis/subgame.js', async (original) => {
  const actual = await original<typeof import('../../src/analysis/subgame.js')>();
  return {
    ...actual,
    scenarioSubgame: (...args: Parameters<typeof actual.scenarioSubgame>) => (
      maybeOverflow('subgame'),
      actual.scenarioSubgame(...args)
    ),
  };
});
vi.mock('../../src/calibrate/calibrate.js', async (original) => {
  const actual = await original<typeof import('../../src/calibrate/calibrate.js')>();
  return {
    ...actual,
    calibrate: (...args: Parameters<typeof actual.calibrate>) => (
      maybeOverflow('calibrate'),
      actual.calibrate(...args)
    ),
  };
});
vi.mock('../../src/sweep/sobol.js', async (original) => {
  const actual = await original<typeof import('../../src/sweep/sobol.js')>();
  return {
    ...actual,
    sobolIndices: (...args: Parameters<typeof actual.sobolIndices>) => (
      maybeOverflow('sobol'),
      actual.sobolIndices(...args)
    ),
  };
});

afterEach(() => {
  overflowIn = undefined;
});

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const status = await main(args, {
    stdout,
    stderr,
    stdin: Readable.from([]),
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
  });
  return { status, stdout: out, stderr: err };
}

const STAG = path.join('scenarios', 'examples', 'stag-hunt.yaml');
const BASELINE = path.join('scenarios', 'a-coruna-2026.yaml');
const OVERFLOW = /^signatory: internal error: Maximum call stack size exceeded\n$/;

describe('a stack overflow inside a command is an internal error: exit 1', () => {
  it.each([
    ['seek', ['seek', STAG, '--target', 'signed>=1'] as string[]],
    ['explain', ['explain', STAG, 'RED', '--no-flips']],
    ['subgame', ['subgame', STAG, 'RED', 'BLU']],
    ['calibrate', ['calibrate', BASELINE]],
    ['sobol', ['sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--n', '4', '--bootstrap', '0']],
  ] as const)('%s', async (step, args) => {
    overflowIn = step;
    const r = await run([...args]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(OVERFLOW);
    expect(r.stderr).not.toContain('--help');
  });
});

describe('the same commands given bad input: exit 2, one line', () => {
  it.each([
    [['seek', STAG, '--target', 'signed>=x'], /target 'signed>=x': expected a whole number/],
    [['seek', STAG, '--target', 'signed>=99'], /target signed>=99: the scenario has only 2 states/],
    [['seek', STAG, '--target', 'XYZ sign'], /unknown state 'XYZ'/],
    [['explain', STAG, 'NOPE'], /unknown state 'NOPE'/],
    [['subgame', STAG, 'RED', 'RED'], /a subgame needs two different states, got 'RED' twice/],
    [['subgame', STAG, 'RED', 'NOPE'], /unknown state 'NOPE'/],
    [['calibrate', STAG], /no `observed` outcome/],
    [
      ['sensitivity', STAG, '--vary', 'declaration.verification=0:1', '--output', 'p:NOPE'],
      /--output: unknown state 'NOPE'/,
    ],
    [['sweep', STAG, '--vary', 'declaration.verification=0:1:2', '--track', 'NOPE'], /--track: unknown state 'NOPE'/],
    [
      ['sweep', STAG, '--vary', 'declaration.verification=1:0:2'],
      /--vary 'declaration.verification=1:0:2': LO 1 is above HI 0/,
    ],
  ])('%j', async (args, message) => {
    const r = await run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(new RegExp(`^signatory: .*\\(see 'signatory ${args[0]} --help'\\)\\n$`));
    expect(r.stdout).toBe('');
  });
});
