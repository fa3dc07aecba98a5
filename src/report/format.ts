/** Small helpers shared by the plain and JSON reports. */

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
    if (line.length + piece.length > width && line.trim()) {
      lines.push(line + ',');
      line = indent + item;
    } else line += piece;
  }
  if (line.trim()) lines.push(line);
  return lines;
}

export function padRight(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function padLeft(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** A horizontal bar of `width` cells for a value in [0, max]. */
export function bar(value: number, max: number, width: number, char = '█'): string {
  const cells = max > 0 ? Math.round((Math.max(0, Math.min(value, max)) / max) * width) : 0;
  return char.repeat(cells);
}

/** Wraps prose to lines of at most `width` characters. */
export function wrapText(text: string, width = 78, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (!word) continue;
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
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
