import { describe, expect, it } from "vitest";
import { documentTitleTails } from "../../renderer/components/documents/DocumentTitle.js";
import { codeKeys, flattenCodebook, newCodingId, sortedDocuments, sortedGroups, type CodeId, type Coding, type DocumentId, type Operation, type ProjectState } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { code, documentMeta, project } from "../shared/fixtures.js";
import { NOW, TestMirror } from "./harness.js";

/** Everything the views memoised on `shape` compute, recomputed in full. */
function shaped(state: ProjectState) {
  return {
    tree: flattenCodebook(state),
    keys: codeKeys(state),
    documents: sortedDocuments(state),
    groups: sortedGroups(state),
    tails: [...documentTitleTails(state.documents)],
  };
}

function start(): ProjectState {
  const state = project();
  for (const [i, title] of ["Wawancara Bappeda 2021", "Wawancara Bappeda 2022", "Catatan lapangan", "FGD nelayan"].entries()) {
    const meta = documentMeta(title, 2_000);
    state.documents[meta.id] = { ...meta, order: i } as typeof meta;
  }
  const parent = code("Hambatan");
  state.codes[parent.id] = parent;
  for (const [i, name] of ["Anggaran", "Bahasa", "Birokrasi"].entries()) {
    const child = code(name, parent.id, i);
    state.codes[child.id] = child;
  }
  const other = code("Motif ekonomi", null, 1);
  state.codes[other.id] = other;
  return state;
}

describe("the mirror's shape version (views of codes and documents memoised on it, issue 13)", () => {
  it("stays put only across changes after which a full recomputation of the tree, keys, documents, groups and title tails gives the same", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
      const mirror = new TestMirror(start());
      let before = { shape: mirror.current.shape, values: shaped(mirror.state) };
      let reshapes = 0;
      let codingsAlone = 0;
      for (let step = 0; step < 150; step++) {
        const state = mirror.state;
        const documents = Object.keys(state.documents) as DocumentId[];
        const codes = Object.keys(state.codes) as CodeId[];
        const codings = Object.values(state.codings);
        const newCoding = (): Coding => {
          const s = Math.floor(random() * 1_900);
          return { id: newCodingId(), documentId: pick(documents), codeId: pick(codes), start: s as Coding["start"], end: (s + 1 + Math.floor(random() * 90)) as Coding["end"], coder: pick(["Rina", "Budi"]), stance: "supports", createdAt: NOW };
        };
        const roll = random();
        let op: Operation | "undo" | "redo";
        if (roll < 0.3 || !codings.length) op = { type: "addCoding", coding: newCoding() };
        else if (roll < 0.4) op = { type: "batch", ops: [{ type: "addCoding", coding: newCoding() }, { type: "addCoding", coding: newCoding() }] };
        else if (roll < 0.5) op = { type: "removeCoding", codingId: pick(codings).id };
        else if (roll < 0.55) op = { type: "setStance", codingId: pick(codings).id, stance: pick(["supports", "contradicts"] as const) };
        else if (roll < 0.6) op = { type: "recodeCoding", codingId: pick(codings).id, codeId: pick(codes) };
        else if (roll < 0.66) op = { type: "updateCode", codeId: pick(codes), name: `Kode ${step}` };
        else if (roll < 0.7) op = { type: "addCode", code: code(`Baru ${step}`, pick([null, ...codes]), step) };
        else if (roll < 0.74) op = { type: "renameDocument", documentId: pick(documents), title: `${pick(["Wawancara", "Catatan"])} ${step}` };
        else if (roll < 0.77) op = { type: "setCodeKey", codeId: pick(codes), key: pick([null, 1, 2, 3] as const) };
        else if (roll < 0.9) op = "undo";
        else op = "redo";
        const version = mirror.current.version;
        if (op === "undo") await mirror.undo();
        else if (op === "redo") await mirror.redo();
        else await mirror.apply(op);
        const now = mirror.current;
        const values = shaped(now.state);
        if (now.shape === before.shape) {
          // Unchanged shape: every memoised view may keep what it computed, and it must be what a full recomputation gives.
          expect(values).toEqual(before.values);
          if (now.version !== version) codingsAlone++;
        } else reshapes++;
        before = { shape: now.shape, values };
      }
      // Both kinds of change happened (else the property said nothing).
      expect(reshapes).toBeGreaterThan(10);
      expect(codingsAlone).toBeGreaterThan(30);
    }
  });

  it("does not move for codings applied, removed, undone and redone, and moves for a renamed code or document", async () => {
    const mirror = new TestMirror(start());
    const [documentId] = Object.keys(mirror.state.documents) as DocumentId[];
    const [codeId] = Object.keys(mirror.state.codes) as CodeId[];
    const coding: Coding = { id: newCodingId(), documentId: documentId!, codeId: codeId!, start: 0 as Coding["start"], end: 10 as Coding["end"], coder: "Rina", stance: "supports", createdAt: NOW };
    const shape = mirror.current.shape;
    await mirror.apply({ type: "addCoding", coding });
    await mirror.apply({ type: "setStance", codingId: coding.id, stance: "contradicts" });
    await mirror.undo();
    await mirror.redo();
    await mirror.apply({ type: "removeCoding", codingId: coding.id });
    expect(mirror.current.version).toBe(5);
    expect(mirror.current.shape).toBe(shape);
    await mirror.apply({ type: "updateCode", codeId: codeId!, name: "Kendala" });
    expect(mirror.current.shape).toBe(shape + 1);
    await mirror.apply({ type: "renameDocument", documentId: documentId!, title: "Wawancara Dinas Perikanan" });
    expect(mirror.current.shape).toBe(shape + 2);
  });
});
