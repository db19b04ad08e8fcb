import { describe, expect, it } from "vitest";
import { acceptVersion, agreementReport, applyOperation, linesToBlocks, type DocumentContent, type DocumentId } from "../../../shared/index.js";
import { code, coding, documentMeta, project } from "../fixtures.js";

const TEXT = "Paragraf satu.\nParagraf dua.";

describe("acceptVersion", () => {
  it("keeps the accepted coder's codings on a disagreement, removes the others', as one undoable step", () => {
    const state = project();
    const doc = documentMeta("Wawancara", TEXT.length);
    state.documents[doc.id] = doc;
    const ekonomi = code("Ekonomi");
    state.codes[ekonomi.id] = ekonomi;
    const ayu = coding(doc.id, ekonomi.id, 0, 8, { coder: "Ayu" });
    const ayu2 = coding(doc.id, ekonomi.id, 15, 20, { coder: "Ayu" });
    const budi = coding(doc.id, ekonomi.id, 15, 28, { coder: "Budi" });
    for (const c of [ayu, ayu2, budi]) state.codings[c.id] = c;
    const contents = new Map<DocumentId, DocumentContent>([[doc.id, { text: TEXT, blocks: linesToBlocks(TEXT) }]]);
    const request = { coders: ["Ayu", "Budi"], unit: "paragraph" as const, codeIds: [], categories: null, documentIds: [], excludeUncoded: false };
    const [first] = agreementReport(state, contents, request).disagreements;
    // Paragraph 1: Ayu coded it, Budi did not. Accepting Budi's version (not coded) removes Ayu's coding.
    expect(first).toMatchObject({ start: 0, codings: [[ayu.id], []] });
    expect(acceptVersion(state, first!, 0)).toBeNull();
    const before = structuredClone(state);
    const undo = applyOperation(state, acceptVersion(state, first!, 1)!);
    expect(state.codings[ayu.id]).toBeUndefined();
    expect(agreementReport(state, contents, request).disagreements).toEqual([]);
    applyOperation(state, undo);
    expect(state).toEqual(before);
  });
});
