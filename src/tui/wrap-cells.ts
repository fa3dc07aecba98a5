/**
 * Text measured and wrapped by display width (string-width, as Ink
 * measures them): a CJK character takes two cells, a combining mark none.
 * Every TUI pane that wraps rather than cuts uses `wrapCells`; padding is
 * `padRight` (src/report/format.ts), which counts the same cells.
 */
import stringWidth from 'string-width';
import { printableLine } from '../text/printable.js';

/** Cells the text takes on screen, controls shown escaped first. */
export function cellsOf(text: string): number {
  return stringWidth(printableLine(text));
}

/** The widest of the texts, in cells (0 for none). */
export function widestCells(texts: Iterable<string>): number {
  let max = 0;
  for (const t of texts) max = Math.max(max, cellsOf(t));
  return max;
}

/** A word too wide for a line, cut into pieces of at most `width` cells (by code point, never inside one). */
function pieces(word: string, width: number): string[] {
  const out: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && stringWidth(piece + ch) > width) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/**
 * The text laid into lines of at most `width` cells, breaking at spaces
 * (a word wider than a line is broken inside it); at least one line.
 * Controls from files are shown escaped first.
 */
export function wrapCells(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  for (const word of printableLine(text)
    .split(/ +/)
    .filter((x) => x !== '')) {
    for (const part of stringWidth(word) > w ? pieces(word, w) : [word]) {
      if (!line) line = part;
      else if (stringWidth(line) + 1 + stringWidth(part) <= w) line += ` ${part}`;
      else {
        lines.push(line);
        line = part;
      }
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
