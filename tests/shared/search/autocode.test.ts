import { describe, expect, it } from "vitest";
import { applyOperation, autocodeOps, extendToUnit, findHits, planAutocode, type Operation } from "../../../shared/index.js";
import { code, coding } from "../fixtures.js";
import { request, world } from "./world.js";

const TEXT = [
  "Pewawancara: Apa hambatannya?",
  "Narasumber: Anggaran kami kecil. Penganggaran juga lambat! Tapi kami tetap jalan.",
  "Di tahun kedua anggaran naik.",
  "Pewawancara: Terima kasih.",
].join("\n");

describe("auto-coding", () => {
  it("widens a hit to its word, sentence, paragraph or speaker turn, without the speaker's label", () => {
    const { index, ids } = world({ T: TEXT });
    const doc = index.get(ids.T!)!;
    const at = TEXT.indexOf("ganggaran");
    const slice = ([s, e]: [number, number]) => TEXT.slice(s, e);
    expect(slice(extendToUnit(doc, at, at + 4, "word"))).toBe("Penganggaran");
    expect(slice(extendToUnit(doc, at, at + 4, "sentence"))).toBe("Penganggaran juga lambat!");
    const first = TEXT.indexOf("Anggaran");
    expect(slice(extendToUnit(doc, first, first + 8, "sentence"))).toBe("Anggaran kami kecil.");
    expect(slice(extendToUnit(doc, at, at + 4, "paragraph"))).toBe("Anggaran kami kecil. Penganggaran juga lambat! Tapi kami tetap jalan.");
    // A hit in the label itself keeps it.
    const label = TEXT.indexOf("Narasumber");
    expect(slice(extendToUnit(doc, label, label + 10, "paragraph"))).toBe("Narasumber: Anggaran kami kecil. Penganggaran juga lambat! Tapi kami tetap jalan.");
    expect(slice(extendToUnit(doc, at, at + 4, "turn"))).toBe("Anggaran kami kecil. Penganggaran juga lambat! Tapi kami tetap jalan.\nDi tahun kedua anggaran naik.");
  });

  it("plans one coding per unit, skips what the code already covers, and applies as one batch that one inverse undoes", () => {
    const { state, index, ids } = world({ T: TEXT });
    const budget = code("Anggaran");
    state.codes[budget.id] = budget;
    const existing = coding(ids.T!, budget.id, TEXT.indexOf("Di tahun"), TEXT.indexOf("naik.") + 5);
    state.codings[existing.id] = existing;
    const { hits } = findHits(index, state, request("anggaran"));
    expect(hits).toHaveLength(3);
    // Two hits in the Narasumber's first paragraph make one paragraph coding; the third is covered already.
    const plan = planAutocode(state, hits, "paragraph", budget.id);
    expect(plan.codings.map((p) => p.text)).toEqual(["Anggaran kami kecil. Penganggaran juga lambat! Tapi kami tetap jalan."]);
    expect(plan.skipped.map((p) => p.text)).toEqual(["Di tahun kedua anggaran naik."]);
    // Only ticked hits.
    const ticked = planAutocode(state, hits, "word", budget.id, [{ documentId: ids.T!, start: hits[1]!.start, end: hits[1]!.end }]);
    expect(ticked.codings.map((p) => p.text)).toEqual(["Penganggaran"]);

    const batch: Operation = { type: "batch", ops: autocodeOps(planAutocode(state, hits, "word", budget.id), budget.id, "Rina", "2026-01-01T00:00:00.000Z") };
    const before = Object.keys(state.codings).length;
    const inverse = applyOperation(state, batch);
    const added = Object.values(state.codings).filter((c) => c.id !== existing.id);
    expect(added.map((c) => TEXT.slice(c.start, c.end))).toEqual(["Anggaran", "Penganggaran"]);
    applyOperation(state, inverse);
    expect(Object.keys(state.codings)).toHaveLength(before);
  });
});
