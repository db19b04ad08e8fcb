import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { ExportRequest, type ExportRequestInput, type ExportStatus } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { finished } from "../export/finished.js";

/**
 * Export jobs as the export dialog drives them over either transport: start, ask after, cancel.
 * The web transport writes into the project's `exports` folder; a cancelled job leaves nothing
 * there, not even its temp file.
 */
const temp = useTempDirs();

/** The worker as `npm run build` bundles it (the unit tests' global setup builds it first). */
const WORKER = new URL("../../../dist/electron/exportWorker.mjs", import.meta.url);

async function sampleBackend(exportWorker?: URL) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID", exportWorker }).init();
  const project = await api.openSampleProject();
  return { api, project };
}

/** Exports whose job reads documents (an await) before writing, so a cancel sent at once lands first. */
const slow: ExportRequestInput[] = [
  { kind: "report", format: "docx", language: "en" },
  { kind: "report", format: "md", language: "id", include: { memos: true } },
  { kind: "table", format: "xlsx", language: "en" },
];
/**
 * Exports built without an await, so the job may already be writing when the cancel arrives: then
 * the file is complete and the job must say "done", never "cancelled" with a file left behind.
 */
const quick: ExportRequestInput[] = [
  { kind: "table", format: "csv", language: "id", table: "codeDocument", presence: true },
  { kind: "chart", format: "png", language: "en", chart: "heatmap" },
];

/** Starts an export, cancels it at once, and checks the status tells the truth about the folder. */
async function cancelAtOnce(input: ExportRequestInput, expected: "cancelled" | "either", worker?: URL) {
  const { api } = await sampleBackend(worker);
  const started = await api.exportStart({ request: ExportRequest.parse(input) });
  expect(started).not.toBeNull();
  const cancelNow = await api.exportCancel({ jobId: started!.jobId });
  expect(cancelNow.state).toBe("running"); // it stops at its next unit of work
  const status = await finished(api, started!.jobId);
  const left = await readdir(dirname(started!.path));
  await api.closeProject();
  if (expected === "cancelled") expect(status.state).toBe("cancelled");
  // Cancelled: nothing there, not even a temp file. Done (the cancel came too late): only the file.
  if (status.state === "cancelled") expect(left).toEqual([]);
  else expect([status.state, left]).toEqual(["done", [basename(started!.path)]]);
}

describe("export jobs", () => {
  it.each(slow)("a $format job cancelled at once leaves no file and no temp file", (input) => cancelAtOnce(input, "cancelled"));

  it.each(quick)("a $format job cancelled at once says truly what it left behind", (input) => cancelAtOnce(input, "either"));

  it("a job left alone writes the file in the project's exports folder, atomically, and reports its size", async () => {
    const { api, project } = await sampleBackend();
    const started = await api.exportStart({ request: ExportRequest.parse({ kind: "report", format: "docx", language: "en" }) });
    expect(dirname(started!.path)).toBe(join(project.dir, "exports"));
    expect(started!.path).toMatch(/\.docx$/);
    const status = await finished(api, started!.jobId);
    expect(status.state).toBe("done");
    expect(status.state === "done" && status.bytes).toBe((await stat(started!.path)).size);
    // Only the file itself: the temp file it was written to was renamed into place.
    expect(await readdir(dirname(started!.path))).toEqual([basename(started!.path)]);
    // Cancelling a finished job changes nothing.
    expect((await api.exportCancel({ jobId: started!.jobId })).state).toBe("done");
    await api.closeProject();
  });

  it("a second export of the same kind gets a new name rather than overwriting the first", async () => {
    const { api } = await sampleBackend();
    const request = ExportRequest.parse({ kind: "table", format: "csv", language: "en" });
    const first = await api.exportStart({ request });
    await finished(api, first!.jobId);
    const second = await api.exportStart({ request });
    await finished(api, second!.jobId);
    expect(second!.path).not.toBe(first!.path);
    expect((await readdir(dirname(first!.path))).sort()).toHaveLength(2);
    await api.closeProject();
  });

  it.each(slow)("in a worker thread, a $format job cancelled at once leaves no file and no temp file", (input) => cancelAtOnce(input, "cancelled", WORKER));

  it("in a worker thread, a job reports its progress and quotes the documents it read itself", async () => {
    const { api, project } = await sampleBackend(WORKER);
    const started = await api.exportStart({ request: ExportRequest.parse({ kind: "report", format: "md", language: "en" }) });
    const phases = new Set<string>();
    let status: ExportStatus;
    do {
      status = await api.exportStatus({ jobId: started!.jobId });
      if (status.state === "running" && status.progress) phases.add(status.progress.phase);
      await new Promise((ok) => setTimeout(ok, 1));
    } while (status.state === "running");
    expect(status.state).toBe("done");
    const markdown = await readFile(started!.path, "utf8");
    expect(markdown).toMatch(/^# Coded summary: /);
    // The sample project's own quotes are in it, from the documents the worker read itself.
    const quote = Object.values(project.state.codings)[0]!;
    const content = await api.documentContent({ documentId: quote.documentId });
    expect(markdown).toContain(content.text.slice(quote.start, quote.end).split("\n")[0]!.trim());
    expect(phases.size).toBeGreaterThan(0);
    await api.closeProject();
  });

  it("an unknown job is a translatable error", async () => {
    const { api } = await sampleBackend();
    await expect(api.exportStatus({ jobId: "nope" })).rejects.toMatchObject({ code: "export.errors.unknownJob", params: { id: "nope" } });
    await api.closeProject();
  });
});
