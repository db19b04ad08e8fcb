import { describe, expect, it } from "vitest";
import { applyOperation, batch, checkIntegrity, newCaseId, planMerge, type DocumentId, type ProjectState } from "../../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "../fixtures.js";

/** A project and the copy a second coder got (a deep copy, as handoff writes it), with each side's text hashes. */
function handedOff() {
  const mine: ProjectState = project();
  const doc = documentMeta("Wawancara 1", 500);
  mine.documents[doc.id] = doc;
  const motif = code("Motif");
  const ekonomi = code("Ekonomi", motif.id);
  for (const c of [motif, ekonomi]) mine.codes[c.id] = c;
  const kase = { id: newCaseId(), name: "Padang", documentIds: [doc.id], createdAt: NOW };
  mine.cases[kase.id] = kase;
  const theirs: ProjectState = structuredClone(mine);
  const hashes = { mine: new Map<DocumentId, string>([[doc.id, "h1"]]), theirs: new Map<DocumentId, string>([[doc.id, "h1"]]) };
  return { mine, theirs, doc, motif, ekonomi, hashes };
}

const add = (state: ProjectState, c: ReturnType<typeof coding>) => ((state.codings[c.id] = c), c);

function merge(mine: ProjectState, theirs: ProjectState, hashes: Parameters<typeof planMerge>[2], choices = {}) {
  const plan = planMerge(mine, theirs, hashes, choices);
  if (plan.ops.length) applyOperation(mine, batch(plan.ops));
  return plan;
}

describe("planMerge", () => {
  it("copy → code on both sides → merge: every coding present once; merging again changes nothing", () => {
    const { mine, theirs, doc, ekonomi, hashes } = handedOff();
    add(mine, coding(doc.id, ekonomi.id, 0, 10, { coder: "Ayu" }));
    add(theirs, coding(doc.id, ekonomi.id, 5, 20, { coder: "Budi" }));
    // Budi also makes a new code and a new document.
    const budaya = code("Budaya");
    theirs.codes[budaya.id] = budaya;
    const doc2 = documentMeta("Wawancara 2", 300);
    theirs.documents[doc2.id] = doc2;
    hashes.theirs.set(doc2.id, "h2");
    add(theirs, coding(doc2.id, budaya.id, 0, 30, { coder: "Budi" }));
    theirs.memos[`document:${doc2.id}`] = { target: { kind: "document", id: doc2.id }, content: { type: "doc", content: [] }, text: "Catatan Budi", updatedAt: NOW };

    const plan = merge(mine, theirs, hashes);
    expect(plan).toMatchObject({ addedCodings: 2, presentCodings: 0, addedCodes: [budaya.id], addedMemos: 1, conflicts: [], matchedCases: 1 });
    expect(plan.addedDocuments).toEqual([{ theirs: doc2.id, mine: doc2.id }]);
    expect(plan.matchedDocuments).toEqual([{ theirs: doc.id, mine: doc.id }]);
    expect(checkIntegrity(mine)).toEqual([]);
    const codings = Object.values(mine.codings).map((c) => `${c.coder}:${c.documentId === doc.id ? 1 : 2}:${c.start}-${c.end}`).sort();
    expect(codings).toEqual(["Ayu:1:0-10", "Budi:1:5-20", "Budi:2:0-30"]);

    hashes.mine.set(doc2.id, "h2");
    const before = structuredClone(mine);
    const again = merge(mine, theirs, hashes);
    expect(again.ops).toEqual([]);
    expect(again).toMatchObject({ addedCodings: 0, presentCodings: 2, addedCodes: [], addedMemos: 0, addedDocuments: [] });
    expect(mine).toEqual(before);
  });

  it("is one undo step: the batch's inverse restores the project", () => {
    const { mine, theirs, doc, ekonomi, hashes } = handedOff();
    add(theirs, coding(doc.id, ekonomi.id, 5, 20, { coder: "Budi" }));
    theirs.codes[code("Baru").id] = code("Baru");
    const before = structuredClone(mine);
    const plan = planMerge(mine, theirs, hashes);
    const inverse = applyOperation(mine, batch(plan.ops));
    applyOperation(mine, inverse);
    expect(mine).toEqual(before);
  });

  it("matches documents by text and codes by path, then by name ignoring case and accents, when ids differ", () => {
    const { mine, doc, motif, ekonomi } = handedOff();
    // A project built separately: other ids everywhere, the same text and code names.
    const theirs: ProjectState = project();
    const theirDoc = documentMeta("Transkrip A", 500);
    theirs.documents[theirDoc.id] = theirDoc;
    const tMotif = code("Motif");
    const tEkonomi = code("Ekonomi", tMotif.id);
    const tBudaya = code("BUDAYÁ");
    for (const c of [tMotif, tEkonomi, tBudaya]) theirs.codes[c.id] = c;
    const budaya = code("budaya");
    mine.codes[budaya.id] = budaya;
    add(theirs, coding(theirDoc.id, tEkonomi.id, 1, 4, { coder: "Budi" }));
    const hashes = { mine: new Map([[doc.id, "same"]]), theirs: new Map([[theirDoc.id, "same"]]) };

    const plan = merge(mine, theirs, hashes);
    expect(plan.matchedDocuments).toEqual([{ theirs: theirDoc.id, mine: doc.id }]);
    expect(plan.matchedCodes).toEqual(
      expect.arrayContaining([
        { theirs: tMotif.id, mine: motif.id, by: "path" },
        { theirs: tEkonomi.id, mine: ekonomi.id, by: "path" },
        { theirs: tBudaya.id, mine: budaya.id, by: "name" },
      ]),
    );
    expect(plan.addedCodes).toEqual([]);
    expect(Object.values(mine.codings)).toEqual([expect.objectContaining({ documentId: doc.id, codeId: ekonomi.id, coder: "Budi" })]);
    expect(Object.keys(mine.codes)).toHaveLength(3);
  });

  it("lists renamed codes and memos edited on both sides as conflicts, keeping ours unless told to take theirs", () => {
    const { mine, theirs, doc, ekonomi, hashes } = handedOff();
    mine.codes[ekonomi.id]!.name = "Motif ekonomi";
    theirs.codes[ekonomi.id]!.name = "Ekonomi-politik";
    const key = `document:${doc.id}`;
    mine.memos[key] = { target: { kind: "document", id: doc.id }, content: { type: "doc", content: [] }, text: "Versi Ayu", updatedAt: NOW };
    theirs.memos[key] = { target: { kind: "document", id: doc.id }, content: { type: "doc", content: [] }, text: "Versi Budi", updatedAt: NOW };

    const preview = planMerge(mine, theirs, hashes);
    expect(preview.conflicts).toEqual([
      { key: `code:${ekonomi.id}`, kind: "codeRenamed", mine: "Motif ekonomi", theirs: "Ekonomi-politik" },
      { key: `memo:${key}`, kind: "memoEdited", mine: "Versi Ayu", theirs: "Versi Budi" },
    ]);
    expect(preview.ops).toEqual([]);

    merge(mine, theirs, hashes, { [`code:${ekonomi.id}`]: "theirs", [`memo:${key}`]: "theirs" });
    expect(mine.codes[ekonomi.id]!.name).toBe("Ekonomi-politik");
    expect(mine.memos[key]!.text).toBe("Versi Budi");
  });
});
