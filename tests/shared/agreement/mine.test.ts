import { describe, expect, it } from "vitest";
import { byCoder, coderCodeCounts, coderEvidence, type CodeId, type DocumentId } from "../../../shared/index.js";

describe("byCoder (show only my codings)", () => {
  const items = [{ coder: "Ayu", n: 1 }, { coder: "Budi", n: 2 }, { coder: "Ayu", n: 3 }];
  it("keeps one coder's items, in order", () => {
    expect(byCoder(items, "Ayu").map((i) => i.n)).toEqual([1, 3]);
    expect(byCoder(items, "Citra")).toEqual([]);
  });
  it("returns the very same list when the switch is off, so memoised views do not redraw", () => {
    expect(byCoder(items, null)).toBe(items);
  });
});

describe("one coder's evidence and counts (indicators and codebook under only my codings)", () => {
  const c = (coder: string, codeId: string, documentId: string, stance: "supports" | "contradicts" = "supports") => ({ coder, codeId: codeId as CodeId, documentId: documentId as DocumentId, stance });
  const codings = [c("Ayu", "k1", "d1"), c("Ayu", "k1", "d1", "contradicts"), c("Ayu", "k1", "d2"), c("Budi", "k1", "d1"), c("Budi", "k2", "d1"), c("Ayu", "k2", "d2", "contradicts")];

  it("counts supporting and contradicting codings per code and document, of that coder only", () => {
    const seen: [string, string, number, number][] = [];
    coderEvidence(codings, "Ayu").forEach((code, doc, s, n) => seen.push([code, doc, s, n]));
    expect(seen.sort()).toEqual([["k1", "d1", 1, 1], ["k1", "d2", 1, 0], ["k2", "d2", 0, 1]]);
    const budi: [string, string, number, number][] = [];
    coderEvidence(codings, "Budi").forEach((code, doc, s, n) => budi.push([code, doc, s, n]));
    expect(budi.sort()).toEqual([["k1", "d1", 1, 0], ["k2", "d1", 1, 0]]);
  });

  it("counts a coder's codings per code, zero for a code they never applied", () => {
    const ayu = coderCodeCounts(codings, "Ayu");
    expect([ayu("k1" as CodeId), ayu("k2" as CodeId), ayu("k3" as CodeId)]).toEqual([3, 1, 0]);
    expect(coderCodeCounts(codings, "Citra")("k1" as CodeId)).toBe(0);
  });
});
