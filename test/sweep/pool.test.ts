import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

const { runPool, workerHeapMb } = (await import(
  pathToFileURL(path.join(ROOT, 'dist', 'sweep', 'pool.js')).href
)) as typeof import('../../src/sweep/pool.js');
const ECHO = pathToFileURL(path.join(ROOT, 'test', 'sweep', 'fixtures', 'echo-worker.mjs'));
const DYING = pathToFileURL(path.join(ROOT, 'test', 'sweep', 'fixtures', 'dying-worker.mjs'));

/** Runs the pool over [0, total) and returns the lines written, in order. */
async function lines(workers: number, total: number, inline?: (from: number, to: number) => Uint8Array) {
  const decoder = new TextDecoder();
  let text = '';
  const end = await runPool({
    init: {} as never,
    workers,
    from: 0,
    to: total,
    states: 85,
    write: (bytes) => void (text += decoder.decode(bytes)),
    stopped: () => false,
    workerUrl: ECHO,
    ...(inline ? { inline } : {}),
  });
  expect(end).toBe(total);
  return text.trimEnd().split('\n');
}

describe('sweep pool', () => {
  it('the main thread takes chunks beside the workers, and rows come out in position order', async () => {
    const encoder = new TextEncoder();
    const inline = (from: number, to: number) => {
      let text = '';
      for (let pos = from; pos < to; pos++) text += `m ${pos}\n`;
      // About 20 µs a row, as a real row costs: the worker starts while the main thread computes.
      for (const until = performance.now() + 0.02 * (to - from); performance.now() < until;);
      return encoder.encode(text);
    };
    const out = await lines(2, 20_000, inline);
    expect(out.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    const byMain = out.filter((l) => l.startsWith('m ')).length;
    // Two computing threads: the main thread and one worker, each with a share.
    expect(byMain).toBeGreaterThan(0);
    expect(byMain).toBeLessThan(20_000);
  });

  it('without an inline share every row comes from the workers', async () => {
    const out = await lines(2, 500);
    expect(out.every((l) => l.startsWith('w '))).toBe(true);
    expect(out).toHaveLength(500);
  });

  it('a worker that dies fails the run with its exit code and the line of its standard error that says why', async () => {
    const run = runPool({
      init: {} as never,
      workers: 1,
      from: 0,
      to: 100,
      states: 85,
      write: () => {},
      stopped: () => false,
      workerUrl: DYING,
    });
    await expect(run).rejects.toThrow(
      'a sweep worker exited with code 134: FATAL ERROR: Reached heap limit Allocation failed',
    );
  });

  it("scales the workers' heap cap with the roster", () => {
    expect(workerHeapMb(85)).toBe(66);
    expect(workerHeapMb(13_000)).toBe(272);
    expect(workerHeapMb(26_000)).toBeGreaterThan(workerHeapMb(13_000));
  });
});
