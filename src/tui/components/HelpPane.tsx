import { t, type MessageKey } from '../../i18n/messages.js';
import { Box, Text } from 'ink';
import { GLOSSARY } from '../../app/glossary.js';
import { glossaryEntryLines } from '../../report/glossary-text.js';
import { useTheme } from '../use-theme.js';
import { cell } from '../text.js';
import { wrapCells } from '../wrap-cells.js';

export interface HelpPaneProps {
  width: number;
  height: number;
  /** The first line shown (↑↓ PgUp PgDn scroll). */
  top: number;
  /** The title on the first row. */
  title: string;
  /** The lines to scroll through: `helpLines` or `aboutLines`. */
  lines: readonly HelpLine[];
}

/** Every key of the UI, grouped by pane, as catalogue keys of what they do; also in docs/tui.md. */
const KEYS: ReadonlyArray<readonly [string, MessageKey]> = [
  ['1–6 · Tab', 'key.panes'],
  ['↑ ↓', 'key.updown'],
  ['← →', 'key.leftright'],
  ['- + · ⇧← ⇧→', 'key.fine'],
  ['r · R', 'key.reset'],
  ['f', 'key.fix'],
  ['s · S', 'key.sort'],
  ['/', 'key.find'],
  ['Enter', 'key.enter'],
  ['k', 'key.seek'],
  ['space', 'key.space'],
  ['[ ]', 'key.step'],
  ['d', 'key.date'],
  ['o', 'key.open'],
  ['w', 'key.save'],
  ['e', 'key.export'],
  ['?', 'key.help'],
  ['i', 'key.about'],
  ['q · Ctrl-C', 'key.quit'],
];

/** Every key of the UI and what it does, in the current language. */
export function keyHelp(): ReadonlyArray<readonly [string, string]> {
  return KEYS.map(([k, what]) => [k, t(what)] as const);
}

/** The keys in English, as docs/tui.md lists them. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = KEYS.map(
  ([k, what]) => [k, t(what, {}, 'en')] as const,
);

/** The legend in English. */
export const LEGEND = t('help.legend', {}, 'en');

/** The symbols' legend, in the current language. */
export function legend(): string {
  return t('help.legend');
}

export interface HelpLine {
  text: string;
  /** The key column of a key's first line. */
  key?: string;
  style?: 'heading' | 'muted' | 'term';
}

const KEY_WIDTH = 14;

/** The lines of the help at a width: the keys, the legend, then the glossary, each wrapped, never cut. */
export function helpLines(width: number): HelpLine[] {
  const out: HelpLine[] = [];
  const textWidth = Math.max(10, width - KEY_WIDTH);
  for (const [k, what] of keyHelp())
    wrapCells(what, textWidth).forEach((text, i) => out.push(i === 0 ? { key: k, text } : { key: '', text }));
  for (const text of wrapCells(legend(), width)) out.push({ text, style: 'muted' });
  out.push({ text: '' }, { text: t('help.glossary'), style: 'heading' });
  for (const entry of GLOSSARY) {
    const [first, ...rest] = glossaryEntryLines(entry, width);
    out.push({ text: first, style: 'term' }, ...rest.map((text) => ({ text })));
  }
  return out;
}

/** The scenario's name, date and whole description, wrapped (`i`). */
export function aboutLines(name: string, description: string, date: string | undefined, width: number): HelpLine[] {
  const out: HelpLine[] = wrapCells(name, width).map((text) => ({ text, style: 'term' as const }));
  if (date) out.push({ text: t('help.at', { date }), style: 'muted' });
  out.push({ text: '' });
  // Paragraphs (blank lines in the file) stay apart.
  description
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .forEach((p, k) => {
      if (k > 0) out.push({ text: '' });
      out.push(...wrapCells(p.replace(/\s+/g, ' ').trim(), width).map((text) => ({ text })));
    });
  return out;
}

/** Lines of text scrolled to `top`: the key reference and the glossary (`?`), or the scenario's description (`i`). */
export function HelpPane({ width, height, top, title, lines }: HelpPaneProps) {
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const first = Math.max(0, Math.min(top, lines.length - rows));
  const more = first + rows < lines.length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text bold inverse color={theme.accent}>
          {` ${title} `}
        </Text>
        <Text color={theme.muted}>
          {'  '}
          {first > 0 || more
            ? t('help.lines', { from: first + 1, to: Math.min(lines.length, first + rows), count: lines.length })
            : ''}
          {t('help.close')}
        </Text>
      </Text>
      {lines.slice(first, first + rows).map((l, i) =>
        l.key !== undefined ? (
          <Text key={i} wrap="truncate">
            <Text bold>{cell(l.key, KEY_WIDTH)}</Text>
            <Text>{l.text}</Text>
          </Text>
        ) : (
          <Text
            key={i}
            wrap="truncate"
            bold={l.style === 'term' || l.style === 'heading'}
            inverse={l.style === 'heading'}
            color={l.style === 'muted' ? theme.muted : l.style === 'heading' ? theme.accent : undefined}
          >
            {l.text}
          </Text>
        ),
      )}
    </Box>
  );
}
