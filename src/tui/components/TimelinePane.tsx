import { t } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import { fixed, padRight } from '../../report/format.js';
import type { ChangeNote } from '../dates.js';
import type { EventFile, EventTally } from '../events.js';
import { useTheme } from '../use-theme.js';
import { cell, cellRight } from '../text.js';
import { paneTitle } from '../panes.js';
import { PaneTitle } from './PaneTitle.js';
import { scrollTop } from './StatesPane.js';

export interface TimelinePaneProps {
  /** False when the scenario has no dated data: the date control is off. */
  dated: boolean;
  /** The date the world is at now, and the loaded scenario's own. */
  date?: string;
  loadedDate?: string;
  /** The timeline's coverage, when it has one. */
  coverage?: { start?: string; end?: string };
  /** The dates `[` and `]` step through. */
  stops: readonly string[];
  /** The dated changes of the last change date up to `date`, and of the next one. */
  since: readonly ChangeNote[];
  next: readonly ChangeNote[];
  /** The event files, oldest first, and the modelled tallies computed so far (by file). */
  events: readonly EventFile[];
  tallies: ReadonlyMap<string, EventTally>;
  /** Row of the selected event. */
  selected: number;
  /** Where the events come from, for the line shown when there are none. */
  eventsLabel: string;
  focused: boolean;
  width: number;
  height: number;
}

const DATE = 10;
const OBSERVED = 9;
const LEAST = 6;
const QRE = 6;
/** Room for the instrument on a row that shows why its file gives no numbers. */
const PROBLEM_INSTRUMENT = 18;

function changeLine(label: string, notes: readonly ChangeNote[]): string {
  const name = padRight(t(label === 'since' ? 'timeline.since' : 'timeline.next'), 6);
  if (!notes.length) return `${name} ${t(label === 'since' ? 'timeline.noneSince' : 'timeline.noneNext')}`;
  const what = notes.map((n) => `${n.who}: ${n.reason}`).join(' · ');
  return `${name} ${notes[0].from}  ${what}`;
}

function observedCell(e: EventFile, tally: EventTally | undefined): string {
  if (e.observedSigned === undefined) return '—';
  const of = e.observedOf ?? (tally?.ok ? tally.total : undefined);
  return of === undefined ? String(e.observedSigned) : `${e.observedSigned}/${of}`;
}

/** The selected event in full: its instrument and kind, the modelled numbers or why the file did not load. */
function detailLine(e: EventFile | undefined, tally: EventTally | undefined): string {
  if (!e) return '';
  if (e.problem) return `${e.label}: ${e.problem}`;
  const head = `${e.label}${e.kind ? ` (${e.kind})` : ''}: ${e.instrument}`;
  if (!tally) return `${head}${t('timeline.computing')}`;
  if (!tally.ok) return `${e.label}: ${t('timeline.couldNotLoad', { error: tally.error })}`;
  return `${t('timeline.model', { least: tally.least, greatest: tally.greatest, qre: fixed(tally.qreMean, 1), total: tally.total })} · ${head}`;
}

/**
 * The date control and the real events: the date the world is at, the
 * dated changes around it, and one row per event file with its date,
 * instrument, observed tally and the model's least-equilibrium tally and
 * QRE mean for that event.
 */
export function TimelinePane(props: TimelinePaneProps) {
  const {
    dated,
    date,
    loadedDate,
    coverage,
    stops,
    since,
    next,
    events,
    tallies,
    selected,
    eventsLabel,
    focused,
    width,
    height,
  } = props;
  const theme = useTheme();
  const instrumentWidth = Math.max(8, width - (2 + DATE + 2 + 1 + OBSERVED + 1 + LEAST + 1 + QRE));
  const visible = Math.max(1, height - 6);
  const top = scrollTop(selected, events.length, visible);
  const at = stops.indexOf(date ?? '');
  const status = dated
    ? `${t('timeline.at', { date: date ?? t('timeline.noDate') })}${loadedDate && loadedDate !== date ? t('timeline.loadedAt', { date: loadedDate }) : ''}${t('timeline.keys')}`
    : t('timeline.undated');
  const coverageLine = dated
    ? `${coverage?.start && coverage.end ? t('timeline.coverage', { start: coverage.start, end: coverage.end }) : t('timeline.noCoverage')}${t('timeline.stops', { count: stops.length })}${at >= 0 ? t('timeline.thisIs', { n: at + 1 }) : ''}`
    : t('timeline.noValues');
  const problemOf = (e: EventFile, tally: EventTally | undefined) =>
    e.problem ?? (tally && !tally.ok ? t('timeline.couldNotLoad', { error: tally.error }) : undefined);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <PaneTitle title={paneTitle('timeline')} focused={focused} />
        <Text bold={dated} color={dated ? theme.accent : theme.muted}>
          {status}
        </Text>
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {cell(coverageLine, width)}
      </Text>
      <Text wrap="truncate">{dated ? cell(changeLine('since', since), width) : ''}</Text>
      <Text wrap="truncate" color={theme.muted}>
        {dated ? cell(changeLine('next', next), width) : ''}
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {events.length
          ? `  ${cell(t('timeline.eventDate'), DATE)}  ${cell(t('timeline.instrument'), instrumentWidth)} ${cellRight(t('timeline.observed'), OBSERVED)} ${cellRight(t('timeline.least'), LEAST)} ${cellRight('QRE', QRE)}`
          : cell(t('timeline.noEvents', { folder: eventsLabel }), width)}
      </Text>
      {events.slice(top, top + visible).map((e, k) => {
        const row = top + k;
        const tally = tallies.get(e.file);
        const problem = problemOf(e, tally);
        const isSelected = row === selected;
        const here = dated && e.date !== undefined && e.date === date;
        const lead = `${isSelected ? '▸' : ' '}${here ? '•' : ' '}${cell(e.date ?? t('timeline.noDate'), DATE)}  `;
        if (problem) {
          // One line: the instrument short, then why the file gives no numbers.
          return (
            <Text key={e.file} wrap="truncate" inverse={isSelected}>
              <Text>{`${lead}${cell(e.instrument, Math.min(PROBLEM_INSTRUMENT, instrumentWidth))} `}</Text>
              <Text color={theme.abstain}>
                {cell(problem, Math.max(0, width - lead.length - Math.min(PROBLEM_INSTRUMENT, instrumentWidth) - 1))}
              </Text>
            </Text>
          );
        }
        return (
          <Text key={e.file} wrap="truncate" inverse={isSelected}>
            <Text>{`${lead}${cell(e.instrument, instrumentWidth)} ${cellRight(observedCell(e, tally), OBSERVED)} `}</Text>
            {tally?.ok ? (
              <Text bold>{`${cellRight(String(tally.least), LEAST)} ${cellRight(fixed(tally.qreMean, 1), QRE)}`}</Text>
            ) : (
              <Text color={theme.muted}>{`${cellRight('…', LEAST)} ${cellRight('…', QRE)}`}</Text>
            )}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      <Text wrap="truncate" color={theme.muted}>
        {cell(detailLine(events[selected], tallies.get(events[selected]?.file ?? '')), width)}
      </Text>
    </Box>
  );
}
