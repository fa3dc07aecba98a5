import { t } from '../i18n/messages.js';
import { useApp, useInput } from 'ink';
import path from 'node:path';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSyncState } from './use-sync-state.js';
import { explainState, type Explanation } from '../analysis/explain.js';
import type { StateOutcome } from '../analysis/run.js';
import type { Scenario } from '../model/scenario.js';
import { loadScenario } from '../scenario/load.js';
import { PANES, type PaneId } from './panes.js';
import { SLIDERS } from './parameters.js';
import {
  changesKey,
  defaultExportPath,
  defaultWhatIfName,
  defaultWhatIfPath,
  describeChanges,
  exportResult,
  FileExistsError,
  overriddenOnLoad,
  saveWhatIf,
} from './save.js';
import { editLine } from './line-edit.js';
import { listScenarioFiles, type ScenarioFile } from './scenario-files.js';
import { changesAround, dateStops, type ChangeNote } from './dates.js';
import { listEventFiles, type EventFile, type EventTally } from './events.js';
import { dateRefusal, isChanged, isDated, stepStop, SUBGAME_PAIR, UNDATED, type Session } from './session.js';
import { SORT_KEYS, sortStates, type SortOrder } from './state-order.js';
import { useCascadeReplay, type CascadeReplay } from './use-cascade-replay.js';
import { useEventTallies } from './use-event-tallies.js';
import { useFlipThresholds, type FlipProgress } from './use-flip-thresholds.js';
import { useScenarioState } from './use-scenario-state.js';
import { useSeek, type SeekView } from './use-seek.js';

export type Mode = 'normal' | 'help' | 'about' | 'picker' | 'prompt' | 'search' | 'discard';

export interface Prompt {
  kind: 'save' | 'export' | 'date';
  /** The file name being typed, relative to the working directory; or the date (YYYY-MM-DD). */
  text: string;
  /** True while asking whether to overwrite an existing file. */
  confirm: boolean;
  /** Saving: the what-if's name, typed after the file name (`naming` while it is typed). */
  name?: string;
  naming?: boolean;
}

/** What the user asked for that would lose an unsaved what-if, held until they confirm. */
export type Discard = { then: 'quit' } | { then: 'open'; file: ScenarioFile };

export interface Message {
  text: string;
  tone: 'info' | 'error' | 'change';
}

export interface ExplorerOptions {
  /** The scenario to open with. */
  initial: Scenario;
  /** Where relative file names typed by the user are resolved. */
  cwd: string;
  /** The folder the picker lists, recursively. */
  scenariosDir: string;
  /** True when the sliders stay on screen beside the other panes. */
  wide: boolean;
  /** Rows the States pane shows, for PgUp/PgDn. */
  pageRows: number;
  /** Loads a picked file; defaults to the scenario loader. */
  load?: (file: string) => Scenario;
  /** The folder of event files the timeline pane lists (scenarios/events/). */
  eventsDir: string;
  /** Lines of the help (keys and glossary, `?`) or the description (`i`) of a session, for scrolling them. */
  readerLines?: (page: 'help' | 'about', session: Session) => number;
  /** How many of those lines fit on screen. */
  helpRows?: number;
  /** The seek worker script; defaults to the built one beside the UI (tests running the sources pass dist's). */
  seekWorker?: URL;
}

/** The date control and the events, as the timeline pane shows them. */
export interface TimelineView {
  /** False for a scenario without dated data: the date keys only say so. */
  dated: boolean;
  /** The dates `[` and `]` step through. */
  stops: string[];
  since: ChangeNote[];
  next: ChangeNote[];
  events: EventFile[];
  /** Modelled tallies computed so far, by file. */
  tallies: ReadonlyMap<string, EventTally>;
  /** Row of the selected event. */
  eventRow: number;
}

export interface Explorer {
  session: Session;
  /** The pane that has the keys. */
  pane: PaneId;
  /** The pane shown on the right in the wide layout (never the sliders, which are always on the left there). */
  rightPane: Exclude<PaneId, 'params'>;
  mode: Mode;
  paramIndex: number;
  order: SortOrder;
  /** The states in table order. */
  states: StateOutcome[];
  /** Row of the selected state in `states`. */
  stateRow: number;
  explanation?: Explanation;
  flips: FlipProgress;
  /** The Why pane's seek (`k`): the smallest change that makes the selected state sign. */
  seek: SeekView;
  cascade: CascadeReplay;
  blocTop: number;
  /** First line of the help shown. */
  helpTop: number;
  files: ScenarioFile[];
  pickerIndex: number;
  prompt?: Prompt;
  search?: string;
  /** Set while asking whether to discard the unsaved what-if. */
  discard?: Discard & { changes: number };
  message: Message;
  timeline: TimelineView;
}

function initialStateId(scenario: Scenario): string | undefined {
  return scenario.states.find((s) => s.id === SUBGAME_PAIR[0])?.id ?? scenario.states[0]?.id;
}

/** What the last edit did, in a line: the date's move, the tally's move and who flipped. */
export function flipSummary(session: Session): Message {
  if (session.previousSigned === undefined) return { text: t('status.start'), tone: 'info' };
  const moved = session.previousDate !== undefined && session.previousDate !== session.base.date;
  const summary = tallySummary(session);
  return moved
    ? { text: `Date ${session.previousDate} → ${session.base.date ?? 'as loaded'} · ${summary.text}`, tone: 'change' }
    : summary;
}

function tallySummary(session: Session): Message {
  const now = session.run.equilibria.least.signed;
  const up = [...session.flipped].filter(([, s]) => s).map(([id]) => id);
  const down = [...session.flipped].filter(([, s]) => !s).map(([id]) => id);
  if (!up.length && !down.length) return { text: t('status.noChange', { now }), tone: 'info' };
  const parts = [t('status.tally', { before: session.previousSigned ?? now, now })];
  if (up.length) parts.push(t('status.nowSign', { list: up.join(' ') }));
  if (down.length) parts.push(t('status.nowAbstain', { list: down.join(' ') }));
  return { text: parts.join(' · '), tone: 'change' };
}

/** True when the session has changes that were not saved as they are now. */
export function isUnsaved(session: Session, savedKey: string | undefined): boolean {
  return isChanged(session) && changesKey(session) !== savedKey;
}

/**
 * All the state of the explorer and its keys: which pane has focus, the
 * selected slider and state, the sort order, prompts, the picker and the
 * last message. Components only draw what this returns.
 */
export function useExplorer(options: ExplorerOptions): Explorer {
  const { cwd, scenariosDir, wide, pageRows } = options;
  const load = options.load ?? ((file: string) => loadScenario(file));
  const { exit } = useApp();
  const { session, edit } = useScenarioState(options.initial);
  const [pane, setPane, paneRef] = useSyncState<PaneId>('params');
  const [rightPane, setRightPane] = useState<Exclude<PaneId, 'params'>>('states');
  const [mode, setMode, modeRef] = useSyncState<Mode>('normal');
  const [paramIndex, setParamIndex, paramRef] = useSyncState(0);
  const [order, setOrder] = useState<SortOrder>({ key: 'delta', reversed: false });
  const [selectedId, setSelectedId] = useState(() => initialStateId(options.initial));
  const [blocTop, setBlocTop] = useState(0);
  const [helpTop, setHelpTop] = useState(0);
  const page = mode === 'about' ? 'about' : 'help';
  const helpMax = Math.max(0, (options.readerLines?.(page, session) ?? 0) - (options.helpRows ?? 0));
  const helpPage = Math.max(1, (options.helpRows ?? 1) - 1);
  const [files, setFiles, filesRef] = useSyncState<ScenarioFile[]>([]);
  const [pickerIndex, setPickerIndex, pickerRef] = useSyncState(0);
  const [prompt, setPrompt, promptRef] = useSyncState<Prompt | undefined>(undefined);
  const [search, setSearch, searchRef] = useSyncState('');
  const [discard, setDiscard, discardRef] = useSyncState<Discard | undefined>(undefined);
  // The changes as last saved: quitting or opening another file asks first only when they differ.
  const [, setSavedKey, savedKeyRef] = useSyncState<string | undefined>(undefined);
  // Keys can arrive before the render that follows an edit: the session as last solved, and
  // whether an edit is still on its way, so `q` right after a slider move still asks.
  const sessionRef = useRef(session);
  const editPending = useRef(false);
  useEffect(() => {
    sessionRef.current = session;
    editPending.current = false;
  }, [session]);
  const unsaved = () => editPending.current || isUnsaved(sessionRef.current, savedKeyRef.current);
  // A message of our own (saved, error) until the next edit replaces it with the flip summary.
  const [message, setMessage] = useState<Message>();

  const states = useMemo(() => sortStates(session.run.states, order), [session.run, order]);
  const stateRow = Math.max(
    0,
    states.findIndex((s) => s.id === selectedId),
  );
  const selected = states[stateRow];
  const selectedState = selected?.id;
  const explanation = useMemo(
    () => (selectedState ? explainState(session.run, selectedState, false) : undefined),
    [session.run, selectedState],
  );
  const shown: PaneId[] = wide ? ['params', pane === 'params' ? rightPane : pane] : [pane];
  const flips = useFlipThresholds(
    session.run,
    session.structure,
    selected?.id,
    mode === 'normal' && shown.includes('why'),
  );
  const seeker = useSeek(session.run, selected?.id, options.seekWorker);
  const drawn = useRef({ session, selected });
  drawn.current = { session, selected };
  const cascade = useCascadeReplay(session.run.equilibria.least.rounds.length, session.run);
  const events = useMemo(() => listEventFiles(options.eventsDir), [options.eventsDir]);
  const [eventRow, setEventRow, eventRowRef] = useSyncState(0);
  const tallies = useEventTallies(events, load, mode === 'normal' && shown.includes('timeline'));
  const dated = isDated(session.loaded);
  const stops = useMemo(
    () =>
      dateStops(
        session.loaded,
        events.flatMap((e) => (e.date ? [e.date] : [])),
      ),
    [session.loaded, events],
  );
  const around = useMemo(() => changesAround(session.loaded, session.base.date), [session.loaded, session.base.date]);

  const apply: typeof edit = (e) => {
    setMessage(undefined);
    editPending.current = true;
    edit(e);
  };
  const goTo = (next: PaneId) => {
    setPane(next);
    if (next !== 'params') setRightPane(next);
  };
  // Functional updates throughout: several keys can arrive before the next render.
  const moveState = (delta: number) => {
    if (!states.length) return;
    setSelectedId((id) => {
      const row = Math.max(
        0,
        states.findIndex((s) => s.id === id),
      );
      return states[Math.max(0, Math.min(states.length - 1, row + delta))].id;
    });
  };
  const nudge = (step: 'coarse' | 'fine', sign: 1 | -1) => {
    const spec = SLIDERS[paramRef.current];
    apply({ kind: 'step', path: spec.path, delta: sign * spec[step] });
  };
  const write = (p: Prompt, overwrite: boolean) => {
    const target = path.resolve(cwd, p.text.trim());
    try {
      const outcome =
        p.kind === 'save'
          ? saveWhatIf(session, target, overwrite, p.name?.trim() || defaultWhatIfName(session))
          : exportResult(session, target, overwrite);
      if (p.kind === 'save') setSavedKey(changesKey(session));
      const shownName = path.relative(cwd, outcome.file) || outcome.file;
      const lost = p.kind === 'save' ? overriddenOnLoad(session) : [];
      const note = lost.length ? ` · on load, the dated value at ${session.base.date} replaces ${lost.join(', ')}` : '';
      const named = p.kind === 'save' ? ` as "${p.name?.trim() || defaultWhatIfName(session)}"` : '';
      setMessage({
        text: `${t(p.kind === 'save' ? 'status.saved' : 'status.exported', { file: shownName })}${named}${note}`,
        tone: 'info',
      });
      setPrompt(undefined);
      setMode('normal');
    } catch (error) {
      if (error instanceof FileExistsError) setPrompt({ ...p, confirm: true });
      else {
        setMessage({ text: `Could not write ${p.text}: ${(error as Error).message}`, tone: 'error' });
        setPrompt(undefined);
        setMode('normal');
      }
    }
  };
  const openPrompt = (kind: Prompt['kind']) => {
    if (kind === 'save' && !session.base.file)
      return setMessage({ text: 'This scenario has no file to extend.', tone: 'error' });
    const target = kind === 'save' ? defaultWhatIfPath(session, cwd) : defaultExportPath(session, cwd);
    setPrompt({ kind, text: path.relative(cwd, target) || target, confirm: false });
    setMode('prompt');
  };
  /** Opens a picked file, unless that would lose an unsaved what-if: then asks first. */
  const openFile = (file: ScenarioFile, confirmed = false) => {
    if (!confirmed && unsaved()) {
      setDiscard({ then: 'open', file });
      return setMode('discard');
    }
    try {
      const scenario = load(file.file);
      apply({ kind: 'load', scenario });
      setSavedKey(undefined);
      setSelectedId(initialStateId(scenario));
      setBlocTop(0);
      setMessage({ text: t('status.opened', { file: file.label, count: scenario.states.length }), tone: 'info' });
      setMode('normal');
    } catch (error) {
      setMessage({ text: (error as Error).message, tone: 'error' });
      setMode('picker');
    }
  };
  /** Quits, unless that would lose an unsaved what-if: then asks first. */
  const quit = () => {
    if (!unsaved()) return exit();
    setDiscard({ then: 'quit' });
    setMode('discard');
  };
  const find = (text: string) => {
    const q = text.toLowerCase();
    if (!q) return;
    const hit =
      states.find((s) => s.id.toLowerCase().startsWith(q)) ??
      states.find((s) => s.name.toLowerCase().startsWith(q)) ??
      states.find((s) => s.name.toLowerCase().includes(q));
    if (hit) setSelectedId(hit.id);
  };
  const goToDate = (date: string) => {
    const refusal = dateRefusal(session, date);
    if (refusal) return setMessage({ text: refusal, tone: 'error' });
    if (date === session.base.date) return setMessage({ text: `Already at ${date}.`, tone: 'info' });
    apply({ kind: 'date', date });
  };
  const stepDate = (direction: 1 | -1) => {
    if (!dated) return setMessage({ text: UNDATED, tone: 'error' });
    // The edit finds the stop from the date at the time it is applied; this only words the end of the line.
    if (stepStop(stops, session.base.date, direction) === undefined) {
      return setMessage({
        text: direction > 0 ? 'No later date to step to.' : 'No earlier date to step to.',
        tone: 'info',
      });
    }
    apply({ kind: 'stepDate', direction, stops });
  };

  useInput((input, key) => {
    const mode = modeRef.current;
    const pane = paneRef.current;
    const prompt = promptRef.current;
    const search = searchRef.current;
    if (mode === 'help' || mode === 'about') {
      const scroll = (by: number) => setHelpTop((t) => Math.max(0, Math.min(helpMax, Math.min(t, helpMax) + by)));
      if (key.upArrow) scroll(-1);
      else if (key.downArrow) scroll(1);
      else if (key.pageUp) scroll(-helpPage);
      else if (key.pageDown || input === ' ') scroll(helpPage);
      else if (key.home) scroll(-Infinity);
      else if (key.end) scroll(Infinity);
      else if (input === 'q') quit();
      else setMode('normal');
      return;
    }
    if (mode === 'discard') {
      const pending = discardRef.current;
      if (input === 'y' || input === 'Y') {
        setDiscard(undefined);
        if (pending?.then === 'open') openFile(pending.file, true);
        else exit();
      } else if (input === 'w') {
        setDiscard(undefined);
        setMode('normal');
        openPrompt('save');
      } else if (input === 'n' || input === 'N' || key.escape) {
        setDiscard(undefined);
        setMode(pending?.then === 'open' ? 'picker' : 'normal');
      }
      return;
    }
    if (mode === 'prompt' && prompt) {
      if (prompt.confirm) {
        if (input === 'y' || input === 'Y') write(prompt, true);
        else if (input === 'n' || input === 'N' || key.escape) setPrompt({ ...prompt, confirm: false, naming: false });
        return;
      }
      // Every character of a burst counts (three Backspaces sent at once delete three characters).
      const field = editLine(prompt.naming ? (prompt.name ?? '') : prompt.text, input, key);
      const next: Prompt = prompt.naming ? { ...prompt, name: field.text } : { ...prompt, text: field.text };
      if (field.cancel) {
        setPrompt(undefined);
        setMode('normal');
      } else if (!field.submit) setPrompt(next);
      else if (next.kind === 'date') {
        setPrompt(undefined);
        setMode('normal');
        goToDate(next.text.trim());
      } else if (!next.text.trim()) setPrompt(next);
      // A what-if gets its name after its file name.
      else if (next.kind === 'save' && !next.naming)
        setPrompt({ ...next, naming: true, name: next.name ?? defaultWhatIfName(session) });
      else write(next, false);
      return;
    }
    if (mode === 'search') {
      if (key.upArrow || key.downArrow) return moveState(key.upArrow ? -1 : 1);
      const field = editLine(search, input, key);
      if (field.cancel) setMode('normal');
      else {
        setSearch(field.text);
        if (field.text !== search) find(field.text);
        if (field.submit) {
          setMode('normal');
          goTo('why');
        }
      }
      return;
    }
    if (mode === 'picker') {
      const files = filesRef.current;
      const pickerIndex = pickerRef.current;
      if (input === 'q') quit();
      else if (key.escape || input === 'o') setMode('normal');
      else if (key.upArrow) setPickerIndex((k) => Math.max(0, k - 1));
      else if (key.downArrow) setPickerIndex((k) => Math.min(files.length - 1, k + 1));
      else if (key.pageUp) setPickerIndex((k) => Math.max(0, k - pageRows));
      else if (key.pageDown) setPickerIndex((k) => Math.min(files.length - 1, k + pageRows));
      else if (key.return && files[pickerIndex]) openFile(files[pickerIndex]);
      return;
    }

    // Normal mode: keys that work in every pane first.
    if (input === 'q') return quit();
    if (input === '?' || input === 'i') {
      setHelpTop(0);
      return setMode(input === '?' ? 'help' : 'about');
    }
    if (key.tab) {
      const k = PANES.findIndex((p) => p.id === pane);
      return goTo(PANES[(k + (key.shift ? PANES.length - 1 : 1)) % PANES.length].id);
    }
    const byKey = PANES.find((p) => p.key === input);
    if (byKey) return goTo(byKey.id);
    if (input === 'o') {
      const list = listScenarioFiles(scenariosDir);
      setFiles(list);
      setPickerIndex(
        Math.max(
          0,
          list.findIndex((f) => f.file === session.base.file),
        ),
      );
      return setMode('picker');
    }
    if (input === 'w') return openPrompt('save');
    if (input === 'e') return openPrompt('export');
    if (input === 'R') return apply({ kind: 'resetAll' });
    if (input === '[' || input === ']') return stepDate(input === ']' ? 1 : -1);
    if (input === 'd') {
      if (!dated) return setMessage({ text: UNDATED, tone: 'error' });
      setPrompt({ kind: 'date', text: session.base.date ?? '', confirm: false });
      return setMode('prompt');
    }

    switch (pane) {
      case 'params':
        if (key.upArrow) setParamIndex((k) => Math.max(0, k - 1));
        else if (key.downArrow) setParamIndex((k) => Math.min(SLIDERS.length - 1, k + 1));
        else if (key.leftArrow || key.rightArrow) nudge(key.shift ? 'fine' : 'coarse', key.rightArrow ? 1 : -1);
        else if (input === '-' || input === '_') nudge('fine', -1);
        else if (input === '+' || input === '=') nudge('fine', 1);
        else if (input === 'r') apply({ kind: 'reset', path: SLIDERS[paramRef.current].path });
        else if (key.home) setParamIndex(0);
        else if (key.end) setParamIndex(SLIDERS.length - 1);
        return;
      case 'states':
      case 'why':
        if (key.upArrow) moveState(-1);
        else if (key.downArrow) moveState(1);
        else if (key.pageUp) moveState(-pageRows);
        else if (key.pageDown) moveState(pageRows);
        else if (key.home) moveState(-Infinity);
        else if (key.end) moveState(Infinity);
        else if (key.return && pane === 'states') goTo('why');
        else if (pane === 'why' && key.escape && seeker.cancel())
          setMessage({ text: 'Search cancelled.', tone: 'info' });
        else if (pane === 'why' && input === 'k') {
          // The session and selection as last drawn: the key can come before this closure is renewed.
          const { session: now, selected: state } = drawn.current;
          if (!state) return;
          if (seeker.running() && seeker.cancel()) return setMessage({ text: 'Search cancelled.', tone: 'info' });
          if (Object.hasOwn(now.scenario.fixed, state.id))
            return setMessage({ text: `${state.id} is held fixed: press r to free it, then k.`, tone: 'error' });
          setMessage(undefined);
          seeker.start(state.id, state.signs ? 'abstain' : 'sign', now.scenario, now.run);
        } else if (input === 's')
          setOrder((o) => ({ key: SORT_KEYS[(SORT_KEYS.indexOf(o.key) + 1) % SORT_KEYS.length], reversed: false }));
        else if (input === 'S') setOrder((o) => ({ ...o, reversed: !o.reversed }));
        else if (input === 'f' && selected) apply({ kind: 'cycleFix', id: selected.id });
        else if (input === 'r' && selected) apply({ kind: 'fix', id: selected.id, choice: 'free' });
        else if (input === '/') {
          setSearch('');
          setMode('search');
        }
        return;
      case 'cascade':
        if (input === ' ') cascade.toggle();
        else if (key.leftArrow || key.upArrow) cascade.stepBy(-1);
        else if (key.rightArrow || key.downArrow) cascade.stepBy(1);
        else if (key.home) cascade.stepBy(-Infinity);
        else if (key.end) cascade.stepBy(Infinity);
        return;
      case 'blocs':
        if (key.upArrow) setBlocTop((t) => Math.max(0, t - 1));
        else if (key.downArrow) setBlocTop((t) => Math.min(Math.max(0, session.blocs.length - 1), t + 1));
        return;
      case 'timeline': {
        const last = Math.max(0, events.length - 1);
        if (key.upArrow) setEventRow((k) => Math.max(0, k - 1));
        else if (key.downArrow) setEventRow((k) => Math.min(last, k + 1));
        else if (key.pageUp) setEventRow((k) => Math.max(0, k - pageRows));
        else if (key.pageDown) setEventRow((k) => Math.min(last, k + pageRows));
        else if (key.home) setEventRow(0);
        else if (key.end) setEventRow(last);
        else if (key.return) {
          const event = events[eventRowRef.current];
          if (!event) return;
          if (!event.date)
            return setMessage({
              text: `${event.label} has no date${event.problem ? `: ${event.problem}` : ''}.`,
              tone: 'error',
            });
          goToDate(event.date);
        }
        return;
      }
    }
  });

  return {
    session,
    pane,
    rightPane,
    mode,
    paramIndex,
    order,
    states,
    stateRow,
    explanation,
    flips,
    seek: seeker.view,
    cascade,
    blocTop,
    helpTop: Math.min(helpTop, helpMax),
    files,
    pickerIndex,
    prompt,
    search: mode === 'search' ? search : undefined,
    discard: mode === 'discard' && discard ? { ...discard, changes: describeChanges(session).length } : undefined,
    message: message ?? flipSummary(session),
    timeline: {
      dated,
      stops,
      since: around.since,
      next: around.next,
      events,
      tallies,
      eventRow: Math.min(eventRow, Math.max(0, events.length - 1)),
    },
  };
}
