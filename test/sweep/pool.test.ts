import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

const { runPool, workerHeapMb } = (await import(
  pathToFileURL(path.join(ROOT, 'dist', 'sweep', 'pool.js')).href
)) as typeof import('../../src/sweep/pool.js');
const ECHO = pathToFileURL(path.join(ROOT, 'test', 'sweep', 'fixtures', 'echo-worker.mjs'));
const DYING = pathToFileURL(path.join(ROOT, 'test', 'sweep', 'fixtures', 'dying-worker.mjs'));
const QUITTING = pathToFileURL(path.join(ROOT, 'test', 'sweep', 'fixtures', 'quitting-worker.mjs'));

/** Runs the pool over [0, total) and returns the lines written, in order. */
async function lines(
  workers: number,
  total: number,
  inline?: (from: number, to: number) => Uint8Array,
  readyAfterMs = 20,
  workerUrl = ECHO,
) {
  const decoder = new TextDecoder();
  let text = '';
  const end = await runPool({
    init: { readyAfterMs } as never,
    workers,
    from: 0,
    to: total,
    states: 85,
    write: (bytes) => void (text += decoder.decode(bytes)),
    stopped: () => false,
    workerUrl,
    ...(inline ? { inline } : {}),
  });
  expect(end).toBe(total);
  return text.trimEnd().split('\n');
}

describe('sweep pool', () => {
  const encoder = new TextEncoder();
  /** The main thread's share: about 20 µs a row, as a real row costs (busy, by the clock). */
  const inline = (from: number, to: number) => {
    let text = '';
    for (let pos = from; pos < to; pos++) text += `m ${pos}\n`;
    for (const until = performance.now() + 0.02 * (to - from); performance.now() < until;);
    return encoder.encode(text);
  };

  it('the main thread takes chunks beside the workers, and rows come out in position order', async () => {
    // 2 s of rows for the main thread alone: the worker starts while it computes, then shares.
    const out = await lines(2, 100_000, inline);
    expect(out.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: 100_000 }, (_, i) => i));
    const byMain = out.filter((l) => l.startsWith('m ')).length;
    // Two computing participants: the main thread and one worker, each with a share.
    expect(byMain).toBeGreaterThan(0);
    expect(byMain).toBeLessThan(100_000);
  });

  it('a worker ready too late to help is not used: the main thread finishes alone', async () => {
    // 1.2 s of rows for the main thread; the worker is ready after 0.8 s and its start-up, with
    // less than 0.4 s of rows left.
    const out = await lines(2, 60_000, inline, 800);
    expect(out).toHaveLength(60_000);
    expect(out.every((l) => l.startsWith('m '))).toBe(true);
  });

  it('without an inline share every row comes from the workers', async () => {
    const out = await lines(2, 500);
    expect(out.every((l) => l.startsWith('w '))).toBe(true);
    expect(out).toHaveLength(500);
  });

  it('a worker stopped by a signal from outside leaves its chunks to the main thread: every row, in order', async () => {
    const out = await lines(2, 100_000, inline, 20, QUITTING);
    expect(out.map((l) => Number(l.split(' ')[1]))).toEqual(Array.from({ length: 100_000 }, (_, i) => i));
    // The worker's two answered chunks are in; the two it held were computed by the main thread.
    expect(out.some((l) => l.startsWith('w '))).toBe(true);
  });

  it('with no main-thread share, workers all stopped by signals fail the run', async () => {
    await expect(lines(1, 100_000, undefined, 20, QUITTING)).rejects.toThrow(
      'every sweep worker was stopped by a signal',
    );
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
