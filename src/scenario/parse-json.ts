/**
 * JSON scenario and roster files (`.json`) are read by the platform's
 * JSON.parse after one linear scan that enforces what the YAML path
 * enforces: nesting at most MAX_DEPTH, at most MAX_JSON_VALUES values, no
 * duplicate key in an object. The YAML library spends about a kilobyte and
 * tens of microseconds per node, which is what limits YAML files to
 * MAX_VALUES values; JSON.parse spends a few bytes and tens of nanoseconds,
 * so a JSON roster of 10,000 states (about 650,000 values, 3 MB) loads in
 * well under a second.
 */
import { ScenarioError } from './errors.js';
import { MAX_DEPTH, MAX_JSON_VALUES } from './limits.js';

function position(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return `line ${line}, column ${offset - last}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// A string: no raw control character (U+0000–U+001F), escapes as RFC 8259 allows.
// eslint-disable-next-line no-control-regex -- control characters are exactly what a JSON string may not hold raw
const STRING = new RegExp('"(?:[^"\\\\\\u0000-\\u001f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4}))*"', 'y');

interface Frame {
  /** Keys seen, for an object; null for an array. */
  keys: Set<string> | null;
  /** What comes next: a key (objects), a value, or a separator / the end. */
  expect: 'key-or-end' | 'key' | 'colon' | 'value' | 'value-or-end' | 'comma-or-end';
}

/**
 * Parses JSON text into plain data. One iterative scan checks the grammar
 * (RFC 8259), nesting, the number of values and duplicate keys, and names
 * the line and column of the first problem without echoing the file; then
 * JSON.parse builds the value.
 */
export function parseJsonText(text: string, file: string): unknown {
  const stack: Frame[] = [];
  let values = 0;
  let i = 0;
  let done = false;
  const fail = (at: number, what: string): never => {
    throw new ScenarioError(file, position(text, at), `expected valid JSON: ${what}`);
  };
  const skip = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  /** After a complete value: the enclosing container's next expectation. */
  const valueDone = () => {
    values++;
    if (values > MAX_JSON_VALUES)
      throw new ScenarioError(
        file,
        position(text, i),
        `expected at most ${MAX_JSON_VALUES} JSON values; scenario files are limited in size`,
      );
    const top = stack[stack.length - 1];
    if (top) top.expect = 'comma-or-end';
    else done = true;
  };
  skip();
  if (i >= text.length) fail(i, 'a value');
  while (i < text.length) {
    skip();
    if (i >= text.length) break;
    if (done) fail(i, 'the end of the file after the top-level value');
    const top = stack[stack.length - 1];
    const c = text[i];
    if (top && top.expect === 'comma-or-end') {
      if (c === ',') {
        top.expect = top.keys ? 'key' : 'value';
        i++;
      } else if (c === (top.keys ? '}' : ']')) {
        stack.pop();
        i++;
        valueDone();
        values--; // the container was counted when it opened
      } else fail(i, `"," or "${top.keys ? '}' : ']'}"`);
      continue;
    }
    if (top && top.expect === 'colon') {
      if (c !== ':') fail(i, '":" after the key');
      top.expect = 'value';
      i++;
      continue;
    }
    if (top && (top.expect === 'key' || top.expect === 'key-or-end')) {
      if (c === '}' && top.expect === 'key-or-end') {
        stack.pop();
        i++;
        valueDone();
        values--;
        continue;
      }
      STRING.lastIndex = i;
      const m = STRING.exec(text);
      if (!m) fail(i, top.expect === 'key' ? 'a key (a string in double quotes)' : 'a key or "}"');
      const raw = m![0];
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (top.keys!.has(key)) fail(i, 'duplicate key (each key may appear once in a mapping)');
      top.keys!.add(key);
      top.expect = 'colon';
      i += raw.length;
      continue;
    }
    // A value is expected (top level, after ":" or in an array).
    if (top && top.expect === 'value-or-end' && c === ']') {
      stack.pop();
      i++;
      valueDone();
      values--;
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= MAX_DEPTH)
        throw new ScenarioError(file, position(text, i), `expected at most ${MAX_DEPTH} levels of nesting`);
      values++;
      stack.push(c === '{' ? { keys: new Set(), expect: 'key-or-end' } : { keys: null, expect: 'value-or-end' });
      i++;
      continue;
    }
    let length: number;
    if (c === '"') {
      STRING.lastIndex = i;
      const m = STRING.exec(text);
      if (!m) fail(i, 'a string closed by " (control characters escaped)');
      length = m![0].length;
    } else if (text.startsWith('true', i)) length = 4;
    else if (text.startsWith('false', i)) length = 5;
    else if (text.startsWith('null', i)) length = 4;
    else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail(i, 'a value (a string, number, true, false, null, object or array)');
      length = m![0].length;
    }
    i += length;
    valueDone();
  }
  if (!done) fail(text.length, stack.length ? `the rest of the file (${stack.length} open bracket(s))` : 'a value');
  return JSON.parse(text) as unknown;
}
