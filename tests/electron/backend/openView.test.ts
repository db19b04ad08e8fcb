import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { type CodeId, type Coding, type DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { writeTeamConfig } from "../../../electron/team/client/teamFile.js";

const temp = useTempDirs();

async function backend(teamSync = false) {
  const root = await temp();
  return new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US", indexInBackground: false, teamSync }).init();
}

/** Hand-edits the project's snapshot (no checksum, as a file from before checksums): a coding pointing nowhere. */
async function pointCodingNowhere(dir: string): Promise<{ file: string; damaged: string }> {
  const file = join(dir, "project.json");
  const json = JSON.parse((await readFile(file, "utf8")).replace(/,"crc":"[0-9a-f]{8}"\}\n$/, "}\n"));
  json.state.codings[Object.keys(json.state.codings)[0]!].documentId = "dGone1234";
  await writeFile(file, JSON.stringify(json));
  return { file, damaged: await readFile(file, "utf8") };
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
    expect(chunk.codings.map((c) => c.id).sort()).toEqual(all.filter((c) => c.documentId === second).map((c) => c.id).sort());
    expect(chunk.counts).toEqual(open.counts);
    await api.closeProject();
  });

  it("serves codings and counts as they are after each change, at the revision it answers", async () => {
    const api = await backend();
    await api.openSampleProject();
    const state = api.openStore!.state;
    const [first, second] = Object.keys(state.documents) as DocumentId[];
    const before = await api.codingsOf({ documents: [first!, second!] });
    const victim = before.codings.find((c) => c.documentId === second)!;
    const applied = await api.apply({ op: { type: "removeCoding", codingId: victim.id } });
    const after = await api.codingsOf({ documents: [second!] });
    expect(after.revision).toBe(applied.revision);
    expect(after.codings.map((c) => c.id)).not.toContain(victim.id);
    expect(after.counts.byDocument[second!]).toBe(before.counts.byDocument[second!]! - 1);
    expect(after.counts.byCode[victim.codeId as CodeId] ?? 0).toBe(before.counts.byCode[victim.codeId as CodeId]! - 1);
    // Documents asked for twice, or that are not there, give their codings once, and none.
    const twice = await api.codingsOf({ documents: [second!, second!, "nope" as DocumentId] });
    expect(twice.codings).toHaveLength(after.codings.length);
    // None asked for: the counts only.
    expect((await api.codingsOf({ documents: [] })).codings).toEqual([]);
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
});
