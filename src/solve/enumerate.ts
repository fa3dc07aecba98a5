/**
 * Every pure Nash equilibrium of a small game, by visiting all 2^k profiles
 * of its k free states in Gray-code order: each step flips one state and
 * updates the others' Δ in O(N + links), so 2^20 profiles take well under a
 * second. A profile is an equilibrium when no free state gains by switching
 * (the criterion of `isEquilibrium`: an indifferent state may take either
 * action, within ten times the tie slack).
 */
import type { LinearGame } from './game.js';
import { TIE_TOLERANCE, type FixedActions } from './nash.js';

/** Largest number of free states enumerated (2^20 ≈ 10^6 profiles). */
export const ENUMERATION_LIMIT = 20;

/** All pure equilibria (profiles, in Gray-code visiting order), or undefined when more than `limit` states are free. */
export function pureEquilibria(
  game: LinearGame,
  fixed?: FixedActions,
  limit = ENUMERATION_LIMIT,
): Uint8Array[] | undefined {
  const n = game.n;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (!fixed || fixed[i] === -1) free.push(i);
  const k = free.length;
  if (k > limit) return undefined;
  const s = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (fixed && fixed[i] !== -1) s[i] = fixed[i];
  const scale = n > 1 ? 1 / (n - 1) : 0;
  let total = 0;
  for (let i = 0; i < n; i++) total += s[i];

  // base_i = a_i + m_i·T/(N−1) + Σ_j B_ij s_j; Δ_i = base_i − m_i·s_i/(N−1).
  const base = new Float64Array(n);
  // Recomputed from scratch every 1,024 flips, so rounding cannot accumulate across a million updates.
  const recompute = () => {
    for (let i = 0; i < n; i++) {
      let d = game.a[i] + game.m[i] * total * scale;
      for (let e = game.rowPtr[i]; e < game.rowPtr[i + 1]; e++) d += game.val[e] * s[game.col[e]];
      base[i] = d;
    }
  };
  recompute();
  const slack = free.map((i) => 10 * TIE_TOLERANCE * (1 + Math.abs(game.a[i])));
  const found: Uint8Array[] = [];
  const check = () => {
    for (let r = 0; r < k; r++) {
      const i = free[r];
      const delta = base[i] - game.m[i] * s[i] * scale;
      if (s[i] === 1 ? delta < -slack[r] : delta > slack[r]) return;
    }
    found.push(s.slice());
  };
  check();
  const count = 2 ** k;
  for (let step = 1; step < count; step++) {
    // Gray code: flip the state at the lowest set bit of step.
    let bit = 0;
    while (((step >> bit) & 1) === 0) bit++;
    const j = free[bit];
    const d = s[j] === 1 ? -1 : 1;
    s[j] += d;
    total += d;
    if ((step & 1023) === 0) recompute();
    else {
      for (let i = 0; i < n; i++) base[i] += game.m[i] * d * scale;
      for (let e = game.colPtr[j]; e < game.colPtr[j + 1]; e++) base[game.row[e]] += game.tval[e] * d;
    }
    check();
  }
  return found;
}
