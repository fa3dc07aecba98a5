/**
 * One text field's editing, whatever the terminal delivers at once. Ink
 * hands a burst of keys (a paste, keys sent together, Backspace held down)
 * to the input handler as one string, and recognises a key only when it
 * arrives alone: three Backspaces together are the string "\x7f\x7f\x7f",
 * not three Backspace keys. So a field reads every character of the burst:
 * DEL and BS delete one character, Ctrl-U clears, Ctrl-W deletes a word,
 * Enter submits, other control characters (bidi controls included) are
 * dropped, the rest is text.
 */
import { firstControl } from '../text/printable.js';

/** What of a key event the editing needs (Ink's `Key`, in part). */
export interface FieldKey {
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
}

export interface LineEdit {
  /** The field's text after the keys. */
  text: string;
  /** Enter was pressed (the text is complete; anything after it in the burst is dropped). */
  submit: boolean;
  /** Esc was pressed. */
  cancel: boolean;
}

/** The text without its last character (a whole code point: an emoji or a CJK character at once). */
function dropLast(text: string): string {
  const chars = Array.from(text);
  chars.pop();
  return chars.join('');
}

/** The text without its last word and the blanks after it (Ctrl-W). */
function dropWord(text: string): string {
  return text.replace(/\S*\s*$/u, '');
}

/** Applies one input event (a key, or a burst of characters) to a field's text. */
export function editLine(text: string, input: string, key: FieldKey): LineEdit {
  const done = (t: string, submit = false, cancel = false): LineEdit => ({ text: t, submit, cancel });
  if (key.escape && (input === '' || input === '\u001b')) return done(text, false, true);
  if (key.return) return done(text, true);
  if (key.backspace || key.delete) return done(dropLast(text));
  if (key.ctrl) {
    if (input === 'u') return done('');
    if (input === 'w') return done(dropWord(text));
    return done(text);
  }
  // Keys that move rather than type (arrows, Tab …) leave the text alone.
  if (
    key.tab ||
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end
  )
    return done(text);
  let t = text;
  for (const ch of input) {
    if (ch === '\u007f' || ch === '\b') t = dropLast(t);
    else if (ch === '\u0015') t = '';
    else if (ch === '\u0017') t = dropWord(t);
    else if (ch === '\r' || ch === '\n') return done(t, true);
    // The characters a file may not hold in a name (src/text/printable.ts): a key, not text.
    else if (firstControl(ch, true) >= 0) continue;
    else t += ch;
  }
  return done(t);
}
