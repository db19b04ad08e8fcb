import { describe, expect, it } from "vitest";
import { cohenKappa, krippendorffAlpha, percentAgreement, type RatedUnit, type Rating } from "../../../shared/agreement/coefficients.js";
import { seededRandom } from "../../../shared/random.js";

/** Reliability data as Krippendorff prints it: one row per coder, one column per unit. */
function byCoder(rows: readonly (readonly Rating[])[]): RatedUnit[] {
  return rows[0]!.map((_, u) => ({ values: rows.map((row) => row[u]!), weight: 1 }));
}

const _ = null;

describe("Krippendorff's alpha", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 —
  // section A, "Binary or dichotomous data, two observers, no missing data": alpha = 0.095.
  it("reproduces the binary two-observer example (alpha = 0.095)", () => {
    const data = byCoder([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const alpha = krippendorffAlpha(data)!;
    expect(alpha).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
    expect(alpha.toFixed(3)).toBe("0.095");
  });

  // Same source, section C, "Nominal data, any number of observers, missing data": 4 observers,
  // 12 units, a dot for a missing value; unit 12 has one value only and is not pairable.
  // Published: alpha(nominal) = 0.743. The same data (by unit) are the example of R's
  // DescTools::KrippAlpha ("the C data from Krippendorff", formerly irr::kripp.alpha),
  // https://search.r-project.org/CRAN/refmans/DescTools/html/KrippAlpha.html — checked cell by cell;
  // there unit 12's lone value stands under the third observer, which changes nothing (not pairable).
  it("reproduces the nominal example with missing values (4 observers, 12 units, alpha = 0.743)", () => {
    const data = byCoder([
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ]);
    const alpha = krippendorffAlpha(data)!;
    // The paper's figures: n = 40 pairable values, Σ o_cc = 32 (7 + 10 + 8 + 4 + 3), marginals n_1..n_5 = 9, 13, 10, 5, 3.
    expect(alpha).toBeCloseTo(1 - (39 * (40 - 32)) / (40 * 40 - (81 + 169 + 100 + 25 + 9)), 12);
    expect(alpha.toFixed(3)).toBe("0.743");
  });

  it("counts a unit of weight w as w identical units", () => {
    const repeated = byCoder([
      [0, 0, 0, 1, 1, 0],
      [0, 0, 0, 1, 0, 1],
    ]);
    const weighted: RatedUnit[] = [
      { values: [0, 0], weight: 3 },
      { values: [1, 1], weight: 1 },
      { values: [1, 0], weight: 1 },
      { values: [0, 1], weight: 1 },
    ];
    expect(krippendorffAlpha(weighted)).toBeCloseTo(krippendorffAlpha(repeated)!, 12);
    expect(cohenKappa(weighted)).toBeCloseTo(cohenKappa(repeated)!, 12);
    expect(percentAgreement(weighted)).toBeCloseTo(percentAgreement(repeated)!, 12);
  });

  it("is undefined without variation or without pairable units", () => {
    expect(krippendorffAlpha(byCoder([[1, 1], [1, 1]]))).toBeNull();
    expect(krippendorffAlpha(byCoder([[1, _], [_, 2]]))).toBeNull();
    expect(cohenKappa(byCoder([[0, 0], [0, 0]]))).toBeNull();
    expect(percentAgreement([])).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  // The worked example of the Wikipedia article "Cohen's kappa" (section "Simple example",
  // https://en.wikipedia.org/wiki/Cohen%27s_kappa), reproduced with the same table and figures at
  // https://www.tutorialspoint.com/statistics/cohen_kappa_coefficient.htm: 50 grant proposals, each
  // read by readers A and B; yes/yes 20, A yes / B no 5, A no / B yes 10, no/no 15.
  // p_o = (20 + 15) / 50 = 0.70; A says yes to 25 (50 %), B to 30 (60 %), so
  // p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.50; kappa = (0.70 − 0.50) / (1 − 0.50) = 0.40.
  // (An earlier version of this test used a three-category table recalled from Fleiss, Levin & Paik
  // without the book at hand; it was dropped because its cells could not be checked.)
  it("reproduces the 50-proposal example (Wikipedia, \"Cohen's kappa\": p_o = 0.7, p_e = 0.5, kappa = 0.4)", () => {
    const yes = 1;
    const no = 0;
    const data: RatedUnit[] = [
      { values: [yes, yes], weight: 20 },
      { values: [yes, no], weight: 5 },
      { values: [no, yes], weight: 10 },
      { values: [no, no], weight: 15 },
    ];
    const po = percentAgreement(data)!;
    const kappa = cohenKappa(data)!;
    expect(po).toBeCloseTo(0.7, 12);
    expect(kappa).toBeCloseTo(0.4, 12);
    // p_e as the example derives it from the readers' marginals, recovered from kappa = (p_o − p_e) / (1 − p_e).
    expect((po - kappa) / (1 - kappa)).toBeCloseTo(0.5, 12);
    // The same 50 units listed one by one (as a user's paragraphs would be) give the same figures.
    const listed = data.flatMap((u) => Array.from({ length: u.weight }, () => ({ values: u.values, weight: 1 })));
    expect(listed).toHaveLength(50);
    expect(cohenKappa(listed)).toBeCloseTo(0.4, 12);
  });

  // Same example, the readers swapped into each other's place in the table: kappa is symmetric.
  it("gives the 50-proposal kappa with the readers swapped", () => {
    const data: RatedUnit[] = [
      { values: [1, 1], weight: 20 },
      { values: [0, 1], weight: 5 },
      { values: [1, 0], weight: 10 },
      { values: [0, 0], weight: 15 },
    ];
    expect(cohenKappa(data)).toBeCloseTo(0.4, 12);
  });

  it("refuses more than two coders", () => {
    expect(() => cohenKappa([{ values: [0, 1, 1], weight: 1 }])).toThrow(RangeError);
  });
});

describe("properties", () => {
  const random = seededRandom(12);
  const randomData = (units: number, coders: number, categories: number, missing = 0): RatedUnit[] =>
    Array.from({ length: units }, () => ({
      values: Array.from({ length: coders }, () => (random() < missing ? null : Math.floor(random() * categories))),
      weight: 1,
    }));

  it("gives 1 for perfect agreement", () => {
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 30 }, () => Math.floor(random() * 4));
      values[0] = 0;
      values[1] = 1;
      for (const coders of [2, 3, 5]) {
        const data = values.map((v) => ({ values: Array.from({ length: coders }, () => v), weight: 1 }));
        expect(krippendorffAlpha(data)).toBeCloseTo(1, 12);
        expect(percentAgreement(data)).toBe(1);
        if (coders === 2) expect(cohenKappa(data)).toBeCloseTo(1, 12);
      }
    }
  });

  it("is symmetric in the coders", () => {
    for (let trial = 0; trial < 20; trial++) {
      const data = randomData(40, 3, 3, 0.2);
      const reversed = data.map((u) => ({ ...u, values: [...u.values].reverse() }));
      const rotated = data.map((u) => ({ ...u, values: [...u.values.slice(1), u.values[0]!] }));
      expect(krippendorffAlpha(reversed)).toBeCloseTo(krippendorffAlpha(data)!, 12);
      expect(krippendorffAlpha(rotated)).toBeCloseTo(krippendorffAlpha(data)!, 12);
      expect(percentAgreement(rotated)).toBeCloseTo(percentAgreement(data)!, 12);
      const two = randomData(40, 2, 3);
      const swapped = two.map((u) => ({ ...u, values: [u.values[1]!, u.values[0]!] }));
      expect(cohenKappa(swapped)).toBeCloseTo(cohenKappa(two)!, 12);
    }
  });

  it("stays near 0 for large random independent codings", () => {
    const two = randomData(50_000, 2, 2);
    expect(Math.abs(cohenKappa(two)!)).toBeLessThan(0.02);
    expect(Math.abs(krippendorffAlpha(two)!)).toBeLessThan(0.02);
    const many = randomData(50_000, 4, 5, 0.3);
    expect(Math.abs(krippendorffAlpha(many)!)).toBeLessThan(0.02);
  });
});
