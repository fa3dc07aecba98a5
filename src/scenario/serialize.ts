/**
 * Writing a what-if as a small scenario file: it `extends` the parent and
 * sets only the changed paths, so it loads back to the same values and
 * stays readable as a diff.
 */
import { stringify } from 'yaml';
import { ScenarioError } from './errors.js';

type Entry = Record<string, unknown>;

const FILE = 'what-if';

function section(doc: Entry, key: string): Entry {
  return (doc[key] ??= {}) as Entry;
}

function setOwn(target: Entry, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A what-if file that `extends` the parent and sets only the changed paths.
 * @example scenarioDiffToYaml('baseline.yaml', 'Verified', 'Intrusive verification', { 'declaration.verification': 0.9 })
 */
export function scenarioDiffToYaml(
  parentFileRelative: string,
  name: string,
  description: string,
  changes: Record<string, number>,
  /** Held actions; `free` releases a state the parent holds fixed. */
  fixed?: Record<string, 'sign' | 'abstain' | 'free'>,
): string {
  const doc: Entry = { name, description, extends: parentFileRelative };
  const states = new Map<string, Entry>();
  const stateEntry = (id: string): Entry => {
    let entry = states.get(id);
    if (!entry) {
      entry = { id };
      states.set(id, entry);
    }
    return entry;
  };
  for (const [path, value] of Object.entries(changes)) {
    if (!Number.isFinite(value)) throw new ScenarioError(FILE, path, `expected a finite number, got ${value}`);
    const parts = path.split('.');
    const [head, key] = parts;
    if ((head === 'declaration' || head === 'world' || head === 'weights') && parts.length === 2 && key) {
      setOwn(section(doc, head), key, value);
    } else if (head === 'states' && key && parts.length === 3) {
      setOwn(stateEntry(key), parts[2], value);
    } else if (head === 'states' && key && parts.length === 4 && parts[2] === 'patron' && parts[3] === 'deference') {
      stateEntry(key).patron = { deference: value };
    } else if (head === 'states' && key && parts.length === 4 && parts[2] === 'rivals') {
      const entry = stateEntry(key);
      setOwn((entry.rivals ??= {}) as Entry, parts[3], value);
    } else {
      throw new ScenarioError(
        FILE,
        path,
        'expected a path of the form declaration.<key>, world.<key>, weights.<term> or states.<ID>.…',
      );
    }
  }
  if (states.size > 0) doc.states = [...states.values()];
  if (fixed && Object.keys(fixed).length > 0) {
    const fix: Entry = {};
    for (const [id, action] of Object.entries(fixed)) setOwn(fix, id, action);
    doc.fix = fix;
  }
  return stringify(doc, { lineWidth: 0 });
}
