import { describe, expect, it } from "vitest";
import { refiPreviewLines, translate, type RefiPreview } from "../../../shared/index.js";

const preview = (checked: number, basis: "confirmed" | "selections"): RefiPreview => ({
  name: "p.qdpx",
  origin: "",
  reading: { reading: "codePoints", basis, fitting: checked, checked } as RefiPreview["reading"],
  add: { sources: 1, codes: 1, codings: 1, memos: 0, cases: 0, groups: 0, attributes: 0, values: 0 },
  already: { sources: 0, codes: 0, codings: 0 },
  notImported: { caseSelections: 0, pdfSources: 0, pdfSelections: 0, pictures: 0, audio: 0, video: 0, emptySelections: 0, unknownCodes: 0, badValues: 0 },
  codeSets: [],
});

describe("the REFI-QDA preview's reading line", () => {
  it("counts the selections it checked in the singular and the plural", () => {
    const line = (checked: number, basis: "confirmed" | "selections") => refiPreviewLines(preview(checked, basis), (key, params) => translate("en", key, params)).join("\n");
    expect(line(1, "confirmed")).toContain("confirmed on 1 of 1 selection");
    expect(line(1, "confirmed")).not.toContain("1 selections");
    expect(line(3, "confirmed")).toContain("confirmed on 3 of 3 selections");
    expect(line(1, "selections")).toContain("1 of 1 selection falls on its text");
    expect(refiPreviewLines(preview(1, "confirmed"), (key, params) => translate("id", key, params)).join("\n")).toContain("dipastikan pada 1 dari 1 seleksi");
  });
});
