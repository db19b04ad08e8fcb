import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSampleProject } from "../../../electron/backend/sample.js";
import { pinState } from "../../../electron/export/run.js";
import {
  applyOperation,
  newCaseId,
  newCodeId,
  newCodingId,
  newDocumentGroupId,
  offset,
  type Operation,
  type ProjectState,
} from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

/**
 * An in-process export works on pinState's copy of the maps, sharing the records with the live
 * state. That is a snapshot only as long as no operation changes a record in place: every family
 * of operations is run here on the live state, then undone, and the pinned copy must not move.
 */
const temp = useTempDirs();
const NOW = "2026-12-01T12:00:00.000Z";

async function sampleState(): Promise<ProjectState> {
  const store = await createSampleProject(join(await temp(), "Sample"), "Peneliti", "id");
  const state = structuredClone(store.state);
  await store.close();
  return state;
}

/** One or more operations of each family, valid on the sample project. */
function everyKind(state: ProjectState): Operation[] {
  const [document, other] = Object.values(state.documents);
  const codes = Object.values(state.codes);
  const [coding] = Object.values(state.codings);
  const [kase] = Object.values(state.cases);
  const code = codes.find((c) => c.parentId !== null)!;
  const codingId = newCodingId();
  const groupId = newDocumentGroupId();
  const caseId = newCaseId();
  const childId = newCodeId();
  return [
    { type: "renameProject", name: "Nama baru" },
    { type: "renameDocument", documentId: document!.id, title: "Judul baru" },
    { type: "updateCode", codeId: code.id, name: "Kode baru", color: "#009e73" },
    { type: "moveCode", codeId: code.id, parentId: null, order: 99 },
    { type: "setCodeKey", codeId: code.id, key: 9 },
    { type: "addCode", code: { id: childId, name: "Anak", color: "#56b4e9", parentId: code.id, order: 1, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW } },
    { type: "addCoding", coding: { id: codingId, documentId: document!.id, codeId: childId, start: offset(2), end: offset(9), coder: "Peneliti", stance: "supports", createdAt: NOW } },
    { type: "setStance", codingId: coding!.id, stance: coding!.stance === "supports" ? "contradicts" : "supports" },
    { type: "recodeCoding", codingId: coding!.id, codeId: childId },
    { type: "setMemo", target: { kind: "coding", id: codingId }, content: { type: "doc" }, text: "Catatan" },
    { type: "setMemo", target: { kind: "project" }, content: { type: "doc" }, text: "Catatan proyek" },
    { type: "addCase", case: { id: caseId, name: "Kasus baru", documentIds: [], createdAt: NOW } },
    { type: "assignDocument", caseId, documentId: document!.id },
    ...(kase ? [{ type: "renameCase", caseId: kase.id, name: "Kasus lama" } as const, { type: "unassignDocument", caseId: kase.id, documentId: kase.documentIds[0]! } as const] : []),
    { type: "addDocumentGroup", group: { id: groupId, name: "Kelompok", documentIds: [], createdAt: NOW } },
    { type: "addToDocumentGroup", groupId, documentId: (other ?? document)!.id },
    { type: "orderDocuments", orders: { [document!.id]: 3 } },
    { type: "removeCoding", codingId },
    { type: "mergeCodes", sourceId: childId, targetId: code.id },
    { type: "deleteCode", codeId: codes.find((c) => c.id !== code.id && c.parentId === null)!.id },
    { type: "removeDocument", documentId: document!.id },
  ];
}

describe("pinState", () => {
  it("stays the state it was pinned at while every kind of operation is applied and undone", async () => {
    const live = await sampleState();
    const before = structuredClone(live);
    const pinned = pinState(live);
    const inverses = everyKind(live).map((op) => applyOperation(live, op, NOW));
    expect(live).not.toEqual(before);
    expect(pinned).toEqual(before);
    for (const inverse of inverses.reverse()) applyOperation(live, inverse, NOW);
    expect(pinned).toEqual(before);
  });

  it("shares the records themselves (no deep copy) but not the maps that hold them", async () => {
    const live = await sampleState();
    const pinned = pinState(live);
    const [id] = Object.keys(live.codings);
    expect(pinned.codings).not.toBe(live.codings);
    expect(pinned.codings[id as keyof typeof live.codings]).toBe(live.codings[id as keyof typeof live.codings]);
  });
});
