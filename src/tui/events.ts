/**
 * The real events the timeline pane lists: one scenario file per
 * instrument under `scenarios/events/` (docs/scenario-format.md). A row's
 * date, instrument and observed tally are read from the file's own keys,
 * so a row shows even when the file does not load; the modelled tallies
 * come from loading the file and running it through the core
 * (`eventTally`), one file at a time (use-event-tallies.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runScenario } from '../analysis/run.js';
import type { Scenario } from '../model/scenario.js';
import { isIsoDate } from '../scenario/dated.js';
import { ScenarioError } from '../scenario/errors.js';

const EVENT_FILE = /\.(ya?ml|json)$/i;
/** Event files are small; a larger file is listed, not read. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
/** A folder of events is a handful of files: stop long before a stray folder makes the pane slow. */
const MAX_EVENTS = 200;

export interface EventFile {
  /** Absolute path. */
  file: string;
  /** The file name, as the pane shows it when nothing better is known. */
  label: string;
  /** `date:` of the file (`YYYY-MM-DD`), when it has a valid one. */
  date?: string;
  /** `event.instrument`, else the scenario's `name`, else the file name. */
  instrument: string;
  /** `event.kind`, e.g. `un-vote`. */
  kind?: string;
  /** The observed tally: `observed.counts.signed`, else the number of named signers. */
  observedSigned?: number;
  /** Of how many, when the file says: the three counts added up, `observed.total`, or the participants. */
  observedOf?: number;
  /** Why the file's keys could not be read (the row stays, with this). */
  problem?: string;
}

/** What running an event file gives, or why it could not be loaded. */
export type EventTally =
  | {
      ok: true;
      /** States that take part. */
      total: number;
      /** Signers in the least and the greatest equilibrium. */
      least: number;
      greatest: number;
      /** The QRE's expected tally. */
      qreMean: number;
    }
  | { ok: false; error: string };

type Entry = Record<string, unknown>;

const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;

/** The first line of an error's message: the pane has one line per event. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0].trim() || 'unknown error';
}

/** The keys the pane shows, read from one event file without loading it as a scenario. */
export function readEventFile(file: string): EventFile {
  const label = path.basename(file);
  const row: EventFile = { file, label, instrument: label.replace(EVENT_FILE, '') };
  let doc: unknown;
  try {
    if (statSync(file).size > MAX_HEADER_BYTES) return { ...row, problem: 'file too large to list' };
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ...row, problem: `could not read: ${oneLine(error)}` };
  }
  if (!isEntry(doc)) return { ...row, problem: 'could not read: not a scenario (expected a mapping)' };
  if (isIsoDate(doc.date)) row.date = doc.date;
  if (typeof doc.name === 'string' && doc.name.trim()) row.instrument = doc.name.trim();
  if (isEntry(doc.event)) {
    if (typeof doc.event.instrument === 'string' && doc.event.instrument.trim())
      row.instrument = doc.event.instrument.trim();
    if (typeof doc.event.kind === 'string') row.kind = doc.event.kind;
  }
  const observed = doc.observed;
  if (isEntry(observed)) {
    const counts = isEntry(observed.counts) ? observed.counts : undefined;
    row.observedSigned = count(counts?.signed) ?? (Array.isArray(observed.signed) ? observed.signed.length : undefined);
    const parts = counts ? [count(counts.signed), count(counts.notSigned), count(counts.absent)] : [];
    row.observedOf =
      parts.length && parts.every((p) => p !== undefined)
        ? (parts as number[]).reduce((a, b) => a + b, 0)
        : (count(observed.total) ?? (Array.isArray(doc.participants) ? doc.participants.length : undefined));
  }
  return row;
}

/** The event files directly in `dir`, oldest first (undated ones last); a missing folder gives none. */
export function listEventFiles(dir: string): EventFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith('.') && EVENT_FILE.test(e.name))
      .map((e) => e.name)
      .sort()
      .slice(0, MAX_EVENTS);
  } catch {
    return [];
  }
  const rows = names.map((name) => readEventFile(path.join(dir, name)));
  const key = (r: EventFile) => r.date ?? '9999-99-99';
  return rows.sort((a, b) => key(a).localeCompare(key(b)) || a.label.localeCompare(b.label));
}

/**
 * Loads one event file and runs it as it stands (at its own date) through
 * the core: the least and greatest equilibria and the QRE's expected
 * tally. Never throws: a file that does not load gives its one-line error.
 */
export function eventTally(file: string, load: (file: string) => Scenario): EventTally {
  try {
    const run = runScenario(load(file));
    return {
      ok: true,
      total: run.scenario.states.length,
      least: run.equilibria.least.signed,
      greatest: run.equilibria.greatest.signed,
      qreMean: run.tally.mean,
    };
  } catch (error) {
    return { ok: false, error: loadError(error, file) };
  }
}

/** The loader's one line, without the file's own name (its row says which file); another file of its chain keeps its name. */
function loadError(error: unknown, file: string): string {
  if (!(error instanceof ScenarioError)) return oneLine(error);
  const where = error.file && path.resolve(error.file) !== path.resolve(file) ? path.basename(error.file) : '';
  return oneLine(new Error([where, error.path, error.expected].filter((p) => p !== '').join(': ')));
}
