import { readFile } from "node:fs/promises";
import { pointCodingNowhere as pointNowhere } from "../projectFile.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { CodingsServer } from "../../../electron/backend/openView.js";
import { applyOperation, type CodeId, type Coding, type DocumentId, type NumberedChange, type Operation } from "../../../shared/index.js";
import { decodeCodings } from "../../../shared/ipc/codingsWire.js";
import { code, coding, documentMeta, project } from "../../shared/fixtures.js";
import { useTempDirs } from "../tempDirs.js";
import { writeTeamConfig } from "../../../electron/team/client/teamFile.js";

const temp = useTempDirs();

async function backend(teamSync = false) {
  const root = await temp();
  return new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US", indexInBackground: false, teamSync }).init();
}

/** The project's snapshot hand-edited: a coding pointing nowhere. */
async function pointCodingNowhere(dir: string): Promise<{ file: string; damaged: string }> {
  const file = join(dir, "project.json");
  return { file, damaged: (await pointNowhere(file)).damaged };
}

function countBy<K extends string>(codings: Coding[], key: (c: Coding) => K): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const c of codings) out[key(c)] = (out[key(c)] ?? 0) + 1;
  return out;
}

describe("the two-step open's backend (issue 13)", () => {
  it("answers a first-screen open with the first document's codings and the whole project's counts", async () => {
    const api = await backend();
    const { dir } = await api.openSampleProject();
    const full = (await api.currentProject())!;
    const all = Object.values(full.state.codings);
    const [first, second] = Object.keys(full.state.documents) as DocumentId[];
    expect(full.loaded).toBeUndefined();

    const open = (await api.openProject({ dir, firstScreen: true }))!;
    expect(open.loaded).toEqual([first]);
    expect(Object.values(open.state.codings).map((c) => c.id).sort()).toEqual(all.filter((c) => c.documentId === first).map((c) => c.id).sort());
    expect(open.counts).toEqual({ byDocument: countBy(all, (c) => c.documentId), byCode: countBy(all, (c) => c.codeId) });
    // The backend's own state keeps every coding.
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(all.length);

    const chunk = await api.codingsOf({ documents: [second!] });
    expect(chunk.revision).toBe(open.revision);
    expect(decodeCodings(chunk.codings).map((c) => c.id).sort()).toEqual(all.filter((c) => c.documentId === second).map((c) => c.id).sort());
    expect(chunk.counts).toEqual(open.counts);
    await api.closeProject();
  });

  it("serves codings and counts as they are after each change, at the revision it answers", async () => {
    const api = await backend();
    await api.openSampleProject();
    const state = api.openStore!.state;
    const [first, second] = Object.keys(state.documents) as DocumentId[];
    const before = await api.codingsOf({ documents: [first!, second!] });
    const victim = decodeCodings(before.codings).find((c) => c.documentId === second)!;
    const applied = await api.apply({ op: { type: "removeCoding", codingId: victim.id } });
    const after = await api.codingsOf({ documents: [second!] });
    expect(after.revision).toBe(applied.revision);
    expect(decodeCodings(after.codings).map((c) => c.id)).not.toContain(victim.id);
    expect(after.counts.byDocument[second!]).toBe(before.counts.byDocument[second!]! - 1);
    expect(after.counts.byCode[victim.codeId as CodeId] ?? 0).toBe(before.counts.byCode[victim.codeId as CodeId]! - 1);
    // Documents asked for twice, or that are not there, give their codings once, and none.
    const twice = await api.codingsOf({ documents: [second!, second!, "nope" as DocumentId] });
    expect(decodeCodings(twice.codings)).toHaveLength(decodeCodings(after.codings).length);
    // None asked for: the counts only.
    expect(decodeCodings((await api.codingsOf({ documents: [] })).codings)).toEqual([]);
    await api.closeProject();
  });

  it("starts the chunks from the codings as the store's check read them by document, and follows a change made right after", async () => {
    const api = await backend();
    const { dir } = await api.openSampleProject();
    // Closed and opened again: project.json is by document now, and the app's open reads it in after answering.
    await api.closeProject();
    const open = (await api.openProject({ dir, firstScreen: true }))!;
    const store = api.openStore!;
    const [first, second] = Object.keys(open.state.documents) as DocumentId[];
    const motive = Object.keys(open.state.codes)[0] as CodeId;
    // Sent at once: it waits for the check, after which the backend has taken the store's grouping.
    const added = coding(second!, motive, 3, 9);
    const applied = await api.apply({ op: { type: "addCoding", coding: added } });
    expect(store.takeCodingsByDocument()).toBeNull();
    const chunk = await api.codingsOf({ documents: [first!, second!] });
    expect(chunk.revision).toBe(applied.revision);
    const all = Object.values(store.state.codings);
    const served = (id: DocumentId) => decodeCodings(chunk.codings).filter((c) => c.documentId === id).map((c) => c.id).sort();
    expect(served(second!)).toEqual(all.filter((c) => c.documentId === second).map((c) => c.id).sort());
    expect(served(second!)).toContain(added.id);
    expect(served(first!)).toEqual(all.filter((c) => c.documentId === first).map((c) => c.id).sort());
    expect(chunk.counts).toEqual({ byDocument: countBy(all, (c) => c.documentId), byCode: countBy(all, (c) => c.codeId) });
    await api.closeProject();
  });

  it("checks its argument at the door like every channel", async () => {
    const api = await backend();
    await api.openSampleProject();
    const bad = await dispatch(api, "codingsOf", { documents: "all" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe("errors.ipc.badArgument");
    await api.closeProject();
    const closed = await dispatch(api, "codingsOf", { documents: [] });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.error.code).toBe("errors.ipc.noProject");
  });

  it("answers a first-screen open before the snapshot's check, then refuses a damaged one through codingsOf and closes it, writing nothing", async () => {
    const api = await backend();
    const { dir } = await api.openSampleProject();
    await api.closeProject();
    const { file, damaged } = await pointCodingNowhere(dir);

    // Any other caller is refused by the open itself.
    await expect(api.openProject({ dir })).rejects.toMatchObject({ code: "store.errors.integrity" });
    const open = await api.openProject({ dir, firstScreen: true });
    expect(open.dir).toBe(dir);
    await expect(api.codingsOf({ documents: [] })).rejects.toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(await api.currentProject()).toBeNull();
    expect(await readFile(file, "utf8")).toBe(damaged);
  });

  it("connects a shared project to its team only once its snapshot has passed the check: a damaged one is refused at open", async () => {
    const api = await backend(true);
    const { dir } = await api.openSampleProject();
    await api.closeProject();
    // Shared with a team server that is not there: nothing may be sent to it anyway.
    await writeTeamConfig(dir, { format: 1, servers: ["ws://127.0.0.1:9"], projectId: "p1", member: "ani", role: "owner", token: "t" });
    const { file, damaged } = await pointCodingNowhere(dir);
    await expect(api.openProject({ dir, firstScreen: true })).rejects.toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(await api.currentProject()).toBeNull();
    expect(await readFile(file, "utf8")).toBe(damaged);
  });

  it("follows each change since its grouping — add, recode, stance, remove, undo, a batch — serving what a fresh grouping serves", async () => {
    const api = await backend();
    await api.openSampleProject();
    const store = api.openStore!;
    const documents = Object.keys(store.state.documents) as DocumentId[];
    const codes = Object.keys(store.state.codes) as CodeId[];
    const fresh = () => new CodingsServer().codingsOf({ state: store.state, revision: 0 }, documents);
    const sorted = (codings: Coding[]) => codings.map((c) => JSON.stringify(c)).sort();
    const same = async () => {
      const served = await api.codingsOf({ documents });
      const expected = await fresh();
      expect(sorted(decodeCodings(served.codings))).toEqual(sorted(decodeCodings(expected.codings)));
      expect(served.counts).toEqual(expected.counts);
    };
    await same();
    const [a, b] = Object.values(store.state.codings);
    const added: Coding = { ...a!, id: "followed-1" as Coding["id"], start: a!.start, end: a!.end };
    await api.apply({ op: { type: "addCoding", coding: added } });
    await same();
    await api.apply({ op: { type: "recodeCoding", codingId: b!.id, codeId: codes.find((id) => id !== b!.codeId && !Object.values(store.state.codes).some((c) => c.parentId === id))! } });
    await api.apply({ op: { type: "setStance", codingId: a!.id, stance: "contradicts" } });
    await same();
    await api.apply({ op: { type: "removeCoding", codingId: b!.id } });
    await same();
    await api.undo();
    await same();
    await api.apply({ op: { type: "batch", ops: [{ type: "removeCoding", codingId: a!.id }, { type: "removeCoding", codingId: added.id }] } });
    await same();
    await api.closeProject();
  });
  it("groups in slices, yielding to other requests, and follows what changed during the pass", async () => {
    const state = project();
    const docs = ["A", "B", "C"].map((title) => documentMeta(title));
    const [x, y] = [code("X"), code("Y")];
    for (const d of docs) state.documents[d.id] = d;
    for (const c of [x, y]) state.codes[c.id] = c;
    for (const d of docs) for (let k = 0; k < 6; k++) {
      const c = coding(d.id, k % 2 ? y.id : x.id, k * 10, k * 10 + 5);
      state.codings[c.id] = c;
    }
    const changes: NumberedChange[] = [];
    const source = { state, revision: 0, since: (after: number) => ({ revision: source.revision, changes: changes.filter((c) => c.revision > after) }) };
    const change = (op: Operation) => {
      applyOperation(state, op);
      changes.push({ revision: ++source.revision, op });
    };
    const server = new CodingsServer(2);
    const documents = docs.map((d) => d.id);
    const answer = server.codingsOf(source, documents);
    // A turn of the event loop: the pass has yielded (2 codings a slice), and changes land in the middle of it.
    await new Promise((resolve) => setImmediate(resolve));
    const [first, second] = Object.values(state.codings);
    change({ type: "removeCoding", codingId: first!.id });
    change({ type: "recodeCoding", codingId: second!.id, codeId: second!.codeId === x.id ? y.id : x.id });
    change({ type: "addCoding", coding: coding(docs[2]!.id, y.id, 500, 510) });
    const served = await answer;
    const expected = await new CodingsServer().codingsOf({ state, revision: source.revision }, documents);
    expect(served.revision).toBe(3);
    expect(decodeCodings(served.codings).map((c) => JSON.stringify(c)).sort()).toEqual(decodeCodings(expected.codings).map((c) => JSON.stringify(c)).sort());
    expect(served.counts).toEqual(expected.counts);
  });
});
