/** The glossary as `signatory glossary` prints it. */
import { localEntry, propositionLine, propositionsSource, type GlossaryEntry } from '../app/glossary.js';
import { t } from '../i18n/messages.js';
import { wrapText } from './format.js';

/** One entry: the word and its technical name, the two sentences, and for a payoff term its propositions. */
export function glossaryEntryLines(entry: GlossaryEntry, width = 78): string[] {
  const e = localEntry(entry);
  const out = wrapText(e.technical ? `${e.term} — ${e.technical}` : e.term, width, '  ').map((l, k) =>
    k === 0 ? l.trimStart() : l,
  );
  out.push(...wrapText(e.plain, width, '  '));
  if (e.formula) out.push(...wrapText(t('glossary.formula', { formula: e.formula }), width, '    ').map(hang));
  for (const p of e.propositions ?? []) out.push(...wrapText(propositionLine(p), width, '    ').map(hang));
  if (e.propositions?.length)
    out.push(...wrapText(t('glossary.propositions', { source: propositionsSource() }), width, '  '));
  if (e.source) out.push(...wrapText(t('glossary.source', { source: e.source }), width, '  '));
  return out;
}

/** The first line of a wrapped item starts at the entry's indent, the rest are indented under it. */
function hang(line: string, k: number): string {
  return k === 0 ? `  ${line.trimStart()}` : line;
}

/** Every entry, or the ones given, separated by blank lines. */
export function glossaryToText(entries: readonly GlossaryEntry[], width = 78): string {
  return entries.map((e) => glossaryEntryLines(e, width).join('\n')).join('\n\n') + '\n';
}
