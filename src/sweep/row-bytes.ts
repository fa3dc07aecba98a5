/**
 * A growable byte buffer that sweep rows are written into directly: digits
 * of whole numbers without building strings, ASCII text char by char, and
 * pre-encoded pieces (JSON keys, memoised parameter values) copied as
 * bytes. A row thus costs no string concatenation and no garbage.
 */

import { decimalDigits } from '../text/digits.js';

const DIGITS = new Uint8Array(20);

export class RowBuffer {
  bytes: Uint8Array;
  length = 0;

  /** A buffer of `capacity` bytes to start with; it grows as needed. */
  constructor(capacity = 64 * 1024) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** Pre-encoded bytes. */
  raw(piece: Uint8Array): void {
    const n = piece.length;
    this.reserve(n);
    // Row pieces are a few bytes: a loop beats the call into a native copy.
    if (n < 32) {
      const b = this.bytes;
      let at = this.length;
      for (let i = 0; i < n; i++) b[at++] = piece[i];
    } else this.bytes.set(piece, this.length);
    this.length += n;
  }

  /** Text known to be ASCII (formatted numbers). */
  ascii(text: string): void {
    const n = text.length;
    this.reserve(n);
    const b = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) b[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /** A non-negative safe integer in decimal, as `String(v)` writes it. */
  natural(v: number): void {
    if (v < 10) {
      this.byte(48 + v);
      return;
    }
    const digits = decimalDigits(v, DIGITS);
    this.reserve(digits);
    const b = this.bytes;
    let at = this.length;
    for (let k = digits - 1; k >= 0; k--) b[at++] = 48 + DIGITS[k];
    this.length = at;
  }

  /** Starts over, keeping the storage. */
  clear(): void {
    this.length = 0;
  }

  /** The bytes written, as a view (valid until the next write or clear). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
