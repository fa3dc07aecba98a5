import { Box, Text } from 'ink';
import { GLOSSARY } from '../../app/glossary.js';
import { glossaryEntryLines } from '../../report/glossary-text.js';
import { useTheme } from '../use-theme.js';
import { cell, wrapWords } from '../text.js';

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

/** Every key of the UI, grouped by pane; also in docs/tui.md. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['1–6 · Tab', 'panes: Parameters, States, Why, Cascade, Blocs, Timeline'],
  ['↑ ↓', 'pick a slider / a state; PgUp PgDn Home End scroll'],
  ['← →', 'slider −/+ 0.1 (λ: 1); cascade: previous/next round'],
  ['- + · ⇧← ⇧→', 'slider −/+ 0.01 (λ: 0.1)'],
  ['r · R', 'reset this slider (or free this state) · reset everything'],
  ['f', 'fix the selected state: free → sign → abstain → free'],
  ['s · S', 'sort states by Δ, P(sign), name, bloc · reverse'],
  ['/', 'find a state by id or name; Enter shows why'],
  ['Enter', 'on a state: why it signs or abstains; on an event: its date'],
  ['k', 'Why: seek the smallest change that flips it, in the background'],
  ['space', 'cascade: play / pause the rounds'],
  ['[ ]', 'date: previous / next dated change or event (dated only)'],
  ['d', 'date: type one, YYYY-MM-DD, within the timeline'],
  ['o', 'open another scenario (asks first if the what-if is unsaved)'],
  ['w', 'save the what-if: a new file that extends this one, then its name'],
  ['e', 'export the result: JSON, or a handout if named .html or .md'],
  ['?', 'this help and the glossary: ↑↓ PgUp PgDn scroll, other keys close'],
  ['i', "the scenario's name and full description, scrolled the same way"],
  ['q · Ctrl-C', 'quit (q asks before dropping an unsaved what-if)'],
];

export const LEGEND =
  '▲▼ flipped with the last change · * changed slider or held state · █ sign ▓ only in greatest ░ abstain';

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
  for (const [k, what] of KEY_HELP)
    wrapWords(what, textWidth).forEach((text, i) => out.push(i === 0 ? { key: k, text } : { key: '', text }));
  for (const text of wrapWords(LEGEND, width)) out.push({ text, style: 'muted' });
  out.push({ text: '' }, { text: ' Glossary ', style: 'heading' });
  for (const entry of GLOSSARY) {
    const [first, ...rest] = glossaryEntryLines(entry, width);
    out.push({ text: first, style: 'term' }, ...rest.map((text) => ({ text })));
  }
  return out;
}

/** The scenario's name, date and whole description, wrapped (`i`). */
export function aboutLines(name: string, description: string, date: string | undefined, width: number): HelpLine[] {
  const out: HelpLine[] = wrapWords(name, width).map((text) => ({ text, style: 'term' as const }));
  if (date) out.push({ text: `at ${date}`, style: 'muted' });
  out.push({ text: '' });
  // Paragraphs (blank lines in the file) stay apart.
  description
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .forEach((p, k) => {
      if (k > 0) out.push({ text: '' });
      out.push(...wrapWords(p.replace(/\s+/g, ' ').trim(), width).map((text) => ({ text })));
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
            ? `lines ${first + 1}–${Math.min(lines.length, first + rows)} of ${lines.length} · ↑↓ PgUp PgDn scroll · `
            : ''}
          any other key closes
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
