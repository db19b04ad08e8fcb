/**
 * Store warnings over `tandai serve`'s API, on a nearly full disk for real: a 4 MB tmpfs mounted
 * for the test (root only; elsewhere the test is skipped, saying so).
 */
import { utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { smallDisk } from "../smallDisk.js";
import { createProjectWithState, openProject } from "../../../electron/store/index.js";
import { SHORT_JOURNAL } from "../../../electron/store/store.js";
import { applyOperation, newCodingId, offset, type CodingId, type TextOffset } from "../../../shared/index.js";
import { code, documentMeta, project } from "../../shared/fixtures.js";
import { useWebServer } from "./harness.js";

const disk = smallDisk("warn");
const { mountPoint, mounted } = disk;
afterAll(() => disk.unmount());
afterEach(() => disk.clear());
const fillDisk = (leave: number) => disk.fill(leave);

/**
 * A project on the tmpfs (project.json some 600 KB) with SHORT_JOURNAL.lines codings in its journal,
 * as a crash leaves it: a journal that long is folded at open (a shorter one is replayed only).
 */
async function crashedProject() {
  const dir = path.join(mountPoint, "tesis");
  const state = project();
  const doc = documentMeta("Wawancara Bappeda", 1000);
  const c = code("Motive");
  applyOperation(state, { type: "addDocument", document: doc });
  applyOperation(state, { type: "addCode", code: c });
  for (let i = 0; i < 3000; i++) {
    applyOperation(state, { type: "addCoding", coding: { id: `coding${String(i).padStart(6, "0")}` as CodingId, documentId: doc.id, codeId: c.id, start: (i % 50) as TextOffset, end: (i % 50 + 20) as TextOffset, coder: "Rani", stance: "supports", createdAt: state.createdAt } });
  }
  const created = await createProjectWithState(dir, state);
  await created.writeDocumentContent(doc.id, { text: "x".repeat(1000), blocks: [] });
  await created.close();
  const store = await openProject(dir);
  for (let i = 0; i < SHORT_JOURNAL.lines; i++) {
    await store.apply({ type: "addCoding", coding: { id: newCodingId(), documentId: doc.id, codeId: c.id, start: offset(100 + i), end: offset(120 + i), coder: "Rani", stance: "supports", createdAt: state.createdAt } });
  }
  const lock = path.join(dir, ".tandai.lock");
  await writeFile(lock, "");
  await utimes(lock, new Date(0), new Date(0));
  return { dir, doc, code: c, crashed: store };
}

const webServer = useWebServer();

describe.skipIf(!mounted)("store warnings over the web server's API", () => {
  it("openProject and currentProject carry the full-disk warning naming project.json and the space needed; a later change carries it only once", async () => {
    const { api, backend } = await webServer();
    const { dir, doc, code: c, crashed } = await crashedProject();
    await fillDisk(64 * 1024);

    const opened = JSON.parse((await api("openProject", JSON.stringify({ dir }))).body);
    expect(opened.ok).toBe(true);
    // The codings in the journal are there: nothing was lost, only the fold into project.json failed.
    expect(Object.keys(opened.value.state.codings)).toHaveLength(3000 + SHORT_JOURNAL.lines);
    const fold = opened.value.warnings.find((w: { code: string }) => w.code === "store.warnings.foldFailed");
    expect(fold.params.file).toBe(path.join(dir, "project.json"));
    expect(fold.params.needed).toMatch(/\d/);

    const current = JSON.parse((await api("currentProject", "{}")).body);
    expect(current.value.warnings.map((w: { code: string }) => w.code)).toContain("store.warnings.foldFailed");

    const coding = { id: newCodingId(), documentId: doc.id, codeId: c.id, start: 200, end: 220, coder: "Rani", stance: "supports", createdAt: "2026-01-01T00:00:00.000Z" };
    const applied = JSON.parse((await api("apply", JSON.stringify({ op: { type: "addCoding", coding } }))).body);
    expect(applied.ok).toBe(true);
    expect(applied.value.warnings).toBeUndefined();
    await backend.closeProject();
    // The crashed store lost its lock to the server's open: closing it only lets go of its files.
    await crashed.close().catch(() => {});
  });
});
