/**
 * Helpers shared by the roster scripts (scripts/build-roster.mjs for the
 * 85-state A Coruña roster, scripts/build-world-roster.mjs for the 193 UN
 * member states): CSV reading, rounding, line wrapping and the two
 * data-derived transforms both rosters use (size from SIPRI spending,
 * capability from the AI indices). Pure functions, no I/O beyond reading
 * the file a caller names.
 */
import { readFileSync } from 'node:fs';

/** Minimal RFC-4180 CSV parser (quoted fields, doubled quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

/** Reads and parses a CSV file. */
export const readCsvFile = (file) => parseCsv(readFileSync(file, 'utf8'));

/** Round to 3 decimals; avoid -0. */
export const r3 = (x) => {
  const v = Math.round(x * 1000) / 1000;
  return v === 0 ? 0 : v;
};

export const inUnit = (x) => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** Greedy word wrap to lines of at most `width` characters (longer words stay whole). */
export function wrap(text, width) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && (line + ' ' + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * size = (ln x − ln min) / (ln max − ln min) over the positive spending
 * figures given; 0 for x = 0 (no armed forces), rounded to 3 decimals.
 */
export function logSizeScale(positiveValues) {
  const min = Math.min(...positiveValues);
  const max = Math.max(...positiveValues);
  const lnSpan = Math.log(max) - Math.log(min);
  return { min, max, size: (x) => (x > 0 ? r3((Math.log(x) - Math.log(min)) / lnSpan) : 0) };
}

/** Tortoise ranks 4–10 have no published score in our data: assumed to fall linearly below Singapore. */
export const TORTOISE_ASSUMED = (rank) => 50 - 3 * (rank - 3);

/**
 * capability = 0.6 · AI + 0.4 · size with AI = (T + V) / 2: T the Tortoise
 * Global AI Index 2023 score / 100, V = 1 / rank in the Stanford HAI
 * Vibrancy 2024 top 10, 0 outside a top 10. `aiRanks` are the rows of
 * data/ai_rankings.csv. Returns capabilityOf(id, size) → {value, why}.
 */
export function aiCapability(aiRanks) {
  const tortoise = new Map();
  const vibrancy = new Map();
  for (const r of aiRanks) {
    const rank = Number(r.rank);
    if (r.index === 'Tortoise2023') {
      const score = r.score === '' ? TORTOISE_ASSUMED(rank) : Number(r.score);
      tortoise.set(r.iso3, { rank, score, published: r.score !== '' });
    } else if (r.index === 'HAIVibrancy2024') vibrancy.set(r.iso3, { rank });
  }
  return function capabilityOf(id, size) {
    const t = tortoise.get(id);
    const v = vibrancy.get(id);
    const tPts = t ? t.score / 100 : 0;
    const vPts = v ? 1 / v.rank : 0;
    const ai = (tPts + vPts) / 2;
    const value = r3(0.6 * ai + 0.4 * size);
    const parts = [];
    parts.push(
      t
        ? `Tortoise 2023 rank ${t.rank} (${t.published ? 'score' : 'assumed score'} ${t.score})`
        : 'not in Tortoise 2023 top 10',
    );
    parts.push(v ? `HAI Vibrancy 2024 rank ${v.rank} (1/rank = ${r3(1 / v.rank)})` : 'not in HAI Vibrancy 2024 top 10');
    return {
      value,
      why: `0.6·AI + 0.4·size; ${parts.join('; ')}; AI = ${r3(ai)}, size = ${size}`,
    };
  };
}
