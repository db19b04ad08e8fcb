import { existsSync, readdirSync, readlinkSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { exportInWorker } from "../../../electron/export/inWorker.js";
import { ParagraphIndex } from "../../../electron/export/paragraphs.js";
import { runExport } from "../../../electron/export/run.js";
import { pinProject, readPinnedAt, readProjectAt, releasePinned } from "../../../electron/store/readAt.js";
import { openProject, type DiskProjectStore } from "../../../electron/store/index.js";
import { readDocumentFile } from "../../../electron/store/store.js";
import { BACKUPS_DIR, exists, JOURNAL_FILE, OLD_JOURNAL_FILE, SNAPSHOT_FILE } from "../../../electron/store/files.js";
import { SnapshotFile } from "../../../electron/store/snapshot.js";
import { newCodingId, offset, type Operation, type ProjectState, ExportRequest, TandaiError } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { finished } from "./finished.js";

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
async function expectedCsv(state: ProjectState, dir: string): Promise<string> {
  const path = join(await temp(), "expected.csv");
  await runExport({ state, readDocumentContent: (id) => readDocumentFile(dir, id) }, CSV, path, { paragraphs: new ParagraphIndex() });
  return readFile(path, "utf8");
}

/** The job an export in the worker is given, made as the backend makes it: seq and the pin in one tick. */
async function workerJob(dir: string, store: DiskProjectStore) {
  return { request: CSV, path: join(await temp(), "codings.csv"), dir, seq: store.sequence, files: pinProject(dir) };
}

/** This process's open descriptors (Linux): the worker's pinned files are among them while held. */
const PROC = "/proc/self/fd";
const openFds = () => readdirSync(PROC);
/** The open descriptors on files of `dir`, as "(deleted)" too once unlinked or renamed over. */
function fdsIn(dir: string): string[] {
  return openFds().flatMap((fd) => {
    try {
      const target = readlinkSync(join(PROC, fd));
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return []; // closed meanwhile (the readdir's own descriptor)
    }
  });
}

/** Waits (bounded) for the descriptor count to come back to `before`: a worker thread's own close as it stops. */
async function fdsBackTo(before: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (openFds().length > before && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
  return openFds().length;
}

/** project.json's seq as it is on disk now. */
const snapshotSeq = async (dir: string) => (await new SnapshotFile(join(dir, SNAPSHOT_FILE)).read())!.seq;

describe("an export reads the project at the change it started at", () => {
  it("in the worker: 50 codings applied after the start and before the worker reads are not in the export", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    await applyCodings(store, 3, "Pengkode awal");
    const atStart = structuredClone(store.state);
    const job = await workerJob(dir, store);
    await applyCodings(store, 50);
    expect(Object.keys(store.state.codings)).toHaveLength(Object.keys(atStart.codings).length + 50);
    const bytes = await exportInWorker(WORKER, job, { signal: new AbortController().signal });
    const written = await readFile(job.path, "utf8");
    expect(bytes).toBe(Buffer.byteLength(written));
    expect(written).toContain("Pengkode awal");
    expect(written).not.toContain(LATE);
    expect(written).toBe(await expectedCsv(atStart, dir));
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
      expect(written).toBe(await expectedCsv(atStart, dir));
      await api.closeProject();
    }
  });

  it("through the app's export job: more codings and the project's close right after the start, the worker reading after them or not", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    const atStart = structuredClone(store.state);
    const started = await api.exportStart({ request: CSV });
    await applyCodings(store, 20);
    // Usually over before the worker (0.1 s or more to start) reads: then only the pin has the job's change.
    await api.closeProject();
    expect(await snapshotSeq(dir)).toBe(store.sequence);
    const status = await finished(api, started!.jobId);
    expect(status.state).toBe("done");
    const written = await readFile(started!.path, "utf8");
    expect(written).not.toContain(LATE);
    expect(written).toBe(await expectedCsv(atStart, dir));
  });

  it.runIf(existsSync(PROC))("a background compaction that completes before the worker reads: the export is the state at the start, and no file stays open", async () => {
    const { api, dir } = await sampleBackend();
    await api.closeProject();
    const store = await openProject(dir, { compactEvery: 60 });
    try {
      await applyCodings(store, 30, "Pengkode awal");
      const atStart = structuredClone(store.state);
      const before = openFds().length;
      const job = await workerJob(dir, store);
      expect(openFds().length).toBe(before + 1); // project.json (no journal.old.jsonl; journal.jsonl is read)
      // The 60th change since the open starts a compaction, frozen 30 changes past the job's: wait
      // until it has written project.json, deleted journal.old.jsonl and taken its backup, the
      // worker not started yet.
      await applyCodings(store, 30);
      const compacted = async () =>
        (await snapshotSeq(dir)) === job.seq + 30 && !(await exists(join(dir, OLD_JOURNAL_FILE))) && readdirSync(join(dir, BACKUPS_DIR)).some((file) => file.endsWith(`-${job.seq + 30}.json`));
      while (!(await compacted())) await new Promise((ok) => setTimeout(ok, 10));
      // Read by name now, the files no longer hold the job's change (what the worker met before).
      expect(await readProjectAt(dir, job.seq).catch((e: unknown) => e)).toMatchObject({ code: "exportRead.errors.mismatch" });
      expect(fdsIn(dir).filter((file) => !file.endsWith(JOURNAL_FILE))).toEqual([`${join(dir, SNAPSHOT_FILE)} (deleted)`]);
      await exportInWorker(WORKER, job, { signal: new AbortController().signal });
      expect(fdsIn(dir).filter((file) => !file.endsWith(JOURNAL_FILE))).toEqual([]);
      expect(await fdsBackTo(before)).toBe(before);
      const written = await readFile(job.path, "utf8");
      expect(written).not.toContain(LATE);
      expect(written).toBe(await expectedCsv(atStart, dir));
    } finally {
      await store.close();
    }
  });

  it.runIf(existsSync(PROC))("the project closed after more codings before the worker reads (a fold emptying the journal): the export is the state at the start", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    await applyCodings(store, 20, "Pengkode awal");
    const atStart = structuredClone(store.state);
    const before = openFds().length;
    const job = await workerJob(dir, store);
    await applyCodings(store, 20);
    // Closing folds all 40 into a new project.json, then empties journal.jsonl in place.
    await api.closeProject();
    expect(await snapshotSeq(dir)).toBe(job.seq + 20);
    expect(await readFile(join(dir, JOURNAL_FILE), "utf8")).toBe("");
    await exportInWorker(WORKER, job, { signal: new AbortController().signal });
    expect(fdsIn(dir)).toEqual([]);
    // Fewer than before: the store's own journal and lock were closed with the project.
    expect(await fdsBackTo(before)).toBeLessThan(before);
    const written = await readFile(job.path, "utf8");
    expect(written).toContain("Pengkode awal");
    expect(written).not.toContain(LATE);
    expect(written).toBe(await expectedCsv(atStart, dir));
  });

  it.runIf(existsSync(PROC))("the pinned files are closed when the job is cancelled before the worker read, and when the worker cannot start", async () => {
    const { api, dir, store } = await sampleBackend(WORKER);
    await applyCodings(store, 3);
    const controller = new AbortController();
    const job = await workerJob(dir, store);
    expect(fdsIn(dir)).toContain(join(dir, SNAPSHOT_FILE));
    const cancelled = exportInWorker(WORKER, job, { signal: controller.signal });
    controller.abort();
    expect(await cancelled.catch((e: unknown) => e)).toMatchObject({ code: "export.errors.cancelled" });
    expect(fdsIn(dir).filter((file) => !file.endsWith(JOURNAL_FILE))).toEqual([]);
    expect(await exists(job.path)).toBe(false);

    const missing = await workerJob(dir, store);
    const failed = await exportInWorker(new URL("./no-such-worker.mjs", WORKER), missing, { signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(fdsIn(dir).filter((file) => !file.endsWith(JOURNAL_FILE))).toEqual([]);
    await api.closeProject();
  });

  it("a background compaction that folds the journal between the start and the read still gives the state at the start", async () => {
    const { api, dir } = await sampleBackend();
    await api.closeProject();
    const store = await openProject(dir, { compactEvery: 60 });
    try {
      const base = store.sequence;
      // Change base + 60 starts a compaction (at that change) as it is acknowledged, or a turn of
      // the event loop after its answer: that turn passes before the next codings are queued.
      await applyCodings(store, 60, "Pengkode awal");
      await new Promise((ok) => setImmediate(ok));
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

  it("files pinned before a close that folded more changes replay to the pin's change, as often as they are read", async () => {
    const { api, dir, store } = await sampleBackend();
    await applyCodings(store, 20, "Pengkode awal");
    const seq = store.sequence;
    const atStart = structuredClone(store.state);
    const pinned = pinProject(dir);
    await applyCodings(store, 5);
    await api.closeProject();
    expect(await snapshotSeq(dir)).toBe(seq + 5);
    expect(await readPinnedAt(pinned, seq)).toEqual(atStart);
    expect(await readPinnedAt(pinned, seq)).toEqual(atStart);
    expect(await readPinnedAt(pinned, seq - 4)).not.toEqual(atStart);
    releasePinned(pinned);
  });

  it("a journal line still being written when the files are pinned (the next change, not acknowledged yet) is left out", async () => {
    const { api, dir, store } = await sampleBackend();
    await applyCodings(store, 3);
    const seq = store.sequence;
    const atStart = structuredClone(store.state);
    // What an append in flight on the I/O threads looks like to a read: the next line's first half.
    const journal = join(dir, JOURNAL_FILE);
    const next = JSON.stringify({ seq: seq + 1, at: "2026-12-01T00:00:00.000Z", op: codingOp(store.state, 99) });
    await writeFile(journal, (await readFile(journal, "utf8")) + next.slice(0, 40));
    const pinned = pinProject(dir);
    try {
      expect(await readPinnedAt(pinned, seq)).toEqual(atStart);
    } finally {
      releasePinned(pinned);
    }
    await api.closeProject();
  });

  it("a project saved past the change asked for is a clear error naming project.json, not a later state", async () => {
    const { api, dir, store } = await sampleBackend();
    const seq = store.sequence;
    await applyCodings(store, 5);
    await api.closeProject();
    const error = await readProjectAt(dir, seq).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandaiError);
    expect(error).toMatchObject({ code: "exportRead.errors.mismatch", params: { dir, seq } });
    expect(String((error as TandaiError).params.detail)).toBe(`${join(dir, SNAPSHOT_FILE)} is already at change ${seq + 5}`);
  });

  it("files that do not reach the change asked for are a clear error naming the folder and where they end", async () => {
    const { api, dir, store } = await sampleBackend();
    // A change nobody has made yet: no reading of the files can reach it.
    const error = await readProjectAt(dir, store.sequence + 1).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "exportRead.errors.mismatch", params: { dir, seq: store.sequence + 1 } });
    expect(String((error as TandaiError).params.detail)).toContain(`reach only change ${store.sequence}`);
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
