/**
 * Gambit's strategic-form file format (`.nfg`, "NFG 1 R"; The Gambit
 * Project, "Game representation formats"), for games with two strategies
 * per player, so that signatory's results can be cross-checked in Gambit
 * and Gambit's games solved here.
 *
 * Reading: both versions of the format (the payoff version `{ 2 2 }`
 * followed by every profile's payoffs, and the outcome version with
 * strategy labels, an outcome list and the profile → outcome map); the
 * first player's strategy varies fastest. Strategy 1 of every player is
 * **sign**, strategy 2 **abstain**. A player's net gain of strategy 1,
 * Δ_i = u_i(1, s_−i) − u_i(2, s_−i), must be additive in the others'
 * strategies (true of every two-player game): Δ_i = a_i + Σ_j b_ij·[j plays 1].
 * The game becomes a scenario in the `game:` form.
 *
 * Writing: u_i(s) = s_i·Δ_i(s_−i), which has the same net gains and so the
 * same equilibria and QRE as the scenario (only payoff differences matter).
 */
import type { LinearGame } from '../solve/game.js';
import { ScenarioError } from './errors.js';
import { yamlLibrary } from './yaml-library.js';
import { STATE_ID } from './keys.js';

/** Largest number of players written or read (2^16 profiles). */
export const NFG_MAX_PLAYERS = 16;

type Token = { kind: 'string'; text: string } | { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string };

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s|,/.test(c)) {
      i++;
    } else if (c === '{') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (c === '}') {
      tokens.push({ kind: 'close' });
      i++;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        s += text[i++];
      }
      if (i >= text.length) throw new ScenarioError(file, '', 'expected a closing " in the .nfg file');
      i++;
      tokens.push({ kind: 'string', text: s });
    } else {
      let w = '';
      while (i < text.length && !/[\s,{}"]/.test(text[i])) w += text[i++];
      tokens.push({ kind: 'word', text: w });
    }
  }
  return tokens;
}

function parseNumber(word: string, file: string, where: string): number {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)(?:\/(\d+\.?\d*))?$/.exec(word);
  const value = m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
  if (!Number.isFinite(value))
    throw new ScenarioError(file, '', `expected a number (decimal or p/q) ${where}, got "${word.slice(0, 40)}"`);
  return value;
}

export interface NfgGame {
  title: string;
  comment: string;
  players: string[];
  /** payoffs[profile][player], profile index with the first player fastest, digit 0 = strategy 1. */
  payoffs: number[][];
}

/** Parses a two-strategies-per-player .nfg file. */
export function parseNfg(text: string, file: string): NfgGame {
  const tokens = tokenize(text, file);
  let t = 0;
  const fail = (what: string): never => {
    throw new ScenarioError(file, '', `expected ${what} in the .nfg file`);
  };
  const word = (expected?: string) => {
    const tok = tokens[t++];
    if (!tok || tok.kind !== 'word' || (expected !== undefined && tok.text !== expected))
      fail(expected ? `"${expected}"` : 'a number');
    return (tok as { text: string }).text;
  };
  const str = () => {
    const tok = tokens[t++];
    if (!tok || tok.kind !== 'string') fail('a quoted string');
    return (tok as { text: string }).text;
  };
  const open = () => tokens[t++]?.kind === 'open' || fail('"{"');
  const isClose = () => tokens[t]?.kind === 'close';
  word('NFG');
  word('1');
  const field = word();
  if (field !== 'R' && field !== 'D') fail('"R" after "NFG 1"');
  const title = str();
  open();
  const players: string[] = [];
  while (!isClose()) players.push(str());
  t++;
  const n = players.length;
  if (n < 1 || n > NFG_MAX_PLAYERS)
    throw new ScenarioError(file, '', `expected 1 to ${NFG_MAX_PLAYERS} players, got ${n}`);
  open();
  let outcomeVersion = false;
  const counts: number[] = [];
  if (tokens[t]?.kind === 'open') {
    outcomeVersion = true;
    for (let p = 0; p < n; p++) {
      open();
      let k = 0;
      while (!isClose()) {
        str();
        k++;
      }
      t++;
      counts.push(k);
    }
    if (!isClose()) fail('"}" after the strategy lists');
    t++;
  } else {
    while (!isClose()) counts.push(parseNumber(word(), file, 'as a number of strategies'));
    t++;
  }
  if (counts.length !== n) fail(`one strategy count per player (${n})`);
  counts.forEach((k, p) => {
    if (k !== 2)
      throw new ScenarioError(
        file,
        '',
        `expected two strategies for every player (sign, abstain), but player ${p + 1} ("${players[p]}") has ${k}`,
      );
  });
  const comment = tokens[t]?.kind === 'string' ? str() : '';
  const profiles = 2 ** n;
  const payoffs: number[][] = [];
  if (!outcomeVersion) {
    for (let s = 0; s < profiles; s++) {
      const row: number[] = [];
      for (let p = 0; p < n; p++) row.push(parseNumber(word(), file, `as payoff ${s * n + p + 1}`));
      payoffs.push(row);
    }
  } else {
    open();
    const outcomes: number[][] = [];
    while (!isClose()) {
      open();
      if (tokens[t]?.kind === 'string') str();
      const row: number[] = [];
      while (!isClose()) row.push(parseNumber(word(), file, `in outcome ${outcomes.length + 1}`));
      t++;
      if (row.length !== n) fail(`${n} payoffs in outcome ${outcomes.length + 1}, got ${row.length}`);
      outcomes.push(row);
    }
    t++;
    for (let s = 0; s < profiles; s++) {
      const k = parseNumber(word(), file, `as the outcome of profile ${s + 1}`);
      if (!Number.isInteger(k) || k < 0 || k > outcomes.length)
        throw new ScenarioError(
          file,
          '',
          `expected an outcome number 0 to ${outcomes.length} for profile ${s + 1}, got ${k}`,
        );
      payoffs.push(k === 0 ? new Array<number>(n).fill(0) : outcomes[k - 1]);
    }
  }
  if (t !== tokens.length) fail('the end of the file after the last profile');
  return { title, comment, players, payoffs };
}

/** Ids for the players: the name itself when it is a valid state id, else P1, P2, … */
function playerIds(players: string[]): string[] {
  const valid = players.every((p) => STATE_ID.test(p)) && new Set(players).size === players.length;
  return valid ? [...players] : players.map((_, i) => `P${i + 1}`);
}

/** A parsed .nfg game as scenario text in the `game:` form. */
export function nfgToScenarioText(game: NfgGame, file: string): string {
  const n = game.players.length;
  const ids = playerIds(game.players);
  const bit = (s: number, p: number) => (s >> p) & 1; // 0 = strategy 1 (sign)
  const players: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < n; i++) {
    // Δ_i at each profile of the others: u_i(sign, s_−i) − u_i(abstain, s_−i).
    const delta = (s: number) => game.payoffs[s & ~(1 << i)][i] - game.payoffs[s | (1 << i)][i];
    const allAbstain = (2 ** n - 1) & ~(1 << i);
    const a = delta(allAbstain);
    const b = new Map<number, number>();
    for (let j = 0; j < n; j++) if (j !== i) b.set(j, delta(allAbstain & ~(1 << j)) - a);
    let scale = Math.abs(a);
    for (const v of b.values()) scale = Math.max(scale, Math.abs(v));
    for (let s = 0; s < 2 ** n; s++) {
      if (bit(s, i) === 1) continue;
      let predicted = a;
      for (const [j, v] of b) if (bit(s, j) === 0) predicted += v;
      if (Math.abs(predicted - delta(s)) > 1e-9 * (1 + scale))
        throw new ScenarioError(
          file,
          '',
          `expected player ${i + 1}'s ("${game.players[i]}") gain from strategy 1 to add up over the others' strategies, as signatory's games do, but it does not (profile ${s + 1})`,
        );
    }
    const withs = Object.fromEntries([...b].filter(([, v]) => v !== 0).map(([j, v]) => [ids[j], v]));
    const signs = Object.values(withs);
    if (signs.some((v) => v > 0) && signs.some((v) => v < 0))
      throw new ScenarioError(
        file,
        '',
        `expected player ${i + 1}'s ("${game.players[i]}") interactions to have one sign: signatory gives each player one pairwise coefficient spread over its links`,
      );
    players[ids[i]] = {
      ...(ids[i] === game.players[i] ? {} : { name: game.players[i] }),
      gain: a,
      ...(signs.length ? { with: withs } : {}),
    };
  }
  return yamlLibrary().stringify({
    name: game.title || file,
    description: game.comment,
    game: { players },
  });
}

function decimal(x: number): string {
  const s = String(x === 0 ? 0 : x);
  if (!/e/i.test(s)) return s;
  // Gambit reads plain decimals: write the exponent out.
  return x.toFixed(Math.min(100, Math.max(0, 20 - Math.floor(Math.log10(Math.abs(x)))))).replace(/\.?0+$/, '');
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The game as a .nfg file (outcome version, strategies labelled sign and abstain). */
export function gameToNfg(game: LinearGame, title: string, players: string[], comment = ''): string {
  const n = game.n;
  if (n > NFG_MAX_PLAYERS) throw new RangeError(`at most ${NFG_MAX_PLAYERS} players can be written, got ${n}`);
  const lines: string[] = [];
  lines.push(`NFG 1 R ${quote(title)} { ${players.map(quote).join(' ')} }`);
  lines.push('');
  lines.push(`{ ${players.map(() => '{ "sign" "abstain" }').join('\n')}`);
  lines.push('}');
  lines.push(quote(comment));
  lines.push('');
  lines.push('{');
  const s = new Float64Array(n);
  const order: number[] = [];
  for (let profile = 0; profile < 2 ** n; profile++) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      s[i] = ((profile >> i) & 1) === 0 ? 1 : 0;
      total += s[i];
    }
    const u: string[] = [];
    for (let i = 0; i < n; i++) {
      if (s[i] === 0) {
        u.push('0');
        continue;
      }
      let d = game.a[i] + (n > 1 ? (game.m[i] * (total - 1)) / (n - 1) : 0);
      for (let e = game.rowPtr[i]; e < game.rowPtr[i + 1]; e++) d += game.val[e] * s[game.col[e]];
      u.push(decimal(d));
    }
    lines.push(`{ "" ${u.join(', ')} }`);
    order.push(profile + 1);
  }
  lines.push('}');
  lines.push(order.join(' '));
  return lines.join('\n') + '\n';
}
