import { describe, expect, it, vi } from "vitest";
import { applyOperation, TandaiError, type CodeId, type DocumentId } from "../../shared/index.js";
import type { ProjectMirror } from "../../renderer/state/projectStore.js";
import { code, coding } from "../shared/fixtures.js";
import { fixture, TestPartialMirror, type Backend } from "./partialBackend.js";

/** The mirror agrees with the backend: same codings, and every count is the backend's. */
function expectLevel(mirror: ProjectMirror, backend: Backend) {
  const { state, index } = mirror.current;
  expect(index.complete).toBe(true);
  expect(mirror.current.loading).toBeNull();
  expect(Object.keys(state.codings).sort()).toEqual(Object.keys(backend.state.codings).sort());
  for (const c of Object.values(backend.state.codings)) expect(state.codings[c.id]).toEqual(c);
  expectCounts(mirror, backend);
}

function expectCounts(mirror: ProjectMirror, backend: Backend) {
  const { index } = mirror.current;
  const all = Object.values(backend.state.codings);
  for (const id of Object.keys(backend.state.documents) as DocumentId[]) expect(index.countForDocument(id), `document ${id}`).toBe(all.filter((c) => c.documentId === id).length);
  for (const id of Object.keys(backend.state.codes) as CodeId[]) expect(index.countForCode(id), `code ${id}`).toBe(all.filter((c) => c.codeId === id).length);
}

describe("the mirror of a first-screen open (issue 13's two-step open)", () => {
  it("starts with the first document's codings and the backend's counts, then loads the rest", async () => {
    const { backend, docs, mirror } = fixture();
    const { state, index, loading } = mirror.current;
    expect(Object.values(state.codings).every((c) => c.documentId === docs[0]!.id)).toBe(true);
    expect(Object.keys(state.codings)).toHaveLength(3);
    expect(index.isLoaded(docs[0]!.id)).toBe(true);
    expect(index.isLoaded(docs[1]!.id)).toBe(false);
    expect(loading).toEqual({ loaded: 3, total: 12 });
    // Counts beside documents and codes are already the whole project's.
    expectCounts(mirror, backend);
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("takes a chunk only if it was answered at the mirror's revision, else asks again", async () => {
    const { backend, docs, x, mirror } = fixture();
    backend.holding = true;
    const loading = mirror.loadAll();
    await Promise.resolve();
    expect(backend.asked).toHaveLength(1);
    // A coding lands in the first document (loaded) while the chunk is on its way.
    mirror.changed({ type: "addCoding", coding: coding(docs[0]!.id, x.id, 100, 120) });
    backend.deliver();
    await new Promise((r) => setTimeout(r, 0));
    // The stale chunk was not taken: the same documents were asked for again.
    expect(mirror.current.index.isLoaded(docs[1]!.id)).toBe(false);
    expect(backend.asked).toHaveLength(2);
    expect(backend.asked[1]).toEqual(backend.asked[0]);
    backend.holding = false;
    while (backend.deliver());
    await loading;
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("catches up first when a chunk was answered at a revision it has not reached", async () => {
    const { backend, docs, x, mirror } = fixture();
    // The backend applied a change the mirror has not been told of (a sync's batch, say).
    backend.change({ type: "addCoding", coding: coding(docs[2]!.id, x.id, 200, 230) });
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("applies operations on codings not loaded yet by fetching, not failing, and keeps counts exact", async () => {
    const { backend, docs, x, y, codings, mirror } = fixture();
    backend.holding = true;
    const loading = mirror.loadAll();
    await Promise.resolve();
    const inB = codings.find((c) => c.documentId === docs[1]!.id)!;
    // Removing and recoding codings the mirror does not hold: nothing to apply them to, no error.
    expect(() => mirror.changed({ type: "removeCoding", codingId: inB.id })).not.toThrow();
    const inC = codings.filter((c) => c.documentId === docs[2]!.id && c.codeId === x.id)[0]!;
    expect(() => mirror.changed({ type: "recodeCoding", codingId: inC.id, codeId: y.id })).not.toThrow();
    // A coding added to a document not loaded counts at once.
    mirror.changed({ type: "batch", ops: [{ type: "addCoding", coding: coding(docs[2]!.id, y.id, 300, 310) }, { type: "addCoding", coding: coding(docs[0]!.id, y.id, 400, 410) }] });
    expect(mirror.current.index.countForDocument(docs[2]!.id)).toBe(6);
    expect(mirror.current.index.countForDocument(docs[0]!.id)).toBe(4);
    // The counts the removal and recode changed are asked for again before the next chunk.
    backend.holding = false;
    while (backend.deliver());
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.asked.some((documents) => documents.length === 0)).toBe(true);
    await loading;
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("deletes and merges codes while partial, the rest's counts asked for again", async () => {
    const { backend, docs, x, y, mirror } = fixture();
    backend.holding = true;
    const loading = mirror.loadAll();
    await Promise.resolve();
    const z = code("Z");
    mirror.changed({ type: "addCode", code: z });
    mirror.changed({ type: "mergeCodes", sourceId: y.id, targetId: z.id });
    mirror.changed({ type: "deleteCode", codeId: x.id });
    expect(mirror.current.state.codes[x.id]).toBeUndefined();
    // The held chunk is stale; the next request is for counts only, then the counts are exact though C is not loaded.
    backend.deliver();
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.asked.at(-1)).toEqual([]);
    backend.deliver();
    await new Promise((r) => setTimeout(r, 0));
    expect(mirror.current.index.isLoaded(docs[2]!.id)).toBe(false);
    expectCounts(mirror, backend);
    backend.holding = false;
    while (backend.deliver());
    await loading;
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("asks for a document a view waits on at once, alone, beside the chunk in flight", async () => {
    const { backend, docs, mirror } = fixture();
    backend.holding = true;
    void mirror.loadAll();
    await Promise.resolve();
    expect(backend.asked).toEqual([[docs[1]!.id, docs[2]!.id]]);
    mirror.prioritise(docs[2]!.id);
    mirror.prioritise(docs[2]!.id);
    await Promise.resolve();
    expect(backend.asked).toEqual([[docs[1]!.id, docs[2]!.id], [docs[2]!.id]]);
    // The document's answer comes back first.
    backend.deliverLast();
    await new Promise((r) => setTimeout(r, 0));
    expect(mirror.current.index.isLoaded(docs[2]!.id)).toBe(true);
    expect(mirror.current.index.isLoaded(docs[1]!.id)).toBe(false);
    expect(mirror.current.index.codingsOf(mirror.current.state, docs[2]!.id)).toHaveLength(5);
    backend.holding = false;
    while (backend.deliver());
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("a document removed and its removal undone while it was not loaded ends up with its codings", async () => {
    const { backend, docs, mirror } = fixture();
    const undo = applyOperation(structuredClone(backend.state), { type: "removeDocument", documentId: docs[1]!.id });
    mirror.changed({ type: "removeDocument", documentId: docs[1]!.id });
    mirror.changed(undo);
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("says so when the rest cannot be loaded, and loads it when asked again", async () => {
    const { backend, mirror } = fixture();
    backend.failures = 3;
    await mirror.loadAll();
    expect(mirror.current.loading?.failed).toMatchObject({ code: "errors.ipc.noProject" });
    expect(backend.asked).toHaveLength(3);
    // A view that needs every coding asks again (AllCodings does on mount).
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("hands a refusal of the snapshot (found damaged after the first screen) to the app at once, without retrying", async () => {
    const { backend } = fixture();
    backend.refusal = new TandaiError("store.errors.integrity", { file: "/tmp/p/project.json", detail: "codings.x.documentId" });
    const refused: unknown[] = [];
    const mirror = new TestPartialMirror(backend, (error) => refused.push(error));
    await mirror.loadAll();
    expect(refused).toEqual([backend.refusal]);
    expect(backend.asked).toHaveLength(1);
    await mirror.loadAll();
    expect(backend.asked).toHaveLength(1);
  });

  it("asks once even when the first screen held every coding, so a damaged snapshot is still refused", async () => {
    const { backend } = fixture(["Only"]);
    expect(backend.open().loaded).toBeDefined();
    backend.refusal = new TandaiError("store.errors.integrity", { file: "/tmp/p/project.json", detail: "codings.x.documentId" });
    const refused: unknown[] = [];
    const mirror = new TestPartialMirror(backend, (error) => refused.push(error));
    expect(mirror.current.index.complete).toBe(true);
    await mirror.loadAll();
    expect(refused).toEqual([backend.refusal]);
    // A sound project: that one answer confirms it, and nothing more is asked.
    const sound = fixture(["Only"]);
    await sound.mirror.loadAll();
    expect(sound.backend.asked).toEqual([[]]);
    await sound.mirror.loadAll();
    expect(sound.backend.asked).toHaveLength(1);
    sound.mirror.stop();
  });
  it("asks for the next chunk before filing the one answered, one request ahead, and ends level", async () => {
    const { backend, docs, mirror } = fixture(["A", "B", "C", "D", "E"], 4);
    backend.holding = true;
    const loading = mirror.loadAll();
    await Promise.resolve();
    expect(backend.asked).toEqual([[docs[1]!.id]]);
    for (let k = 1; k < docs.length; k++) {
      backend.deliver();
      await new Promise((r) => setTimeout(r, 0));
      expect(mirror.current.index.isLoaded(docs[k]!.id)).toBe(true);
      // The following document was asked for when this one's answer came, and nothing further.
      expect(backend.asked.map((d) => d.join())).toEqual(docs.slice(1, Math.min(k + 2, docs.length)).map((d) => d.id));
    }
    await loading;
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("publishes a new version only when the load completes, and tells its progress alone at most every few hundred ms", async () => {
    const { backend, docs, mirror } = fixture(["A", "B", "C", "D", "E"], 4);
    let published = 0;
    let told = 0;
    const figures: (number | undefined)[] = [];
    mirror.subscribe(() => void published++);
    mirror.subscribeProgress(() => {
      told++;
      figures.push(mirror.getProgress()?.loaded);
    });
    // The clock stands still: every chunk after the first comes within the interval.
    const now = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(now);
    try {
      await mirror.loadAll();
    } finally {
      clock.mockRestore();
    }
    expect(new Set(backend.asked.map((d) => d.join()))).toEqual(new Set(docs.slice(1).map((d) => d.id)));
    // Four chunks: the first told at once (A's 3 and B's 4 codings), the two between not, the last
    // (complete) at once, and as the one new version of the project.
    expect(figures).toEqual([3 + 4, undefined]);
    expect(told).toBe(2);
    expect(published).toBe(1);
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("tells a progress held back once the interval has passed, when no other chunk comes, without a new version", async () => {
    const { backend, docs, mirror } = fixture(["A", "B", "C", "D"], 4);
    let published = 0;
    let told = 0;
    mirror.subscribe(() => void published++);
    mirror.subscribeProgress(() => void told++);
    backend.holding = true;
    const loading = mirror.loadAll();
    await Promise.resolve();
    backend.deliver();
    await new Promise((r) => setTimeout(r, 0));
    expect(told).toBe(1);
    backend.deliver();
    await new Promise((r) => setTimeout(r, 0));
    // C is filed but not told yet; D is held by the backend.
    expect(mirror.current.index.isLoaded(docs[2]!.id)).toBe(true);
    expect(told).toBe(1);
    await vi.waitFor(() => expect(told).toBe(2), { timeout: 5_000 });
    expect(mirror.getProgress()).toEqual({ loaded: 3 + 4 + 5, total: 3 + 4 + 5 + 6 });
    // The views' version stays put (no count they show changed); it keeps the figure it was published with.
    expect(published).toBe(0);
    expect(mirror.current.loading).toEqual({ loaded: 3, total: 3 + 4 + 5 + 6 });
    backend.holding = false;
    while (backend.deliver());
    await loading;
    expect(published).toBe(1);
    expect(mirror.getProgress()).toBeNull();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("asks for the counts alone at once after a first-screen open, so the backend groups while the first screen draws, and the load follows", async () => {
    const { backend } = fixture();
    backend.holding = true;
    const mirror = new TestPartialMirror(backend, undefined, undefined, true);
    await Promise.resolve();
    await Promise.resolve();
    // Asked before any load was started (afterFirstScreen, loadAll), for no document: the counts.
    expect(backend.asked).toEqual([[]]);
    backend.deliver();
    await vi.waitFor(() => expect(mirror.getProgress()).toEqual({ loaded: 3, total: 12 }));
    // Its answer confirmed the file: nothing more is asked until the load begins.
    expect(backend.asked).toHaveLength(1);
    backend.holding = false;
    await mirror.loadAll();
    expectLevel(mirror, backend);
    mirror.stop();
  });

  it("hands a refusal of the snapshot to the app from that first request, before the first screen asks for more", async () => {
    const { backend } = fixture();
    backend.refusal = new TandaiError("store.errors.integrity", { file: "/tmp/p/project.json", detail: "codings.x.documentId" });
    const refused: unknown[] = [];
    const mirror = new TestPartialMirror(backend, (error) => refused.push(error), undefined, true);
    await vi.waitFor(() => expect(refused).toEqual([backend.refusal]));
    await mirror.loadAll();
    expect(backend.asked).toEqual([[]]);
  });
});
