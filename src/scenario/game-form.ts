/**
 * The `game:` form: a binary-action game written directly, without the
 * model's attributes, declaration or weights (docs/scenario-format.md,
 * "Games written directly"). Each player's net gain of playing "sign"
 * (the first action) rather than "abstain" is
 *
 *   Δ_i = gain_i + crowd_i · (share of the others signing) + Σ_j with_ij · s_j
 *
 * or, for two players, it is read off a 2×2 payoff table; `threshold: k`
 * ("joins when at least k others have") is gain ½ − k and crowd N − 1, so
 * the model's tie rule (sign only when Δ > 0) reads naturally.
 *
 * The form expands, at merge time, into an ordinary scenario: every model
 * attribute and declaration parameter 0, the built-in terms unweighted,
 * three custom terms (`alone` = gain, `together` = crowd · signShare,
 * `pairwise` = pull · rivalShare) with weight 1, and rival
 * links carrying each player's pairwise coefficients. Every generated value
 * is located at the `game` entry it came from, so errors name that path.
 */
import { DECLARATION_KEYS, STATE_ATTRIBUTES } from '../model/inputs.js';
import { describeValue, isMapping } from './describe.js';
import { checkKeys, STATE_ID } from './keys.js';
import { child, errorAt, type Located } from './located.js';
import type { MergedDocument, MergedEntity, MergedMap } from './merged.js';
import { readNumber } from './values.js';

export const GAME_KEYS = ['players', 'payoffs', 'lambda', 'seed'] as const;
export const PLAYER_KEYS = ['name', 'gain', 'crowd', 'with', 'threshold'] as const;
const LIMIT = 1e9;
const BOUNDS = { min: -LIMIT, max: LIMIT };

interface Player {
  id: string;
  name?: Located;
  loc: Located;
  gain: number;
  crowd: number;
  with: Map<string, { value: number; loc: Located }>;
}

function located(at: Located, value: unknown): Located {
  return { value, file: at.file, path: at.path };
}

function readPlayers(game: Located, value: Record<string, unknown>): Player[] {
  const playersLoc = child(game, 'players', value.players);
  if (Object.hasOwn(value, 'payoffs')) return readTable(game, value, playersLoc);
  const raw = playersLoc.value;
  if (!isMapping(raw) || Object.keys(raw).length === 0)
    throw errorAt(
      playersLoc,
      `expected a mapping of players (id: {gain, crowd, with, threshold}), got ${describeValue(raw)}`,
    );
  const ids = Object.keys(raw);
  const players: Player[] = ids.map((id) => {
    const loc = child(playersLoc, id, raw[id]);
    if (!STATE_ID.test(id))
      throw errorAt(
        loc,
        `expected a player id of a letter then letters, digits, "_" or "-" (at most 64), got ${JSON.stringify(id.slice(0, 40))}`,
      );
    const entry = raw[id] ?? {};
    if (!isMapping(entry))
      throw errorAt(loc, `expected a mapping {gain, crowd, with, threshold}, got ${describeValue(entry)}`);
    checkKeys(loc, entry, PLAYER_KEYS, 'a player');
    const number = (key: string) => (Object.hasOwn(entry, key) ? readNumber(child(loc, key, entry[key]), BOUNDS) : 0);
    const player: Player = { id, loc, gain: number('gain'), crowd: number('crowd'), with: new Map() };
    if (Object.hasOwn(entry, 'name')) player.name = child(loc, 'name', entry.name);
    if (Object.hasOwn(entry, 'threshold')) {
      const tLoc = child(loc, 'threshold', entry.threshold);
      if (Object.hasOwn(entry, 'gain') || Object.hasOwn(entry, 'crowd'))
        throw errorAt(tLoc, 'expected either threshold or gain and crowd, not both: a threshold sets them');
      const k = readNumber(tLoc, { min: 0, max: ids.length - 1, integer: true });
      player.gain = 0.5 - k;
      player.crowd = ids.length - 1;
    }
    if (Object.hasOwn(entry, 'with')) {
      const wLoc = child(loc, 'with', entry.with);
      if (!isMapping(entry.with))
        throw errorAt(wLoc, `expected a mapping of other players to coefficients, got ${describeValue(entry.with)}`);
      for (const [other, v] of Object.entries(entry.with)) {
        const oLoc = child(wLoc, other, v);
        if (!Object.hasOwn(raw, other) || other === id)
          throw errorAt(
            oLoc,
            `expected another player of this game (${ids.filter((x) => x !== id).join(', ')}), got ${JSON.stringify(other.slice(0, 40))}`,
          );
        player.with.set(other, { value: readNumber(oLoc, BOUNDS), loc: oLoc });
      }
    }
    return player;
  });
  return players;
}

/**
 * Two players and a payoff table, actions sign first:
 * payoffs.sign.sign = [row's, column's] payoff when both sign, and so on.
 * Only payoff differences matter to equilibria, so the net gains are
 * Δ_row(s_col) = u_row(sign, s_col) − u_row(abstain, s_col), likewise for
 * the column player.
 */
function readTable(game: Located, value: Record<string, unknown>, playersLoc: Located): Player[] {
  const raw = playersLoc.value;
  if (
    !Array.isArray(raw) ||
    raw.length !== 2 ||
    !raw.every((x) => typeof x === 'string' && STATE_ID.test(x)) ||
    raw[0] === raw[1]
  )
    throw errorAt(playersLoc, `expected two player ids [ROW, COLUMN] with a payoff table, got ${describeValue(raw)}`);
  const tableLoc = child(game, 'payoffs', value.payoffs);
  const cell = (r: 'sign' | 'abstain', c: 'sign' | 'abstain'): [number, number] => {
    const table = tableLoc.value;
    if (!isMapping(table))
      throw errorAt(
        tableLoc,
        `expected {sign: {sign: [u, v], abstain: [u, v]}, abstain: {…}}, got ${describeValue(table)}`,
      );
    checkKeys(tableLoc, table, ['sign', 'abstain'], 'a payoff table (the row player’s actions)');
    const rowLoc = child(tableLoc, r, table[r]);
    const row = rowLoc.value;
    if (!isMapping(row))
      throw errorAt(
        rowLoc,
        `expected {sign: [u, v], abstain: [u, v]} (the column player's actions), got ${describeValue(row)}`,
      );
    checkKeys(rowLoc, row, ['sign', 'abstain'], 'a payoff table row (the column player’s actions)');
    const cLoc = child(rowLoc, c, row[c]);
    const pair = cLoc.value;
    if (!Array.isArray(pair) || pair.length !== 2)
      throw errorAt(cLoc, `expected [row's payoff, column's payoff], got ${describeValue(pair)}`);
    return [readNumber(child(cLoc, 0, pair[0]), BOUNDS), readNumber(child(cLoc, 1, pair[1]), BOUNDS)];
  };
  const [ss, sa, as, aa] = [
    cell('sign', 'sign'),
    cell('sign', 'abstain'),
    cell('abstain', 'sign'),
    cell('abstain', 'abstain'),
  ];
  const [row, col] = raw as string[];
  // Row: Δ = (u(s,a) − u(a,a)) + s_col·[(u(s,s) − u(a,s)) − (u(s,a) − u(a,a))].
  const rowGain = sa[0] - aa[0];
  const rowWith = ss[0] - as[0] - rowGain;
  const colGain = as[1] - aa[1];
  const colWith = ss[1] - sa[1] - colGain;
  const at = (i: number) => child(playersLoc, i, raw[i]);
  return [
    { id: row, loc: at(0), gain: rowGain, crowd: 0, with: new Map([[col, { value: rowWith, loc: tableLoc }]]) },
    { id: col, loc: at(1), gain: colGain, crowd: 0, with: new Map([[row, { value: colWith, loc: tableLoc }]]) },
  ];
}

const GAIN_ATTRIBUTES = {
  gain: 'net gain of signing when nobody else does',
  crowd: 'net gain per unit share of the others signing',
  pull: "sum of the player's pairwise coefficients (spread over its links)",
} as const;

/** Expands a layer's `game:` entry into the merged document (declaration, world, attributes, terms, states). */
export function expandGame(doc: MergedDocument, game: Located): void {
  const value = game.value;
  if (!isMapping(value))
    throw errorAt(game, `expected a game mapping {players, payoffs?, lambda?, seed?}, got ${describeValue(value)}`);
  checkKeys(game, value, GAME_KEYS, 'a game');
  if (doc.states.size > 0)
    throw errorAt(game, 'expected either `game:` or `states:` in a scenario, not both (a game defines its players)');
  const players = readPlayers(game, value);
  const section = (entries: Record<string, unknown>): MergedMap => ({
    loc: game,
    entries: new Map(Object.entries(entries).map(([k, v]) => [k, located(game, v)])),
  });
  const lambda = Object.hasOwn(value, 'lambda')
    ? readNumber(child(game, 'lambda', value.lambda), { min: 0, max: 1e6 })
    : 1;
  const seed = Object.hasOwn(value, 'seed')
    ? readNumber(child(game, 'seed', value.seed), { min: 0, max: 2 ** 32 - 1, integer: true })
    : 1;
  doc.sections.declaration = section(Object.fromEntries(DECLARATION_KEYS.map((k) => [k, 0])));
  doc.sections.world = section({ raceIntensity: 0, raceShock: 0, lambda, seed });
  doc.sections.weights = section({ intercept: 0 });
  doc.sections.attributes = section(
    Object.fromEntries(
      Object.entries(GAIN_ATTRIBUTES).map(([k, description]) => [
        k,
        { description, min: -LIMIT * players.length, max: LIMIT * players.length, default: 0 },
      ]),
    ),
  );
  const term = (id: string, expression: string, label: string): MergedEntity => ({
    id,
    origin: game,
    fields: new Map([
      ['id', located(game, id)],
      ['label', located(game, label)],
      ['expression', located(game, expression)],
      ['weight', located(game, 1)],
    ]),
    nested: new Map(),
  });
  doc.terms.set('alone', term('alone', 'gain', 'stand-alone gain'));
  doc.terms.set('together', term('together', 'crowd * signShare', 'pull of the crowd'));
  doc.terms.set('pairwise', term('pairwise', 'pull * rivalShare', 'pairwise interactions'));
  for (const p of players) {
    // One coefficient per player spreads over its links: pull = Σ_j with_ij, link weight with_ij / pull.
    let pull = 0;
    let positive = 0;
    let negative = 0;
    for (const { value: c } of p.with.values()) {
      pull += c;
      if (c > 0) positive++;
      if (c < 0) negative++;
    }
    if (positive > 0 && negative > 0)
      throw errorAt(
        child(p.loc, 'with', undefined),
        'expected the coefficients of one player to have one sign (all ≥ 0 or all ≤ 0): a player’s links share one coefficient in the model',
      );
    const fields = new Map<string, Located>([['id', located(p.loc, p.id)]]);
    fields.set('name', p.name ?? located(p.loc, p.id));
    for (const a of STATE_ATTRIBUTES) fields.set(a, located(p.loc, 0));
    fields.set('gain', located(p.loc, p.gain));
    fields.set('crowd', located(p.loc, p.crowd));
    fields.set('pull', located(p.loc, pull));
    const rivals = new Map<string, Located>();
    if (pull !== 0)
      for (const [other, { value: c, loc }] of p.with) if (c !== 0) rivals.set(other, located(loc, c / pull));
    const nested = new Map<string, MergedMap | null>();
    if (rivals.size > 0) nested.set('rivals', { loc: p.loc, entries: rivals });
    doc.states.set(p.id, { id: p.id, origin: p.loc, fields, nested });
  }
}
