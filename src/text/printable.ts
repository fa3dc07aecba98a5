/**
 * The one sanitizer for text that came from a file (or an argument) and is
 * about to be shown: names, descriptions, ids, labels, file names, error
 * echoes. Terminal and bidirectional controls are written as visible
 * escapes (`\u001b`, `\u202e`), so a shared file can neither send escape
 * sequences to a terminal (clear the screen, forge a line, write to the
 * clipboard) nor reorder what is read.
 *
 * Escaped: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls
 * (U+0080–U+009F) and the bidirectional controls U+061C, U+200E, U+200F,
 * U+202A–U+202E and U+2066–U+2069. In multi-line text (a report, a
 * description) line feed and tab are kept; in one-line text they become
 * `\n` and `\t`. `\uXXXX` is also the JSON escape of the same character, so
 * a JSON document passed through stays valid and means the same.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control escaped; line feeds and tabs kept unless `oneLine`. */
export function printable(text: string, oneLine = false): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return oneLine ? '\\n' : c;
    if (c === '\t') return oneLine ? '\\t' : c;
    return escape(c);
  });
}

/** One line of text for a message or a table cell: line feeds and tabs escaped too. */
export function printableLine(text: string): string {
  return printable(text, true);
}

/**
 * Index of the first character `printable` would escape, or -1; line feed
 * and tab count only when `oneLine`. The loader refuses such text with it.
 */
export function firstControl(text: string, oneLine = false): number {
  for (const m of text.matchAll(UNSAFE)) {
    if (oneLine || (m[0] !== '\n' && m[0] !== '\t')) return m.index;
  }
  return -1;
}
