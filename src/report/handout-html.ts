/**
 * A handout as one self-contained HTML file: inline CSS with print rules
 * (A4 or Letter pages), charts as inline SVG, no scripts and no external
 * references; a Content-Security-Policy forbids loading anything. Every text
 * from a scenario is escaped: controls visibly (src/text/printable.ts), then
 * markup. Pure: data in, HTML out.
 */
import { currentLanguage, type Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { handoutBlocks, handoutTitle, type Block } from './handout-content.js';
import type { Handout } from './handout-data.js';
import { escapeXml } from './handout-svg.js';

export type Paper = 'a4' | 'letter';

const esc = escapeXml;

/** The font stack by language: Latin fonts first for English, CJK fonts that have Traditional Chinese glyphs for zh-Hant. */
const FONTS: Readonly<Record<Language, string>> = {
  en: '"DejaVu Sans", "Helvetica Neue", Arial, sans-serif',
  'zh-Hant':
    '"Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "DejaVu Sans", Arial, sans-serif',
};

const STYLE = (paper: Paper, language: Language) => `
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f1; color: #1b1b1b; font: 15px/1.45 ${FONTS[language]}; }
main { max-width: 182mm; margin: 0 auto; padding: 10mm 12mm 14mm; background: white; }
h1 { font-size: 1.6em; margin: 0 0 0.3em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.4em; padding-bottom: 0.15em; border-bottom: 2px solid #2c6fb0; }
h3 { font-size: 1.05em; margin: 1.1em 0 0.3em; }
.technical { font-weight: normal; font-size: 0.8em; color: #555; }
p { margin: 0.4em 0; }
p.note { font-size: 0.85em; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 0.85em; }
th, td { border-bottom: 1px solid #d8d8d8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eef3f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.blanks td:empty { height: 3.2em; width: 30%; border: 1px solid #bbb; }
figure { margin: 0.6em 0; }
figure svg { max-width: 100%; height: auto; display: block; }
dl { margin: 0.4em 0; }
dt { font-weight: bold; margin-top: 0.5em; }
dd { margin: 0.1em 0 0 1.2em; }
footer { margin-top: 2em; font-size: 0.8em; color: #555; }
@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 14mm 13mm; }
@media print {
  body { background: white; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, dl > div { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; }
  th { background: #eef3f8; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading': {
      const tech = b.technical
        ? ` <span class="technical">${esc(t('handout.technical', { technical: b.technical }))}</span>`
        : '';
      return `<h${b.level}>${esc(b.text)}${tech}</h${b.level}>`;
    }
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'note':
      return `<p class="note">${esc(b.text)}</p>`;
    case 'chart':
      return `<figure>\n${b.svg}\n</figure>`;
    case 'table': {
      const cls = (k: number) => (b.numeric?.[k] ? ' class="num"' : '');
      const head = `<tr>${b.head.map((h, k) => `<th${cls(k)}>${esc(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, k) => `<td${cls(k)}>${esc(c)}</td>`).join('')}</tr>`);
      return `<table${b.blanks ? ' class="blanks"' : ''}>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
    }
    case 'definitions':
      return `<dl>\n${b.items
        .map(
          (i) =>
            `<div><dt>${esc(i.term)}${i.technical ? ` <span class="technical">${esc(t('handout.technical', { technical: i.technical }))}</span>` : ''}</dt><dd>${esc(i.text)}</dd></div>`,
        )
        .join('\n')}\n</dl>`;
  }
}

/** The handout as an HTML document. */
export function handoutToHtml(h: Handout, options: { paper?: Paper; command?: string } = {}): string {
  return blocksToHtml(handoutTitle(h), handoutBlocks(h), options);
}

/** Any document's blocks (a handout, a worksheet) as one HTML file. */
export function blocksToHtml(
  title: string,
  blocks: readonly Block[],
  options: { paper?: Paper; command?: string } = {},
): string {
  const paper = options.paper ?? 'a4';
  return [
    '<!DOCTYPE html>',
    `<html lang="${currentLanguage()}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE(paper, currentLanguage())}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...blocks.map(block),
    options.command ? `<footer>${esc(t('handout.madeWith'))} <code>${esc(options.command)}</code></footer>` : '',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
