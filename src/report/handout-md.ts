/**
 * A handout as one self-contained Markdown file: the same content as the
 * HTML handout, in tables and text; the charts are left out (Markdown cannot
 * hold them without separate files). Text from a scenario is escaped:
 * controls visibly (src/text/printable.ts), then every character Markdown
 * would read as markup or raw HTML. Pure: data in, Markdown out.
 */
import { t } from '../i18n/messages.js';
import { printableLine } from '../text/printable.js';
import { handoutBlocks, type Block } from './handout-content.js';
import type { Handout } from './handout-data.js';

/** Text as Markdown shows it literally: markup characters backslash-escaped, `&` as an entity, a table's `|` too. */
export function escapeMarkdown(s: string): string {
  // Markup first, then controls: printableLine's own backslashes (`\\n`, `\\u001b`) are shown as they are.
  return printableLine(
    s
      .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
      .replace(/&/g, '&amp;')
      .replace(/^([-+*]|\d+[.)])(?=\s|$)/, '\\$1'),
  );
}

const esc = escapeMarkdown;

function block(b: Block): string | undefined {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${esc(b.text)}${b.technical ? ` ${esc(t('handout.technical', { technical: b.technical }))}` : ''}`;
    case 'paragraph':
      return esc(b.text);
    case 'note':
      return `*${esc(b.text)}*`;
    case 'chart':
      return undefined;
    case 'table': {
      const cells = (r: string[]) => `| ${r.map((c) => esc(c) || ' ').join(' | ')} |`;
      const rule = `|${b.head.map((_, k) => (b.numeric?.[k] ? '---:' : '---')).join('|')}|`;
      return [cells(b.head), rule, ...b.rows.map(cells)].join('\n');
    }
    case 'definitions':
      return b.items
        .map(
          (i) =>
            `- **${esc(i.term)}**${i.technical ? ` ${esc(t('handout.technical', { technical: i.technical }))}` : ''}${esc(t('handout.colon'))}${esc(i.text)}`,
        )
        .join('\n');
  }
}

/** The handout as a Markdown document. */
export function handoutToMarkdown(h: Handout, options: { command?: string } = {}): string {
  return blocksToMarkdown(handoutBlocks(h), {
    ...options,
    note: t('handout.mdNote'),
  });
}

/** Any document's blocks (a handout, a worksheet) as Markdown; `note` goes under the title. */
export function blocksToMarkdown(blocks: readonly Block[], options: { command?: string; note?: string } = {}): string {
  const parts = blocks.map(block).filter((x): x is string => x !== undefined);
  if (options.note) parts.splice(1, 0, `*${escapeMarkdown(options.note)}*`);
  if (options.command)
    parts.push(`*${t('handout.madeWith')}* \`${printableLine(options.command).replace(/`/g, "'")}\``);
  return parts.join('\n\n') + '\n';
}
