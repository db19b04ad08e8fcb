import { rm, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import type { DocumentId, StartProject } from "../../../shared/index.js";
import { pointCodingNowhere } from "../projectFile.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

async function backend(home?: string) {
  const root = await temp();
  return new Backend({ home: home ?? join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US", indexInBackground: false }).init();
}

/** The sample project, opened once (so it is the recent one) and closed: what the app finds at its next start. */
async function lastProject() {
  const api = await backend();
  const { dir } = await api.openSampleProject();
  const first = Object.keys(api.openStore!.state.documents)[0] as DocumentId;
  const text = await api.documentContent({ documentId: first });
  await api.closeProject();
  return { api, dir, first, text };
}

describe("the app's start in one request (startProject, renderer/boot/)", () => {
  it("opens the last project with a first-screen open, bringing the text of the document the workspace shows first", async () => {
    const { api, dir, first, text } = await lastProject();
    const start = (await dispatch(api, "startProject", {})) as { ok: true; value: StartProject };
    expect(start.ok).toBe(true);
    const answer = start.value;
    if (answer.from !== "recent" || !("project" in answer)) throw new Error(`not the last project's open: ${JSON.stringify(answer).slice(0, 200)}`);
    expect(answer.dir).toBe(dir);
    expect(answer.project.dir).toBe(dir);
    // A first-screen open, as openProject({dir, firstScreen: true}) answers it: the first document's codings and the counts.
    expect(answer.project.loaded).toEqual([first]);
    expect(Object.values(answer.project.state.codings).every((c) => c.documentId === first)).toBe(true);
    expect(answer.project.counts).toBeDefined();
    expect(answer.firstText).toEqual({ documentId: first, content: text });
    expect(api.openStore?.dir).toBe(dir);
    await api.closeProject();
  });

  it("answers the project already open as its first screen, the same as currentProject does", async () => {
    const { api, dir, first } = await lastProject();
    await api.openProject({ dir, firstScreen: true });
    const answer = await api.startProject();
    if (answer.from !== "current") throw new Error(`not the open project: ${answer.from}`);
    const current = (await api.currentProject({ firstScreen: true }))!;
    expect(answer.project.loaded).toEqual(current.loaded);
    expect(answer.project.revision).toBe(current.revision);
    expect(answer.project.state).toEqual(current.state);
    expect(answer.firstText?.documentId).toBe(first);
    await api.closeProject();
  });

  it("says there is nothing to open on a first start (the app then opens the sample)", async () => {
    const api = await backend();
    expect(await api.startProject()).toEqual({ from: "none" });
    expect(api.openStore).toBeNull();
  });

  it("refuses a last project the open refuses, with the open's own error and its folder, writing nothing", async () => {
    const { api, dir } = await lastProject();
    const file = join(dir, "project.json");
    await writeFile(file, "{ not json");
    const expected = await api.openProject({ dir, firstScreen: true }).then(
      () => null,
      (error: unknown) => error as { code: string; params: Record<string, unknown> },
    );
    expect(expected?.code).toBeTruthy();
    const answer = await api.startProject();
    expect(answer).toEqual({ from: "recent", dir, error: { code: expected!.code, params: expected!.params } });
    expect(api.openStore).toBeNull();
    expect(await readFile(file, "utf8")).toBe("{ not json");
  });

  it("answers a snapshot the deferred check will refuse as the first-screen open does, and codingsOf then refuses it", async () => {
    const { api, dir } = await lastProject();
    const file = join(dir, "project.json");
    const { damaged } = await pointCodingNowhere(file);
    const answer = await api.startProject();
    expect(answer.from).toBe("recent");
    await expect(api.codingsOf({ documents: [] })).rejects.toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(api.openStore).toBeNull();
    expect(await readFile(file, "utf8")).toBe(damaged);
  });

  it("leaves the text out when the first document's file cannot be read: the pane asks for it and says why", async () => {
    const { api, dir, first } = await lastProject();
    await rm(join(dir, "documents", `${first}.json`));
    const answer = await api.startProject();
    if (answer.from !== "recent" || !("project" in answer)) throw new Error(`not the last project's open: ${answer.from}`);
    expect(answer.firstText).toBeUndefined();
    expect(answer.project.loaded).toEqual([first]);
    await expect(api.documentContent({ documentId: first })).rejects.toBeDefined();
    await api.closeProject();
  });
});
