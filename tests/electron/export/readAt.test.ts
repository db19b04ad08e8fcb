import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { exportInWorker } from "../../../electron/export/inWorker.js";
import { ParagraphIndex } from "../../../electron/export/paragraphs.js";
import { runExport } from "../../../electron/export/run.js";
import { readProjectAt } from "../../../electron/store/readAt.js";
import { openProject, type DiskProjectStore } from "../../../electron/store/index.js";
import { exists, JOURNAL_FILE, OLD_JOURNAL_FILE, SNAPSHOT_FILE } from "../../../electron/store/files.js";
import { SnapshotFile } from "../../../electron/store/snapshot.js";
import { newCodingId, offset, type ExportStatus, type Operation, type ProjectState, ExportRequest, TandaiError } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

/**
 * An export job is handed {dir, seq} and reads the project from disk at that change (readAt.ts),
 * while the app codes on and compacts. Real stores, real files, the bundled worker.
 */
const temp = useTempDirs();
const WORKER = new URL("../../../dist/electron/exportWorker.mjs", import.meta.url);
const LATE = "Pengkode susulan";
const CSV = ExportRequest.parse({ kind: "table", format: "csv", language: "en", table: "codings" });

async function sampleBackend(exportWorker?: URL) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID", exportWorker }).init();
  const project = await api.openSampleProject();
  return { api, dir: project.dir, store: api.openStore! };
}

/** A coding of the sample project's first code in its first document, by `coder`, at `n`. */
function codingOp(state: ProjectState, n: number, coder = LATE): Operation {
  const document = Object.values(state.documents)[0]!;
  const code = Object.values(state.codes)[0]!;
  const start = (n * 7) % (document.length - 10);
  return { type: "addCoding", coding: { id: newCodingId(), documentId: document.id, codeId: code.id, start: offset(start), end: offset(start + 5), coder, stance: "supports", createdAt: "2026-12-01T00:00:00.000Z" } };
}

async function applyCodings(store: DiskProjectStore, count: number, coder = LATE) {
  for (let n = 0; n < count; n++) await store.apply(codingOp(store.state, n, coder));
}

/** The CSV an in-process export of `state` writes: what the job must have written. */
async function expectedCsv(state: ProjectState, dir: string, store: DiskProjectStore): Promise<string> {
  const path = join(await temp(), "expected.csv");
  await runExport({ state, readDocumentContent: (id) => store.readDocumentContent(id) }, CSV, path, { paragraphs: new ParagraphIndex() });
  return readFile(path, "utf8");
}

async function finished(api: Backend, jobId: string): Promise<ExportStatus> {
  for (;;) {
    const status = await api.exportStatus({ jobId });
    if (status.state !== "running") return status;
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

/** project.json's seq as it is on disk now. */
const snapshotSeq = async (dir: string) => (await new SnapshotFile(join(dir, SNAPSHOT_FILE)).read())!.seq;

describe("an export reads the project at the change it started at", () => {
  it("in the worker: 50 codings applied after the start and before the worker reads are not in the export", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    await applyCodings(store, 3, "Pengkode awal");
    const atStart = structuredClone(store.state);
    const job = { request: CSV, path: join(await temp(), "codings.csv"), dir, seq: store.sequence };
    await applyCodings(store, 50);
    expect(Object.keys(store.state.codings)).toHaveLength(Object.keys(atStart.codings).length + 50);
    const bytes = await exportInWorker(WORKER, job, { signal: new AbortController().signal });
    const written = await readFile(job.path, "utf8");
    expect(bytes).toBe(Buffer.byteLength(written));
    expect(written).toContain("Pengkode awal");
    expect(written).not.toContain(LATE);
    expect(written).toBe(await expectedCsv(atStart, dir, store));
    await api.closeProject();
  });

  it("through the app's export job: coding straight after the start changes nothing in the file, in the worker and in-process", async () => {
    for (const worker of [WORKER, undefined]) {
      const { api, dir, store } = await sampleBackend(worker);
      const atStart = structuredClone(store.state);
      const started = await api.exportStart({ request: CSV });
      // Not awaited first: the job reads while (or after) these are applied, whichever comes first.
      await applyCodings(store, 50);
      const status = await finished(api, started!.jobId);
      expect(status.state).toBe("done");
      const written = await readFile(started!.path, "utf8");
      expect(written).not.toContain(LATE);
      expect(written).toBe(await expectedCsv(atStart, dir, store));
      await api.closeProject();
    }
  });

  it("a background compaction that folds the journal between the start and the read still gives the state at the start", async () => {
    const { api, dir } = await sampleBackend();
    await api.closeProject();
    const store = await openProject(dir, { compactEvery: 60 });
    try {
      const base = store.sequence;
      // Change base + 60 starts a compaction (at that change) as it is acknowledged.
      await applyCodings(store, 60, "Pengkode awal");
      const seq = store.sequence;
      const atStart = structuredClone(store.state);
      // Reads started all along the fold (rotation, new project.json, old journal removed) and the
      // 50 codings applied meanwhile, until both are over.
      let applied = false;
      const applying = applyCodings(store, 50).then(() => void (applied = true));
      const reads: Promise<ProjectState>[] = [];
      let folded = false;
      while (!applied || !folded) {
        reads.push(readProjectAt(dir, seq));
        folded = (await snapshotSeq(dir)) === seq && !(await exists(join(dir, OLD_JOURNAL_FILE)));
      }
      await applying;
      reads.push(readProjectAt(dir, seq));
      expect(seq).toBe(base + 60);
      expect(store.sequence).toBe(seq + 50);
      for (const state of await Promise.all(reads)) expect(state).toEqual(atStart);
    } finally {
      await store.close();
    }
  });

  it("a fold between reading the journals and project.json (the project closed) still gives the state at the start", async () => {
    const { api, dir, store } = await sampleBackend();
    await applyCodings(store, 20, "Pengkode awal");
    const seq = store.sequence;
    const atStart = structuredClone(store.state);
    expect(await snapshotSeq(dir)).toBeLessThan(seq);
    let reads = 0;
    // Closing folds every change into a new project.json and empties the journal, between the two.
    const state = await readProjectAt(dir, seq, { beforeSnapshot: async () => void (++reads === 1 && (await api.closeProject())) });
    expect(await snapshotSeq(dir)).toBe(seq);
    expect(await readFile(join(dir, JOURNAL_FILE), "utf8")).toBe("");
    expect(reads).toBe(1);
    expect(state).toEqual(atStart);
  });

  it("a project saved past the change the export needs is a clear error naming project.json, not a later state", async () => {
    const { api, dir, store } = await sampleBackend();
    const seq = store.sequence;
    await applyCodings(store, 5);
    await api.closeProject();
    const error = await readProjectAt(dir, seq).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandaiError);
    expect(error).toMatchObject({ code: "exportRead.errors.movedOn", params: { file: join(dir, SNAPSHOT_FILE), seq, found: seq + 5 } });
  });

  it("files that never reach the change are retried a bounded number of times, then a clear error naming the folder", async () => {
    const { api, dir, store } = await sampleBackend();
    // A change nobody has made yet: no reading of the files can reach it.
    const error = await readProjectAt(dir, store.sequence + 1, { attempts: 3 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "exportRead.errors.notReached", params: { dir, seq: store.sequence + 1, attempts: 3 } });
    await api.closeProject();
  });

  it("a project.json that open would refuse (a coding of a missing document) is refused with open's integrity error, before any replay", async () => {
    const { api, dir } = await sampleBackend();
    await api.closeProject();
    const file = join(dir, SNAPSHOT_FILE);
    const snapshot = (await new SnapshotFile(file).read())!;
    const [codingId, coding] = Object.entries(snapshot.state.codings)[0]!;
    snapshot.state.codings[codingId as keyof typeof snapshot.state.codings] = { ...coding, documentId: "gone" as typeof coding.documentId };
    // Written as the store writes it, checksum and all: only the integrity pass can tell.
    await new SnapshotFile(file).write(snapshot);
    const error = await readProjectAt(dir, snapshot.seq).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "store.errors.integrity", params: { file } });
    expect(String((error as TandaiError).params.detail)).toContain("gone");
  });

  it("a damaged journal line fails the export with the store's error naming the journal file and the line", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    await applyCodings(store, 4);
    const journal = join(dir, JOURNAL_FILE);
    const lines = (await readFile(journal, "utf8")).split("\n");
    // One digit of an offset changed: valid JSON, a valid operation, a wrong checksum.
    lines[1] = lines[1]!.replace(/"start":(\d)/, (_m, d: string) => `"start":${(Number(d) + 1) % 10}`);
    await writeFile(journal, lines.join("\n"));
    const started = await api.exportStart({ request: CSV });
    const status = await finished(api, started!.jobId);
    expect(status).toMatchObject({ state: "failed", error: { code: "store.errors.corrupt", params: { file: journal } } });
    expect(status.state === "failed" && String(status.error.params?.detail)).toMatch(/^line 2: the checksum does not match/);
    expect(await exists(started!.path)).toBe(false);
    await api.closeProject();
  });
});
