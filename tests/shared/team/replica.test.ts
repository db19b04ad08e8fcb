import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ProjectState as ProjectStateSchema, applyOperation, checkIntegrity, type Operation, emptyProject, memoKey, newDocumentGroupId, type CodeId, type ProjectState } from "../../../shared/index.js";
import { REMOTE_ORIGIN, applyRemoteUpdate, memoFragmentName, readProjectHeader, writeMemoFragment } from "../../../shared/team/index.js";
import { code, coding, documentMeta, project } from "../fixtures.js";
import { Member, join, meet } from "./members.js";

const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const memoDoc = (...texts: string[]) => ({ type: "doc", content: texts.map(para) });

/** A small shared project: two documents, a code tree, codings, a memo, a case. */
function seeded(): ProjectState {
  const state = project();
  const d1 = documentMeta("Wawancara 1", 500);
  const d2 = documentMeta("Wawancara 2", 800);
  state.documents[d1.id] = d1;
  state.documents[d2.id] = d2;
  const parent = code("Tata kelola");
  const child = code("Kepercayaan", parent.id, 1);
  state.codes[parent.id] = parent;
  state.codes[child.id] = child;
  const k = coding(d1.id, child.id, 10, 40);
  state.codings[k.id] = k;
  state.memos.project = { target: { kind: "project" }, content: memoDoc("Pertanyaan penelitian"), text: "Pertanyaan penelitian", updatedAt: "2026-01-01T00:00:00.000Z" };
  state.cases["case1234" as keyof ProjectState["cases"]] = { id: "case1234" as never, name: "Padang", documentIds: [d1.id, d2.id], createdAt: "2026-01-01T00:00:00.000Z" };
  return state;
}

const clone = (s: ProjectState) => structuredClone(s);

describe("team replica: seeding and joining", () => {
  it("a joiner with only the doc reconstructs documents' metas, codebook, codings, memos and cases", () => {
    const owner = new Member("Rani", seeded());
    const header = readProjectHeader(owner.replica.doc)!;
    expect(header.id).toBe(owner.state.id);
    const joiner = join("Budi", owner, emptyProject(header.id, header.name, header.createdAt));
    expect(joiner.canonical()).toBe(owner.canonical());
    expect(joiner.replica.missingTexts([]).map((m) => m.contentHash).sort()).toEqual(Object.keys(owner.state.documents).map((id) => `hash-${id}`).sort());
    expect(owner.replica.missingTexts(Object.keys(owner.state.documents) as never)).toEqual([]);
  });

  it("restarts from a snapshot and continues without re-sending everything", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const snap = b.replica.snapshot();
    const restarted = new Member("Budi", clone(b.state), { update: snap.update, base: structuredClone(snap.base) });
    // Nothing to pull, and nothing new written by the restart itself.
    expect(restarted.pull()).toEqual([]);
    const sv = Y.encodeStateVector(a.replica.doc);
    expect(Y.encodeStateAsUpdate(restarted.replica.doc, sv).byteLength).toBeLessThan(40);
    // A change after the restart goes out as a small update and arrives.
    const docId = Object.keys(a.state.documents)[0]!;
    const codeId = Object.keys(a.state.codes)[1]!;
    restarted.apply({ type: "addCoding", coding: coding(docId as never, codeId as never, 100, 120, { coder: "Budi" }) });
    const delta = Y.encodeStateAsUpdate(restarted.replica.doc, Y.encodeStateVector(a.replica.doc));
    expect(delta.byteLength).toBeLessThan(400);
    meet(a, restarted);
    expect(a.canonical()).toBe(restarted.canonical());
    expect(Object.keys(a.state.codings)).toHaveLength(2);
  });

  it("a change made locally after the last snapshot still goes out after a restart", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const snap = b.replica.snapshot();
    const codeId = Object.keys(b.state.codes)[0]!;
    // Durable locally, then the process died before the snapshot was written again.
    const local = clone(b.state);
    local.codes[codeId as never] = { ...local.codes[codeId as never]!, color: "#123456" };
    const restarted = new Member("Budi", local, { update: snap.update, base: structuredClone(snap.base) });
    meet(a, restarted);
    expect(a.state.codes[codeId as never]!.color).toBe("#123456");
  });
});

describe("team replica: the quick pull", () => {
  it("codings from another member online are pulled without reading the whole doc, and anything else reads it all", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    meet(a, b);
    const docId = Object.keys(a.state.documents)[0]! as never;
    const [parentId, childId] = Object.keys(a.state.codes) as [CodeId, CodeId];
    const first = coding(docId, childId, 100, 130, { coder: "Rani" });
    a.apply({ type: "addCoding", coding: first });
    a.apply({ type: "setStance", codingId: Object.keys(a.state.codings)[0]! as never, stance: "contradicts" });
    meet(a, b);
    expect(b.replica.lastPull).toBe("quick");
    expect(b.state.codings[first.id]).toEqual(first);
    expect(b.canonical()).toBe(a.canonical());
    a.apply({ type: "removeCoding", codingId: first.id });
    meet(a, b);
    expect(b.replica.lastPull).toBe("quick");
    expect(b.state.codings[first.id]).toBeUndefined();
    // A memo written here meanwhile does not stop the next remote coding from pulling quickly.
    b.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Catatan Budi"), text: "Catatan Budi" });
    const second = coding(docId, childId, 140, 150, { coder: "Rani" });
    a.apply({ type: "addCoding", coding: second });
    const toB = Y.encodeStateAsUpdate(a.replica.doc, Y.encodeStateVector(b.replica.doc));
    applyRemoteUpdate(b.replica.doc, toB);
    b.pull();
    expect(b.replica.lastPull).toBe("quick");
    expect(b.state.codings[second.id]).toEqual(second);
    meet(a, b);
    expect(a.state.memos.project!.text).toBe("Catatan Budi");
    // A code changed too: the whole doc is read.
    a.apply({ type: "updateCode", codeId: parentId, color: "#0072b2" });
    meet(a, b);
    expect(b.replica.lastPull).toBe("full");
    expect(b.canonical()).toBe(a.canonical());
  });

  it("a coding on a code deleted here falls back to the full read, which restores the code", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    meet(a, b);
    const docId = Object.keys(a.state.documents)[0]! as never;
    const [, childId] = Object.keys(a.state.codes) as [CodeId, CodeId];
    b.apply({ type: "deleteCode", codeId: childId });
    const fresh = coding(docId, childId, 200, 230, { coder: "Rani" });
    a.apply({ type: "addCoding", coding: fresh });
    meet(a, b);
    expect(b.state.codes[childId]).toBeDefined();
    expect(b.state.codings[fresh.id]).toEqual(fresh);
    expect(b.canonical()).toBe(a.canonical());
  });
});

describe("team replica: merging", () => {
  it("a rename and a recolour of one code by two members both survive", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const id = Object.keys(a.state.codes)[0]! as never;
    a.apply({ type: "updateCode", codeId: id, name: "Tata kelola lokal" });
    b.apply({ type: "updateCode", codeId: id, color: "#0072b2" });
    meet(a, b);
    expect(a.state.codes[id]).toMatchObject({ name: "Tata kelola lokal", color: "#0072b2" });
    expect(a.canonical()).toBe(b.canonical());
    expect(a.replica.conflicts()).toEqual([]);
  });

  it("two offline edits to one memo are both in the merged memo, with a notice", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    a.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Pertanyaan penelitian utama", "Catatan Rani"), text: "" });
    b.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Pertanyaan penelitian", "Catatan Budi"), text: "" });
    meet(a, b);
    meet(a, b);
    const memo = a.state.memos[memoKey({ kind: "project" })]!;
    expect(memo.text).toContain("Pertanyaan penelitian utama");
    expect(memo.text).toContain("Catatan Rani");
    expect(memo.text).toContain("Catatan Budi");
    expect(a.canonical()).toBe(b.canonical());
    const notices = a.replica.conflicts().filter((c) => c.kind === "memoEdited");
    expect(notices).toHaveLength(1);
    expect([notices[0]!.kept.by, notices[0]!.other.by].sort()).toEqual(["Budi", "Rani"]);
    expect(b.replica.conflicts().map((c) => c.id)).toEqual(a.replica.conflicts().map((c) => c.id));
    expect(() => a.replica.resolve(notices[0]!.id, "other")).toThrow(/noOtherSide/);
    expect(a.replica.resolve(notices[0]!.id, "keep")).toEqual([]);
    meet(a, b);
    expect(b.replica.conflicts()).toEqual([]);
  });

  it("two members who set one memo apart, with different dates, settle: meeting again writes nothing", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    a.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Satu"), text: "Satu", updatedAt: "2026-03-01T00:00:00.000Z" });
    b.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Dua"), text: "Dua", updatedAt: "2026-03-02T00:00:00.000Z" });
    meet(a, b);
    meet(a, b);
    const vectors = [a, b].map((m) => Y.encodeStateVector(m.replica.doc).join());
    meet(a, b);
    expect([a, b].map((m) => Y.encodeStateVector(m.replica.doc).join())).toEqual(vectors);
    expect(a.canonical()).toBe(b.canonical());
  });

  it("two members typing in one memo at once raise one open notice, not one per save", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    for (let i = 1; i <= 4; i++) {
      a.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Pertanyaan penelitian", `Rani ${i}`), text: "" });
      b.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Pertanyaan penelitian", `Budi ${i}`), text: "" });
      meet(a, b);
    }
    meet(a, b);
    expect(a.replica.conflicts().filter((c) => c.kind === "memoEdited")).toHaveLength(1);
    expect(a.canonical()).toBe(b.canonical());
  });

  it("two members writing the first memo on one code while apart both keep their text, with a notice", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const id = Object.keys(a.state.codes)[0]! as CodeId;
    a.apply({ type: "setMemo", target: { kind: "code", id }, content: memoDoc("Definisi dari Rani"), text: "Definisi dari Rani" });
    b.apply({ type: "setMemo", target: { kind: "code", id }, content: memoDoc("Catatan Budi"), text: "Catatan Budi" });
    meet(a, b);
    meet(a, b);
    const memo = a.state.memos[memoKey({ kind: "code", id })]!;
    expect(memo.text).toContain("Definisi dari Rani");
    expect(memo.text).toContain("Catatan Budi");
    expect(a.canonical()).toBe(b.canonical());
    expect(a.replica.conflicts().map((c) => c.kind)).toEqual(["memoEdited"]);
  });

  it("an editor bound to the memo's fragment (as @tiptap/extension-collaboration binds it) comes out as setMemo", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const fragment = a.replica.doc.getXmlFragment(memoFragmentName("project"));
    const binding = { name: "y-sync" };
    a.replica.doc.transact(() => writeMemoFragment(a.replica.doc, fragment, memoDoc("Pertanyaan penelitian", "Diketik di editor")), binding);
    const ops = a.pull();
    expect(ops).toEqual([expect.objectContaining({ type: "setMemo", target: { kind: "project" }, text: "Pertanyaan penelitian\n\nDiketik di editor" })]);
    meet(a, b);
    expect(b.state.memos.project!.text).toBe("Pertanyaan penelitian\n\nDiketik di editor");
    expect(a.canonical()).toBe(b.canonical());
  });

  it("a memo edited after seeing the other's edit is no conflict", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    a.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Satu"), text: "Satu" });
    meet(a, b);
    b.apply({ type: "setMemo", target: { kind: "project" }, content: memoDoc("Satu", "Dua"), text: "Satu\n\nDua" });
    meet(a, b);
    expect(a.state.memos.project!.text).toBe("Satu\n\nDua");
    expect(a.replica.conflicts()).toEqual([]);
    expect(b.replica.conflicts()).toEqual([]);
  });
});

describe("team replica: conflicts", () => {
  it("a code deleted by one member while another coded with it is restored with its codings, and noticed", () => {
    const a = new Member("Rani", seeded(), { clock: () => "2026-02-01T10:00:00.000Z" });
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const [parentId, childId] = Object.keys(a.state.codes) as [CodeId, CodeId];
    const docId = Object.keys(a.state.documents)[1]! as never;
    a.apply({ type: "deleteCode", codeId: parentId });
    expect(Object.keys(a.state.codes)).toHaveLength(0);
    const fresh = coding(docId, childId, 5, 25, { coder: "Budi" });
    b.apply({ type: "addCoding", coding: fresh });
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    // Both codes are back (the child was coded; its parent holds it), with Budi's coding.
    expect(Object.keys(a.state.codes).sort()).toEqual([parentId, childId].sort());
    expect(a.state.codings[fresh.id]).toEqual(fresh);
    const notices = a.replica.conflicts().filter((c) => c.kind === "deletedWhileCoded");
    expect(notices.map((c) => c.subject)).toContainEqual({ kind: "code", codeId: childId });
    const notice = notices.find((c) => c.subject.kind === "code" && c.subject.codeId === childId)!;
    expect(notice.other).toMatchObject({ by: "Rani", at: "2026-02-01T10:00:00.000Z" });
    expect(notice.kept).toMatchObject({ by: "Budi", value: 1 });
    // The parent came back because its (restored) child needed it: noticed too, naming who made the child.
    const parentNotice = notices.find((c) => c.subject.kind === "code" && c.subject.codeId === parentId)!;
    expect(parentNotice.kept).toMatchObject({ by: "Rani", value: 0 });
    // Choosing the deletion after all deletes it everywhere, codings included.
    const ops = b.replica.resolve(notice.id, "other");
    expect(ops).toEqual([{ type: "deleteCode", codeId: childId }]);
    for (const op of ops) b.apply(op);
    meet(a, b);
    expect(a.state.codings[fresh.id]).toBeUndefined();
    expect(a.state.codes[childId]).toBeUndefined();
    expect(a.canonical()).toBe(b.canonical());
  });

  it("keeping a restored code makes it stay even when its codings go", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const [, childId] = Object.keys(a.state.codes) as [CodeId, CodeId];
    const docId = Object.keys(a.state.documents)[0]! as never;
    a.apply({ type: "deleteCode", codeId: childId });
    const fresh = coding(docId, childId, 50, 60, { coder: "Budi" });
    b.apply({ type: "addCoding", coding: fresh });
    meet(a, b);
    const notice = a.replica.conflicts().find((c) => c.kind === "deletedWhileCoded")!;
    expect(a.replica.resolve(notice.id, "keep")).toEqual([]);
    meet(a, b);
    b.apply({ type: "removeCoding", codingId: fresh.id });
    meet(a, b);
    expect(a.state.codes[childId]).toBeDefined();
    expect(a.canonical()).toBe(b.canonical());
    expect(b.replica.conflicts()).toEqual([]);
  });

  it("a code renamed two ways keeps one name everywhere and offers the other", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const id = Object.keys(a.state.codes)[0]! as never;
    a.apply({ type: "updateCode", codeId: id, name: "Pemerintahan" });
    b.apply({ type: "updateCode", codeId: id, name: "Tata pamong" });
    meet(a, b);
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    const kept = a.state.codes[id]!.name;
    expect(["Pemerintahan", "Tata pamong"]).toContain(kept);
    const [conflict, ...more] = a.replica.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({ kind: "codeRenamed", subject: { kind: "code", codeId: id }, kept: { value: kept } });
    const other = kept === "Pemerintahan" ? "Tata pamong" : "Pemerintahan";
    expect(conflict!.other).toMatchObject({ value: other, by: other === "Pemerintahan" ? "Rani" : "Budi" });
    expect(b.replica.conflicts()).toEqual(a.replica.conflicts());
    const ops = b.replica.resolve(conflict!.id, "other");
    expect(ops).toEqual([{ type: "updateCode", codeId: id, name: other }]);
    for (const op of ops) b.apply(op);
    meet(a, b);
    expect(a.state.codes[id]!.name).toBe(other);
    expect(a.replica.conflicts()).toEqual([]);
  });

  it("two renames one after the other are no conflict", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const id = Object.keys(a.state.codes)[0]! as never;
    a.apply({ type: "updateCode", codeId: id, name: "Pemerintahan" });
    meet(a, b);
    b.apply({ type: "updateCode", codeId: id, name: "Tata pamong" });
    meet(a, b);
    expect(a.state.codes[id]!.name).toBe("Tata pamong");
    expect(a.replica.conflicts()).toEqual([]);
    expect(b.replica.conflicts()).toEqual([]);
  });
});

describe("team replica: overrides and documents", () => {
  const withFramework = () => {
    const state = seeded();
    state.frameworks.kuz = { id: "kuz", name: { en: "Test", id: "Uji" }, kind: "assessment", indicators: [{ id: "kuz.legal", name: { en: "Legal", id: "Hukum" } }], thresholds: { minCodings: 1, minDocuments: 1 } } as ProjectState["frameworks"][string];
    return state;
  };

  it("an override set two ways keeps one everywhere and offers the other", () => {
    const a = new Member("Rani", withFramework());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const caseId = Object.keys(a.state.cases)[0]! as never;
    a.apply({ type: "setOverride", caseId, indicatorId: "kuz.legal", override: { status: "met", justification: "Perda 2019 berlaku" } });
    b.apply({ type: "setOverride", caseId, indicatorId: "kuz.legal", override: { status: "not_met", justification: "Belum ada peraturan pelaksana" } });
    meet(a, b);
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    const [conflict, ...more] = b.replica.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({ kind: "overrideSet", subject: { kind: "override", caseId, indicatorId: "kuz.legal" } });
    const kept = a.state.overrides[`${caseId}|kuz.legal`]!;
    expect((conflict!.kept.value as { status: string }).status).toBe(kept.status);
    const other = conflict!.other.value as { status: string; justification: string };
    expect(other.status).not.toBe(kept.status);
    expect(conflict!.other.by).toBe(other.status === "met" ? "Rani" : "Budi");
    for (const op of a.replica.resolve(conflict!.id, "other")) a.apply(op);
    meet(a, b);
    expect(b.state.overrides[`${caseId}|kuz.legal`]).toMatchObject({ status: other.status, justification: other.justification });
    expect(b.replica.conflicts()).toEqual([]);
  });

  it("a document removed by one member while another coded it comes back with the coding", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const docId = Object.keys(a.state.documents)[1]! as never;
    const codeId = Object.keys(a.state.codes)[0]! as never;
    a.apply({ type: "removeDocument", documentId: docId });
    // Rani has the text no more; Budi's coding needs it, so it is listed as missing for her.
    const fresh = coding(docId, codeId, 1, 9, { coder: "Budi" });
    b.apply({ type: "addCoding", coding: fresh });
    meet(a, b);
    expect(a.state.documents[docId]).toBeDefined();
    expect(a.state.codings[fresh.id]).toEqual(fresh);
    expect(a.replica.missingTexts(Object.keys(a.state.documents).filter((id) => id !== docId) as never)).toEqual([{ documentId: docId, contentHash: `hash-${docId}` }]);
    expect(a.replica.conflicts().map((c) => c.subject)).toContainEqual({ kind: "document", documentId: docId });
    expect(a.canonical()).toBe(b.canonical());
  });

  it("a document removed with nobody coding it stays removed, and its text is not asked for", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const docId = Object.keys(a.state.documents)[1]! as never;
    a.apply({ type: "removeDocument", documentId: docId });
    meet(a, b);
    expect(b.state.documents[docId]).toBeUndefined();
    expect(b.state.cases["case1234" as never]!.documentIds).not.toContain(docId);
    expect(b.replica.missingTexts([])).toHaveLength(1);
    expect(a.canonical()).toBe(b.canonical());
  });
});

describe("team replica: links and odd memos", () => {
  const framework = { id: "kuz", name: { en: "Test", id: "Uji" }, kind: "assessment", indicators: [{ id: "kuz.legal", name: { en: "Legal", id: "Hukum" } }], thresholds: { minCodings: 1, minDocuments: 1 } } as ProjectState["frameworks"][string];

  it("a code's link to an indicator of a framework the project no longer has is shared as it is", () => {
    const state = seeded();
    const id = Object.keys(state.codes)[0]! as CodeId;
    // A code outlives its framework (removeFramework keeps the link), so such a project is valid.
    state.codes[id] = { ...state.codes[id]!, indicatorId: "kuz.legal" };
    const a = new Member("Rani", state);
    expect(a.pull()).toEqual([]);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    expect(b.state.codes[id]!.indicatorId).toBe("kuz.legal");
    expect(b.canonical()).toBe(a.canonical());
  });

  it("a link made while another member removed the framework arrives, through checked operations", () => {
    const state = seeded();
    state.frameworks.kuz = framework;
    const caseId = "case1234" as never;
    state.overrides[`${caseId}|kuz.legal`] = { status: "met", justification: "Perda", at: "2026-01-01T00:00:00.000Z" };
    const a = new Member("Rani", state);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const id = Object.keys(a.state.codes)[1]! as CodeId;
    a.apply({ type: "removeFramework", frameworkId: "kuz" });
    b.apply({ type: "linkCode", codeId: id, indicatorId: "kuz.legal" });
    meet(a, b);
    expect(a.state.frameworks.kuz).toBeUndefined();
    expect(a.state.codes[id]!.indicatorId).toBe("kuz.legal");
    expect(a.state.overrides).toEqual({});
    expect(a.canonical()).toBe(b.canonical());
  });

  it("memo content the memo schema refuses is shared as its text, and the member's copy takes that form", () => {
    const state = seeded();
    state.memos.project = { target: { kind: "project" }, content: { type: "doc", content: [{ type: "codeBlock", content: [{ type: "text", text: "x" }] }] }, text: "Catatan lama\n\nBaris kedua", updatedAt: "2026-01-01T00:00:00.000Z" };
    const a = new Member("Rani", state);
    a.pull();
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    expect(b.state.memos.project!.text).toBe("Catatan lama\n\nBaris kedua");
    expect(b.canonical()).toBe(a.canonical());
  });
});

describe("team replica: what another member's doc may hold", () => {
  it("entries that are not whole entities are not let into the project, on every replica alike", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const docId = Object.keys(a.state.documents)[0]!;
    const codeId = Object.keys(a.state.codes)[1]!;
    // Written straight into the doc, as a damaged or foreign client could.
    a.replica.doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set("id", "badcode1");
      bad.set("name", "");
      a.replica.doc.getMap("codes").set("badcode1", bad);
      a.replica.doc.getMap("codings").set("badcoding", { id: "badcoding", documentId: docId, codeId, start: "0", end: 10, coder: "X", stance: "supports", createdAt: "" });
      a.replica.doc.getMap("codings").set("badcode2", { id: "other", documentId: docId, codeId, start: 0, end: 10, coder: "X", stance: "supports", createdAt: "" });
    }, REMOTE_ORIGIN);
    meet(a, b);
    for (const m of [a, b]) {
      expect(m.state.codes["badcode1" as never]).toBeUndefined();
      expect(Object.keys(m.state.codings)).toHaveLength(1);
      expect(checkIntegrity(m.state)).toEqual([]);
      expect(ProjectStateSchema.safeParse(m.state).success).toBe(true);
    }
    expect(a.canonical()).toBe(b.canonical());
  });
});

describe("team replica: every kind of change arrives", () => {
  it("framework thresholds and source types, document titles, order and attribute values, group and case renames", () => {
    const state = seeded();
    state.frameworks.kuz = { id: "kuz", name: { en: "Test", id: "Uji" }, kind: "assessment", indicators: [{ id: "kuz.legal", name: { en: "Legal", id: "Hukum" } }], thresholds: { minCodings: 1, minDocuments: 1 } } as ProjectState["frameworks"][string];
    const a = new Member("Rani", state);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const [d1, d2] = Object.keys(a.state.documents) as [never, never];
    const attributeId = "attrsrc1" as never;
    const groupId = newDocumentGroupId();
    const ops = [
      { type: "setThresholds", frameworkId: "kuz", thresholds: { minCodings: 3, minDocuments: 2 } },
      { type: "addAttribute", attribute: { id: attributeId, name: "Jenis sumber", appliesTo: "document", type: "choice", choices: ["wawancara", "dokumen resmi"], role: "sourceType" } },
      { type: "setFrameworkSourceTypes", frameworkId: "kuz", sourceTypes: ["wawancara"] },
      { type: "setAttributeValue", target: { kind: "document", id: d1 }, attributeId, value: "wawancara" },
      { type: "updateAttribute", attributeId, name: "Sumber", choices: ["wawancara", "dokumen resmi", "literatur"] },
      { type: "renameDocument", documentId: d2, title: "Notulen" },
      { type: "orderDocuments", orders: { [d2]: 0, [d1]: 1 } },
      { type: "addDocumentGroup", group: { id: groupId, name: "Resmi", documentIds: [d2], createdAt: "2026-01-05T00:00:00.000Z" } },
      { type: "renameDocumentGroup", groupId, name: "Dokumen resmi" },
      { type: "renameCase", caseId: "case1234", name: "Padang kota" },
      { type: "renameProject", name: "Kerja sama kota kembar" },
      { type: "setCodeKey", codeId: Object.keys(a.state.codes)[0], key: 2 },
      { type: "moveCode", codeId: Object.keys(a.state.codes)[1], parentId: null, order: 5 },
    ] as Operation[];
    // The inverses, as undo would apply them, found on a copy of the project before the changes.
    const original = a.canonical();
    const scratch = structuredClone(a.state);
    const inverses = ops.map((op) => applyOperation(scratch, op));
    for (const op of ops) a.apply(op);
    meet(a, b);
    expect(b.canonical()).toBe(a.canonical());
    expect(b.state.frameworks.kuz).toMatchObject({ thresholds: { minCodings: 3, minDocuments: 2 }, sourceTypes: ["wawancara"] });
    expect(b.state.documents[d1]!.attributes).toEqual({ [attributeId]: "wawancara" });
    // And every one of them undone over there comes back here, back to the project as it was.
    for (const inverse of [...inverses].reverse()) b.apply(inverse);
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    expect(a.state.name).toBe("Padang – Ba Ria-Vung Tau");
    expect(a.state.frameworks.kuz!.thresholds).toEqual({ minCodings: 1, minDocuments: 1 });
    expect(a.state.attributes[attributeId]).toBeUndefined();
    expect(a.state.documentGroups[groupId]).toBeUndefined();
    expect(a.canonical()).toBe(original);
  });
});

describe("team replica: concurrent structure", () => {
  it("two concurrent moves that would make a loop leave a tree, the same everywhere", () => {
    const state = seeded();
    const x = code("X");
    const y = code("Y");
    state.codes[x.id] = x;
    state.codes[y.id] = y;
    const a = new Member("Rani", state);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    a.apply({ type: "moveCode", codeId: x.id, parentId: y.id, order: 0 });
    b.apply({ type: "moveCode", codeId: y.id, parentId: x.id, order: 0 });
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    const parents = [a.state.codes[x.id]!.parentId, a.state.codes[y.id]!.parentId];
    expect(parents).toContain(null);
  });

  it("two members assigning documents to one case both keep theirs", () => {
    const state = seeded();
    const d3 = documentMeta("Wawancara 3", 300);
    state.documents[d3.id] = d3;
    const a = new Member("Rani", state);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const caseId = "case1234" as never;
    const [d1, d2] = a.state.cases[caseId]!.documentIds;
    a.apply({ type: "unassignDocument", caseId, documentId: d1! });
    b.apply({ type: "assignDocument", caseId, documentId: d3.id });
    meet(a, b);
    expect(a.state.cases[caseId]!.documentIds).toEqual([d2, d3.id]);
    expect(a.canonical()).toBe(b.canonical());
  });

  it("a document taken out of a case or group by one member stays out everywhere", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const caseId = "case1234" as never;
    const [d1, d2] = a.state.cases[caseId]!.documentIds;
    const groupId = newDocumentGroupId();
    a.apply({ type: "addDocumentGroup", group: { id: groupId, name: "Wawancara", documentIds: [d1!, d2!], createdAt: "2026-01-05T00:00:00.000Z" } });
    meet(a, b);
    a.apply({ type: "unassignDocument", caseId, documentId: d1! });
    a.apply({ type: "removeFromDocumentGroup", groupId, documentId: d2! });
    meet(a, b);
    meet(a, b);
    expect(b.state.cases[caseId]!.documentIds).toEqual([d2]);
    expect(b.state.documentGroups[groupId]!.documentIds).toEqual([d1]);
    expect(a.canonical()).toBe(b.canonical());
  });

  it("a reorder of a case's documents by one member arrives as that order", () => {
    const state = seeded();
    const d3 = documentMeta("Wawancara 3", 300);
    state.documents[d3.id] = d3;
    state.cases["case1234" as never]!.documentIds.push(d3.id);
    const a = new Member("Rani", state);
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const caseId = "case1234" as never;
    const [d1, d2] = a.state.cases[caseId]!.documentIds;
    // Moving the first document last: out, then back in at the end.
    a.apply({ type: "batch", ops: [{ type: "unassignDocument", caseId, documentId: d1! }, { type: "assignDocument", caseId, documentId: d1! }] });
    meet(a, b);
    expect(b.state.cases[caseId]!.documentIds).toEqual([d2, d3.id, d1]);
    expect(a.canonical()).toBe(b.canonical());
  });

  it("the same key pinned to two codes stays with one", () => {
    const a = new Member("Rani", seeded());
    const b = join("Budi", a, emptyProject(a.state.id, a.state.name, a.state.createdAt));
    const [c1, c2] = Object.keys(a.state.codes) as [CodeId, CodeId];
    a.apply({ type: "setCodeKey", codeId: c1, key: 3 });
    b.apply({ type: "setCodeKey", codeId: c2, key: 3 });
    meet(a, b);
    expect(a.canonical()).toBe(b.canonical());
    expect(Object.values(a.state.codes).filter((c) => c.key === 3)).toHaveLength(1);
  });
});

