/**
 * Finding the state a user names: by id in any case (`usa`), by English
 * name (`"United States"`, `cote d'ivoire`), or by its Traditional Chinese
 * name from the platform's locale data (`美國`), with "did you mean" over
 * them all when nothing matches. Every place a user names a state (a command's
 * arguments, `--fix`, `--state`, a seek target) goes through here.
 */
import { InputError, type LocalizedMessage } from '../errors/input-error.js';
import { otherNames } from '../i18n/state-names.js';
import { closest, didYouMean } from './suggest.js';

/** What a lookup needs of a state. */
export interface NamedState {
  id: string;
  name: string;
}

/** Folded for comparison: case, accents, curly apostrophes and runs of blanks do not matter. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The one match of `text` among `states`, -1 for none, or the indices of several (an ambiguous name). */
function matches(states: readonly NamedState[], text: string): number | number[] {
  const exact = states.findIndex((s) => s.id === text);
  if (exact >= 0) return exact;
  const key = foldName(text);
  if (key === '') return -1;
  const fields: ((s: NamedState) => string[])[] = [(s) => [s.id], (s) => [s.name], (s) => otherNames(s.id)];
  for (const field of fields) {
    const found: number[] = [];
    states.forEach((s, i) => {
      if (field(s).some((n) => foldName(n) === key)) found.push(i);
    });
    if (found.length === 1) return found[0];
    if (found.length > 1) return found;
  }
  return -1;
}

/** The index of the state `text` names (id in any case, English or Chinese name), or -1. */
export function findState(states: readonly NamedState[], text: string): number {
  const m = matches(states, text);
  return typeof m === 'number' ? m : -1;
}

/** Why `text` names no state: the reason with a suggestion, for an error message. */
export function unknownState(states: readonly NamedState[], text: string): string {
  const m = matches(states, text);
  const shown = JSON.stringify(text.slice(0, 40)).slice(1, -1);
  if (Array.isArray(m))
    return `'${shown}' names ${m.length} states (${m.map((i) => states[i].id).join(', ')}); give the id`;
  const hint = didYouMean(text, knownWords(states));
  const ids = states.map((s) => s.id);
  const some = `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}`;
  return `unknown state '${shown}'${hint}; expected a state id or English name (the scenario has ${ids.length} states: ${some})`;
}

/** Every word a state is found by, for "did you mean". */
function knownWords(states: readonly NamedState[]): string[] {
  return states.flatMap((s) => [s.id, s.name, ...otherNames(s.id)]);
}

/** The same reason as `unknownState`, as a catalogue key and its values, for the shells to translate. */
export function unknownStateMessage(states: readonly NamedState[], text: string): LocalizedMessage {
  const m = matches(states, text);
  const word = JSON.stringify(text.slice(0, 40)).slice(1, -1);
  if (Array.isArray(m))
    return {
      key: 'cli.ambiguousState',
      params: { word, count: m.length, list: m.map((i) => states[i].id).join(', ') },
    };
  const ids = states.map((s) => s.id);
  const suggestion = closest(text, knownWords(states));
  return {
    key: 'cli.unknownState',
    params: { word, count: ids.length, some: `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}` },
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}

/** The index of the state `text` names, or an InputError naming it, with "did you mean". */
export function stateIndexOf(states: readonly NamedState[], text: string): number {
  const i = findState(states, text);
  if (i < 0) throw new InputError(unknownState(states, text), unknownStateMessage(states, text));
  return i;
}
