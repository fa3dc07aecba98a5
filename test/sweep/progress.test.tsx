import fc from 'fast-check';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { duration, groupDigits, progressLine, progressTracker } from '../../src/sweep/progress-rate.js';
import { SweepProgress } from '../../src/sweep/progress-view.js';

describe('sweep progress', () => {
  it('computes rate and time left from the rows done since start (resumed rows excluded)', () => {
    let now = 0;
    const track = progressTracker(() => now);
    expect(track(400, 1400).eta).toBeUndefined();
    now = 2000;
    const p = track(600, 1400);
    expect(p.rate).toBe(100);
    expect(p.eta).toBe(8);
    expect(progressLine(p)).toBe('sweep: 600/1,400 rows (42%) · 100 rows/s · 0:08 left');
    expect(duration(3725)).toBe('1:02:05');
  });

  it('draws a bar with rows, rate and time left', () => {
    const { lastFrame } = render(<SweepProgress progress={{ done: 50, total: 100, rate: 12.4, eta: 4 }} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('█'.repeat(15));
    expect(frame).toContain('50/100 rows · 12/s · 0:04 left');
  });

  it('groups digits as toLocaleString("en-US") does, for any whole number (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.maxSafeInteger(),
          fc.double({ min: -1e22, max: 1e22, noNaN: true }).map((x) => Math.round(x) + 0), // + 0: no −0
        ),
        (n) => {
          expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
        },
      ),
      { numRuns: 2000 },
    );
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(-1234567)).toBe('-1,234,567');
  });
});
