import { t } from '../i18n/messages.js';
import { Box } from 'ink';
import path from 'node:path';
import type { Scenario } from '../model/scenario.js';
import { BlocPane } from './components/BlocPane.js';
import { CascadePane } from './components/CascadePane.js';
import { FilePicker } from './components/FilePicker.js';
import { Header } from './components/Header.js';
import { aboutLines, HelpPane, helpLines } from './components/HelpPane.js';
import { KeyHints } from './components/KeyHints.js';
import { ParameterPane } from './components/ParameterPane.js';
import { StatesPane } from './components/StatesPane.js';
import { StatusLine } from './components/StatusLine.js';
import { TabBar } from './components/TabBar.js';
import { TallyPane } from './components/TallyPane.js';
import { TimelinePane } from './components/TimelinePane.js';
import { WhyPane } from './components/WhyPane.js';
import { PANE_HINTS, PANES, WIDE_COLUMNS, type PaneId } from './panes.js';
import { isChanged, isDateMoved } from './session.js';
import { ThemeContext, type Theme, themeFor } from './theme.js';
import { useExplorer, type Explorer } from './use-explorer.js';
import { useTerminalSize, type TerminalSize } from './use-terminal-size.js';

export interface AppProps {
  /** The scenario to open with, as loaded. */
  scenario: Scenario;
  /** Working directory: where typed file names are resolved and results exported. */
  cwd: string;
  /** The folder whose scenario files the picker (`o`) lists. */
  scenariosDir: string;
  /** Pins the screen size (tests); otherwise the terminal's, following resizes. */
  size?: Partial<TerminalSize>;
  /** Colours; by default from the environment (NO_COLOR turns them off). */
  theme?: Theme;
  /** Loads a picked scenario file (and the event files); defaults to the scenario loader. */
  load?: (file: string) => Scenario;
  /** The event files the timeline pane lists; defaults to `events/` in the scenarios folder. */
  eventsDir?: string;
  /** The Why pane's seek worker script; defaults to the built one (tests running the sources pass dist's). */
  seekWorker?: URL;
}

/** Rows of the tally histogram: a sparkline at 80×24, a small chart with its axis when there is room. */
function histogramRows(rows: number): number {
  return rows >= 32 ? 3 : 1;
}

function tallyRows(rows: number): number {
  const h = histogramRows(rows);
  return 3 + h + (h > 1 ? 1 : 0);
}

function PaneBody({
  x,
  id,
  width,
  height,
  eventsLabel,
}: {
  x: Explorer;
  id: PaneId;
  width: number;
  height: number;
  eventsLabel: string;
}) {
  const { session } = x;
  const focused = x.pane === id;
  switch (id) {
    case 'params':
      return (
        <ParameterPane
          base={session.base}
          current={session.scenario}
          selected={x.paramIndex}
          focused={focused}
          width={width}
          height={height}
        />
      );
    case 'states':
      return (
        <StatesPane
          states={x.states}
          selected={x.stateRow}
          flipped={session.flipped}
          order={x.order}
          focused={focused}
          width={width}
          height={height}
        />
      );
    case 'why':
      return x.explanation ? (
        <WhyPane
          explanation={x.explanation}
          pSign={x.states[x.stateRow]?.pSign ?? 0}
          flips={x.flips}
          subgame={session.subgame}
          seek={x.seek}
          states={session.run.states.length}
          signedNow={session.run.equilibria.least.signed}
          focused={focused}
          width={width}
          height={height}
        />
      ) : null;
    case 'cascade':
      return (
        <CascadePane
          run={session.run}
          step={x.cascade.step}
          playing={x.cascade.playing}
          focused={focused}
          width={width}
          height={height}
        />
      );
    case 'blocs':
      return <BlocPane blocs={session.blocs} top={x.blocTop} focused={focused} width={width} height={height} />;
    case 'timeline': {
      const t = x.timeline;
      const timeline = session.loaded.timeline;
      return (
        <TimelinePane
          dated={t.dated}
          date={session.base.date}
          loadedDate={session.loaded.date}
          coverage={timeline ? { start: timeline.start, end: timeline.end } : undefined}
          stops={t.stops}
          since={t.since}
          next={t.next}
          events={t.events}
          tallies={t.tallies}
          selected={t.eventRow}
          eventsLabel={eventsLabel}
          focused={focused}
          width={width}
          height={height}
        />
      );
    }
  }
}

/**
 * The explorer: scenario header, tally, the panes and the status lines.
 * At 80×24 one pane at a time behind tabs; from WIDE_COLUMNS on, the
 * sliders stay on the left beside the other panes. It draws one line less
 * than the terminal has, so Ink redraws in place instead of clearing the screen.
 */
export function App({
  scenario,
  cwd,
  scenariosDir,
  size: pinned,
  theme,
  load,
  eventsDir = path.join(scenariosDir, 'events'),
  seekWorker,
}: AppProps) {
  const size = useTerminalSize(pinned);
  const width = Math.max(40, size.columns - 1);
  const lines = Math.max(16, size.rows - 1);
  const wide = size.columns >= WIDE_COLUMNS;
  const leftWidth = wide ? Math.min(64, Math.floor(width * 0.42)) : 0;
  const mainWidth = wide ? width - leftWidth - 2 : width;
  const tally = tallyRows(size.rows);
  const content = lines - 2 - tally - 1 - 2;
  const x = useExplorer({
    initial: scenario,
    cwd,
    scenariosDir,
    wide,
    pageRows: Math.max(1, content - 2),
    load,
    eventsDir,
    seekWorker,
    readerLines: (page, s) =>
      page === 'about'
        ? aboutLines(s.base.name, s.base.description, s.base.date, mainWidth).length
        : helpLines(mainWidth).length,
    helpRows: lines - 5,
  });
  const { session } = x;
  const base = session.base;
  const inFolder = base.file ? path.relative(scenariosDir, base.file) : '';
  const fileLabel = !base.file
    ? 'no file'
    : inFolder.startsWith('..') || path.isAbsolute(inFolder)
      ? path.basename(base.file)
      : inFolder;
  const eventsInFolder = path.relative(scenariosDir, eventsDir);
  const eventsLabel =
    eventsInFolder && !eventsInFolder.startsWith('..') && !path.isAbsolute(eventsInFolder)
      ? `${path.basename(scenariosDir)}/${eventsInFolder}`
      : eventsDir;
  const activeTab = PANES.find((p) => p.id === x.pane)!.key;
  const paneOnScreen: PaneId = wide && x.pane === 'params' ? x.rightPane : x.pane;
  const paramsHeight = Math.min(lines - 4, 14);

  const main =
    x.mode === 'help' ? (
      <HelpPane
        width={mainWidth}
        height={lines - 4}
        top={x.helpTop}
        title={t('help.keysTitle')}
        lines={helpLines(mainWidth)}
      />
    ) : x.mode === 'about' ? (
      <HelpPane
        width={mainWidth}
        height={lines - 4}
        top={x.helpTop}
        title={t('help.aboutTitle')}
        lines={aboutLines(base.name, base.description, base.date, mainWidth)}
      />
    ) : (
      <Box flexDirection="column">
        <TallyPane
          run={session.run}
          previousSigned={session.previousSigned}
          width={mainWidth}
          histogramHeight={histogramRows(size.rows)}
        />
        <TabBar tabs={PANES} active={activeTab} width={mainWidth} />
        {x.mode === 'picker' ? (
          <FilePicker
            files={x.files}
            selected={x.pickerIndex}
            current={base.file}
            root={scenariosDir}
            width={mainWidth}
            height={content}
          />
        ) : (
          <PaneBody x={x} id={paneOnScreen} width={mainWidth} height={content} eventsLabel={eventsLabel} />
        )}
      </Box>
    );

  const discard = x.discard;
  const promptLine = discard
    ? {
        label: t('prompt.discard', {
          count: discard.changes,
          changes: t(discard.changes === 1 ? 'prompt.change' : 'prompt.changes'),
          then: discard.then === 'quit' ? t('prompt.quit') : t('prompt.open', { file: discard.file.label }),
        }),
        text: '',
        hint: t('prompt.discardHint'),
      }
    : x.prompt
      ? x.prompt.confirm
        ? { label: t('prompt.overwrite', { file: x.prompt.text }), text: '', hint: t('prompt.overwriteHint') }
        : x.prompt.kind === 'date'
          ? { label: t('prompt.date'), text: x.prompt.text, hint: t('prompt.enterGo') }
          : x.prompt.naming
            ? { label: t('prompt.name'), text: x.prompt.name ?? '', hint: t('prompt.enterSave') }
            : {
                label: x.prompt.kind === 'save' ? t('prompt.save') : t('prompt.export'),
                text: x.prompt.text,
                hint: x.prompt.kind === 'save' ? t('prompt.enterName') : t('prompt.enterWrite'),
              }
      : x.search !== undefined
        ? { label: t('prompt.find'), text: x.search, hint: t('prompt.findHint') }
        : undefined;

  return (
    <ThemeContext.Provider value={theme ?? themeFor(process.env)}>
      <Box flexDirection="column" width={width} height={lines}>
        <Header
          name={base.name}
          description={base.description}
          fileLabel={fileLabel}
          states={base.states.length}
          changed={isChanged(session)}
          date={base.date}
          dateMoved={isDateMoved(session)}
          width={width}
        />
        {wide ? (
          <Box>
            <Box flexDirection="column" width={leftWidth} marginRight={2}>
              <ParameterPane
                base={base}
                current={session.scenario}
                selected={x.paramIndex}
                focused={x.pane === 'params'}
                width={leftWidth}
                height={paramsHeight}
              />
              {lines - 4 - paramsHeight > 3 ? (
                <Box marginTop={1}>
                  <BlocPane
                    blocs={session.blocs}
                    top={x.blocTop}
                    focused={false}
                    width={leftWidth}
                    height={lines - 5 - paramsHeight}
                  />
                </Box>
              ) : null}
            </Box>
            {main}
          </Box>
        ) : (
          main
        )}
        <Box flexGrow={1} />
        <StatusLine message={x.message.text} tone={x.message.tone} prompt={promptLine} width={width} />
        <KeyHints hints={PANE_HINTS[x.pane]} width={width} />
      </Box>
    </ThemeContext.Provider>
  );
}
