/** Small helpers shared by the plain and JSON reports. */
import stringWidth from 'string-width';

/**
 * The columns a string takes in a terminal: two for each East Asian wide
 * character (Chinese included), one for the rest (string-width, the measure
 * Ink uses). Every width, padding and wrap below counts in these columns.
 */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

/**
 * A number as the JSON reports write it: the full double, unrounded
 * (`JSON.stringify` prints the shortest decimal that reads back as the same
 * double, so a reader gets exactly the computed value); NaN and ±Infinity,
 * which JSON cannot hold, become null.
 */
export function jsonNumber(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function fixed(x: number, digits = 2): string {
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

export function signed(x: number, digits = 2): string {
  const s = fixed(x, digits);
  return x > 0 && !s.startsWith('-') && Number(s) !== 0 ? `+${s}` : s;
}

export function percent(p: number, digits = 0): string {
  return `${(100 * p).toFixed(digits)}%`;
}

/** Wraps a list of words to lines of at most `width` characters, each indented. */
export function wrapList(items: readonly string[], width = 78, indent = '  '): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const item of items) {
    const piece = line.trim() ? `, ${item}` : item;
    if (displayWidth(line) + displayWidth(piece) > width && line.trim()) {
      lines.push(line + ',');
      line = indent + item;
    } else line += piece;
  }
  if (line.trim()) lines.push(line);
  return lines;
}

export function padRight(s: string, n: number): string {
  const w = displayWidth(s);
  return w >= n ? s : s + ' '.repeat(n - w);
}

export function padLeft(s: string, n: number): string {
  const w = displayWidth(s);
  return w >= n ? s : ' '.repeat(n - w) + s;
}

/** A horizontal bar of `width` cells for a value in [0, max]. */
export function bar(value: number, max: number, width: number, char = '█'): string {
  const cells = max > 0 ? Math.round((Math.max(0, Math.min(value, max)) / max) * width) : 0;
  return char.repeat(cells);
}

/** The longest start of `s` that takes at most `n` columns. */
export function cutToWidth(s: string, n: number): string {
  let out = '';
  let width = 0;
  for (const ch of s) {
    const w = displayWidth(ch);
    if (width + w > n) break;
    out += ch;
    width += w;
  }
  return out;
}

/** Wide characters (CJK ideographs, kana, hangul, fullwidth forms): a line may break between any two of them. */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3040-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
/** Punctuation that never starts a line (it stays with what comes before). */
const NO_LINE_START = /^[，。、；：！？）」』》〉】…,.;:!?)\]]/;

/**
 * The pieces a line may break between: a run of narrow characters (a word)
 * or one wide character, each with whether a blank stood before it. Closing
 * punctuation is glued to the piece before it.
 */
function breakPieces(text: string): { text: string; space: boolean }[] {
  const pieces: { text: string; space: boolean }[] = [];
  let space = false;
  for (const word of text.trim().split(/(\s+)/)) {
    if (!word) continue;
    if (/^\s+$/.test(word)) {
      space = true;
      continue;
    }
    let run = '';
    const flush = () => {
      if (!run) return;
      pieces.push({ text: run, space });
      space = false;
      run = '';
    };
    for (const ch of word) {
      if (NO_LINE_START.test(ch) && !run && pieces.length && !space) {
        pieces[pieces.length - 1]!.text += ch;
      } else if (WIDE.test(ch)) {
        flush();
        pieces.push({ text: ch, space });
        space = false;
      } else run += ch;
    }
    flush();
  }
  return pieces;
}

/** Wraps prose to lines of at most `width` columns; Chinese text breaks between characters. */
export function wrapText(text: string, width = 78, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  const room = width - displayWidth(indent);
  for (const piece of breakPieces(text)) {
    const joined = line && piece.space ? `${line} ${piece.text}` : line + piece.text;
    if (line && displayWidth(joined) > room) {
      lines.push(indent + line);
      line = piece.text;
    } else line = joined;
  }
  if (line) lines.push(indent + line);
  return lines;
}

/** Every number inside a JSON-like value passed through `jsonNumber` (arrays and plain objects walked). */
export function jsonDeep(x: unknown): unknown {
  if (typeof x === 'number') return jsonNumber(x);
  if (Array.isArray(x)) return x.map(jsonDeep);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, jsonDeep(v)]));
  return x;
}
