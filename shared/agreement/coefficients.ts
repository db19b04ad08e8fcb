/**
 * Agreement coefficients over reliability data: units, each with every coder's value (null when
 * that coder gave none, a missing value) and a weight, the amount of text the unit stands for.
 * A weight w counts as w identical units, so runs of characters that all coders treated alike are
 * one unit here and the character unit costs O(codings), not O(characters).
 *
 * Values are small integers (the index of a category), so the coincidence matrix is an array.
 * Every coefficient is null when it is undefined (no pairable units, or no variation at all).
 */
export type Rating = number | null;

export interface RatedUnit {
  readonly values: readonly Rating[];
  readonly weight: number;
}

/** The values of one unit that are not missing. */
function present(unit: RatedUnit): number[] {
  const out: number[] = [];
  for (const v of unit.values) if (v !== null) out.push(v);
  return out;
}

/** The number of categories the data use: one more than the largest value. */
function categoryCount(units: readonly RatedUnit[]): number {
  let max = -1;
  for (const u of units) for (const v of u.values) if (v !== null && v > max) max = v;
  return max + 1;
}

/** Units with at least two values: the only ones a pair of coders can agree or disagree on. */
export function pairableWeight(units: readonly RatedUnit[]): number {
  let total = 0;
  for (const u of units) if (present(u).length >= 2) total += u.weight;
  return total;
}

/**
 * Percent agreement: the share of pairs of values within a unit that are equal, each unit counting
 * by its weight. For two coders without missing values, the share of units on which they agree.
 */
export function percentAgreement(units: readonly RatedUnit[]): number | null {
  let agree = 0;
  let total = 0;
  for (const u of units) {
    const vs = present(u);
    const m = vs.length;
    if (m < 2) continue;
    let same = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (vs[i] === vs[j]) same++;
    agree += (u.weight * same) / ((m * (m - 1)) / 2);
    total += u.weight;
  }
  return total === 0 ? null : agree / total;
}

/**
 * Cohen's kappa (Cohen 1960) for two coders: (p_o − p_e) / (1 − p_e), p_e from each coder's own
 * distribution of values, over the units both coded.
 */
export function cohenKappa(units: readonly RatedUnit[]): number | null {
  const k = categoryCount(units);
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  let agree = 0;
  let total = 0;
  for (const u of units) {
    if (u.values.length !== 2) throw new RangeError("Cohen's kappa is defined for exactly two coders");
    const [x, y] = u.values;
    if (x === null || y === null || x === undefined || y === undefined) continue;
    a[x]! += u.weight;
    b[y]! += u.weight;
    if (x === y) agree += u.weight;
    total += u.weight;
  }
  if (total === 0) return null;
  let pe = 0;
  for (let c = 0; c < k; c++) pe += (a[c]! / total) * (b[c]! / total);
  if (pe >= 1) return null;
  return (agree / total - pe) / (1 - pe);
}

/**
 * Krippendorff's alpha for nominal data, any number of coders, missing values allowed
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", section C): the coincidence
 * matrix o_ck counts each ordered pair of values within a unit by 1/(m_u − 1); then
 * alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k. Units with fewer than two values are not pairable and drop out.
 */
export function krippendorffAlpha(units: readonly RatedUnit[]): number | null {
  const k = categoryCount(units);
  const counts = new Float64Array(k);
  const nc = new Float64Array(k);
  let disagree = 0;
  for (const u of units) {
    counts.fill(0);
    let m = 0;
    for (const v of u.values) {
      if (v === null) continue;
      counts[v]! += 1;
      m++;
    }
    if (m < 2) continue;
    // Σ_{c≠k} pairs = m(m−1) − Σ_c n_uc(n_uc − 1); each value adds m − 1 pairs, scaled by 1/(m − 1).
    let same = 0;
    for (let c = 0; c < k; c++) {
      const n = counts[c]!;
      if (n === 0) continue;
      same += n * (n - 1);
      nc[c]! += u.weight * n;
    }
    disagree += (u.weight * (m * (m - 1) - same)) / (m - 1);
  }
  let n = 0;
  for (let c = 0; c < k; c++) n += nc[c]!;
  if (n === 0) return null;
  let expected = n * n;
  for (let c = 0; c < k; c++) expected -= nc[c]! * nc[c]!;
  if (expected === 0) return null;
  return 1 - ((n - 1) * disagree) / expected;
}
