/** Small helpers for driving the Ink app in tests: keys, and polling for a frame instead of sleeping. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASELINE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
export const SCENARIOS = path.join(ROOT, 'scenarios');
export const TWENTY = path.join(ROOT, 'test', 'tui', 'fixtures', 'twenty.yaml');

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  shiftRight: '\u001B[1;2C',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlU: '\u0015',
} as const;

/** Polls until `check` returns a value (not undefined/false) or throws after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: string | (() => string),
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `timed out waiting for ${typeof what === 'string' ? what : what()}${last ? `: ${(last as Error).message}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Driven {
  lastFrame(): string | undefined;
  stdin: { write(data: string): void };
}

/** The last frame, never undefined. */
export function screen(r: Driven): string {
  return r.lastFrame() ?? '';
}

/** Waits until the screen contains `text` and returns the screen. */
export function waitForText(r: Driven, text: string | RegExp, timeoutMs?: number): Promise<string> {
  return waitFor(
    () => {
      const s = screen(r);
      return (typeof text === 'string' ? s.includes(text) : text.test(s)) ? s : undefined;
    },
    `screen to show ${String(text)}\n--- last screen ---\n${screen(r)}`,
    timeoutMs,
  );
}

/** Writes one key, then waits for Ink to have read it (the next macrotask). */
export async function press(r: Driven, key: string, times = 1): Promise<void> {
  for (let k = 0; k < times; k++) {
    r.stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** "35 sign · 50 abstain" as the tally pane writes it. */
export function tallyText(signed: number, total: number): RegExp {
  return new RegExp(`\\b${signed} sign( \\([+-]\\d+\\))? · ${total - signed} abstain`);
}
