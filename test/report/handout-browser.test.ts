/**
 * The HTML handouts in a real browser, headless Chromium (Debian's
 * `chromium`; .ci/run installs it): the baseline with the United States and
 * China, and the baseline compared with the full prescription. Each renders
 * (a screenshot that is not blank: text, and the blue of the charts), prints
 * to PDF on A4 (and on Letter with --paper letter), and logs nothing to the
 * console: no script error and no blocked load (the handout's
 * Content-Security-Policy logs any attempt to load something).
 *
 * Without Chromium the test fails, naming how to install it; it is skipped
 * only with SIGNATORY_NO_BROWSER=1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';
import { countPixels, decodePng } from './png.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const FULL = path.join(ROOT, 'scenarios', 'what-if', 'full-prescription.yaml');
const SKIP = process.env.SIGNATORY_NO_BROWSER === '1';
const CHROMIUM = ['chromium', 'chromium-browser'].find((c) => spawnSync(c, ['--version']).status === 0);
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs headless Chromium on a local file; returns its stderr (console messages are logged there). */
function chromium(file: string, ...args: string[]): string {
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      `--user-data-dir=${path.join(dir, `profile-${path.basename(file)}-${args.length}`)}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(r.error, String(r.error)).toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

/** Console messages and uncaught errors in Chromium's log. */
const consoleLines = (stderr: string): string[] =>
  stderr.split('\n').filter((l) => /:CONSOLE[:(]|ERROR:CONSOLE|Uncaught/.test(l));

const dark = ([r, g, b]: [number, number, number]): boolean => r + g + b < 200;
const notWhite = ([r, g, b]: [number, number, number]): boolean => r + g + b < 740;
/** The chart's blue (#2c6fb0 and its paler tint). */
const blue = ([r, , b]: [number, number, number]): boolean => b > 150 && b - r > 60;

/** The PDF's page sizes in points, from the page objects' MediaBox. */
function pageSizes(pdf: Buffer): [number, number][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

describe.skipIf(SKIP)('the HTML handout in headless Chromium', () => {
  it('finds Chromium (apt-get install chromium; SIGNATORY_NO_BROWSER=1 skips these tests)', () => {
    expect(CHROMIUM, 'no chromium on PATH: apt-get install -y chromium, or set SIGNATORY_NO_BROWSER=1').toBeDefined();
  });

  it('reports a console error: the check can fail', () => {
    if (!CHROMIUM) throw new Error('no chromium on PATH');
    const bad = path.join(dir, 'bad.html');
    writeFileSync(bad, '<!DOCTYPE html><title>x</title><p>x</p><script>undefinedFunction()</script>');
    const lines = consoleLines(chromium(bad, `--screenshot=${path.join(dir, 'bad.png')}`, '--window-size=400,300'));
    expect(lines.join('\n')).toContain('Uncaught ReferenceError');
  }, 150_000);

  it.each([
    ['baseline', [BASE, '--states', 'USA,CHN']],
    ['full-prescription', [BASE, '--compare', FULL]],
  ])(
    '%s: renders, is not blank, prints to A4 PDF, logs nothing to the console',
    async (name, args) => {
      if (!CHROMIUM) throw new Error('no chromium on PATH');
      const html = path.join(dir, `${name}.html`);
      const r = await cli(['report', ...args, '--format', 'html', '--out', html]);
      expect(r.status, r.stderr).toBe(0);

      const png = path.join(dir, `${name}.png`);
      const shot = chromium(html, `--screenshot=${png}`, '--window-size=1024,1400');
      expect(consoleLines(shot)).toEqual([]);
      const img = decodePng(readFileSync(png));
      expect([img.width, img.height]).toEqual([1024, 1400]);
      // Text on the page (title, tables) and ink overall.
      expect(countPixels(img, 0, 1400, dark)).toBeGreaterThan(20_000);
      expect(countPixels(img, 0, 1400, notWhite)).toBeGreaterThan(100_000);
      // The tally chart's bars, in the first screen.
      expect(countPixels(img, 0, 1400, blue)).toBeGreaterThan(3_000);

      const pdf = path.join(dir, `${name}.pdf`);
      const printed = chromium(html, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer');
      expect(consoleLines(printed)).toEqual([]);
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(statSync(pdf).size).toBeGreaterThan(30_000);
      expect(statSync(pdf).size).toBeLessThan(10_000_000);
      const pages = pageSizes(bytes);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      // A4: 210 × 297 mm = 595.3 × 841.9 pt.
      for (const [w, h] of pages) {
        expect(Math.abs(w - 595.3)).toBeLessThan(2);
        expect(Math.abs(h - 841.9)).toBeLessThan(2);
      }
    },
    300_000,
  );

  it('prints on Letter with --paper letter', async () => {
    if (!CHROMIUM) throw new Error('no chromium on PATH');
    const html = path.join(dir, 'letter.html');
    const r = await cli(['report', BASE, '--format', 'html', '--paper', 'letter', '--out', html]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = path.join(dir, 'letter.pdf');
    expect(consoleLines(chromium(html, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer'))).toEqual([]);
    const pages = pageSizes(readFileSync(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Letter: 8.5 × 11 in = 612 × 792 pt.
    for (const [w, h] of pages) {
      expect(Math.abs(w - 612)).toBeLessThan(2);
      expect(Math.abs(h - 792)).toBeLessThan(2);
    }
  }, 150_000);
});
