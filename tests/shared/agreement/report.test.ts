import { describe, expect, it } from "vitest";
import { agreementReport, krippendorffAlpha, linesToBlocks, type AgreementRequest, type DocumentContent, type DocumentId, type ProjectState } from "../../../shared/index.js";
import { code, coding, documentMeta, project } from "../fixtures.js";

// Five paragraphs of 10 characters each ("Paragraf N" + newline between them).
const TEXT = ["Paragraf 1", "Paragraf 2", "Paragraf 3", "Paragraf 4", "Paragraf 5"].join("\n");
const at = (p: number) => p * 11;

function setup() {
  const state: ProjectState = project();
  const doc = documentMeta("Wawancara", TEXT.length);
  state.documents[doc.id] = doc;
  const parent = code("Tahap");
  const [a, b, c] = [code("Awal", parent.id, 0), code("Tengah", parent.id, 1), code("Akhir", parent.id, 2)];
  for (const x of [parent, a, b, c]) state.codes[x.id] = x;
  const contents = new Map<DocumentId, DocumentContent>([[doc.id, { text: TEXT, blocks: linesToBlocks(TEXT) }]]);
  const add = (coder: string, codeId: typeof a.id, start: number, end: number) => {
    const made = coding(doc.id, codeId, start, end, { coder });
    state.codings[made.id] = made;
    return made;
  };
  return { state, doc, contents, codes: { parent, a, b, c }, add };
}

const request = (extra: Partial<AgreementRequest> = {}): AgreementRequest => ({ coders: ["Ayu", "Budi"], unit: "paragraph", codeIds: [], categories: null, documentIds: [], excludeUncoded: false, ...extra });

describe("agreementReport", () => {
  it("compares a code present or absent per paragraph, and the exclusion of uncoded paragraphs changes the units", () => {
    const { state, contents, codes, add } = setup();
    // Ayu codes paragraphs 1 and 2; Budi codes paragraph 1 only (a coding inside it counts for the whole paragraph).
    add("Ayu", codes.a.id, at(0), at(2) - 1);
    add("Budi", codes.a.id, at(0) + 2, at(0) + 5);
    const report = agreementReport(state, contents, request());
    expect(report.codes).toHaveLength(1);
    const [stats] = report.codes;
    // Units: 5 paragraphs; agree on 1 (both), 3, 4, 5 (neither); differ on 2.
    expect(stats).toMatchObject({ codeId: codes.a.id, units: 5, percentAgreement: 0.8 });
    // p_o = 0.8, p_e = 0.4·0.2 + 0.6·0.8 = 0.56, kappa = 0.24 / 0.44.
    expect(stats!.kappa).toBeCloseTo(0.24 / 0.44, 12);
    expect(report.overall.units).toBe(5);

    const excluded = agreementReport(state, contents, request({ excludeUncoded: true }));
    expect(excluded.codes[0]).toMatchObject({ units: 2, percentAgreement: 0.5 });
    expect(excluded.excludeUncoded).toBe(true);
    expect(excluded.disagreements).toEqual([expect.objectContaining({ start: at(1), end: at(1) + 10, codeId: codes.a.id })]);
  });

  it("counts characters at the character unit, and uncoded text inflates agreement unless excluded", () => {
    const { state, contents, codes, add } = setup();
    add("Ayu", codes.a.id, 0, 10);
    add("Budi", codes.a.id, 5, 15);
    const all = agreementReport(state, contents, request({ unit: "character" }));
    // 54 characters: 5 both, 10 one coder, 39 neither.
    expect(all.codes[0]).toMatchObject({ units: TEXT.length, percentAgreement: (TEXT.length - 10) / TEXT.length });
    const excluded = agreementReport(state, contents, request({ unit: "character", excludeUncoded: true }));
    expect(excluded.codes[0]).toMatchObject({ units: 15, percentAgreement: 5 / 15 });
    expect(excluded.codes[0]!.kappa!).toBeLessThan(all.codes[0]!.kappa!);
  });

  it("treats a parent's children as one nominal variable, a missing value where a coder applied none, and counts conflicts", () => {
    const { state, contents, codes, add } = setup();
    const third = ["Citra"];
    // Paragraphs 1–5 by Ayu, Budi, Citra: (Awal, Awal, Awal), (Tengah, Tengah, –), (Akhir, Tengah, Akhir), (–, –, Awal), (Awal + Tengah, Awal, Awal).
    const plan: [string, typeof codes.a, number][] = [
      ["Ayu", codes.a, 0], ["Budi", codes.a, 0], ["Citra", codes.a, 0],
      ["Ayu", codes.b, 1], ["Budi", codes.b, 1],
      ["Ayu", codes.c, 2], ["Budi", codes.b, 2], ["Citra", codes.c, 2],
      ["Citra", codes.a, 3],
      ["Ayu", codes.a, 4], ["Ayu", codes.b, 4], ["Budi", codes.a, 4], ["Citra", codes.a, 4],
    ];
    for (const [coder, c, p] of plan) add(coder, c.id, at(p), at(p) + 10);
    const report = agreementReport(state, contents, request({ coders: ["Ayu", "Budi", ...third], categories: codes.parent.id }));
    expect(report.conflicts).toBe(1);
    expect(report.codes).toEqual([]);
    expect(report.overall.kappa).toBeUndefined();
    // The same data as Krippendorff's matrix: Ayu's conflict on paragraph 5 is a missing value.
    const expected = krippendorffAlpha([
      { values: [0, 0, 0], weight: 1 },
      { values: [1, 1, null], weight: 1 },
      { values: [2, 1, 2], weight: 1 },
      { values: [null, null, 0], weight: 1 },
      { values: [null, 0, 0], weight: 1 },
    ]);
    expect(report.overall.alpha).toBeCloseTo(expected!, 12);
    expect(report.overall.units).toBe(4);
  });

  it("compares only documents every coder coded, and names an unknown coder with the project's coders", () => {
    const { state, contents, codes, add, doc } = setup();
    add("Ayu", codes.a.id, 0, 5);
    expect(() => agreementReport(state, contents, request({ coders: ["Ayu", "Ayu"] }))).toThrow(expect.objectContaining({ code: "agreement.errors.twoCoders" }));
    expect(() => agreementReport(state, contents, request())).toThrow(expect.objectContaining({ code: "agreement.errors.unknownCoder", params: { coder: "Budi", valid: "Ayu" } }));
    add("Budi", codes.b.id, 20, 25);
    const other = documentMeta("Catatan");
    state.documents[other.id] = other;
    const report = agreementReport(state, contents, request());
    expect(report.documentIds).toEqual([doc.id]);
    expect(report.skippedDocumentIds).toEqual([other.id]);
  });

  it("cuts paragraphs into sentences at the sentence unit", () => {
    const text = "Satu. Dua! Tiga?\nEmpat.";
    const state: ProjectState = project();
    const doc = documentMeta("Catatan", text.length);
    state.documents[doc.id] = doc;
    const c = code("Ekonomi");
    state.codes[c.id] = c;
    for (const [coder, word] of [["Ayu", "Dua"], ["Budi", "Tiga"]] as const) {
      const made = coding(doc.id, c.id, text.indexOf(word), text.indexOf(word) + word.length, { coder });
      state.codings[made.id] = made;
    }
    const contents = new Map<DocumentId, DocumentContent>([[doc.id, { text, blocks: linesToBlocks(text) }]]);
    const report = agreementReport(state, contents, request({ unit: "sentence" }));
    expect(report.codes[0]).toMatchObject({ units: 4, percentAgreement: 0.5 });
    expect(report.disagreements.map((d) => text.slice(d.start, d.end))).toEqual(["Dua!", "Tiga?"]);
  });
});
