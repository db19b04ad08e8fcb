/**
 * Starting an export of a big open project, and coding on while it runs (`npm run bench -- export-1m`).
 * 100k and 1M codings in 2,000 documents of ≈ 9,000 words (18M words, as in issue 13), on disk
 * through the store, each size in a fresh process. The export is the codings table with every quote
 * (.csv), in the bundled export worker, given {dir, seq} and the files pinned as the app gives them.
 *
 * Baselines measured in the same run: for the main thread's time to start the job, v8.serialize of
 * the state (what posting it to the worker cost the main thread before: the serialiser a Worker's
 * workerData goes through; the worker then deserialised it, a second copy); for
 * apply latency during the export, the same applies with nothing running; for memory, the RSS with
 * the project open before exporting.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { serialize } from "node:v8";
import { exportInWorker } from "../../electron/export/inWorker.js";
import { pinState } from "../../electron/export/run.js";
import { DOCUMENTS_DIR, SNAPSHOT_FILE } from "../../electron/store/files.js";
import { createProjectWithState, type DiskProjectStore } from "../../electron/store/index.js";
import { pinProject, readProjectAt, releasePinned } from "../../electron/store/readAt.js";
import { ExportRequest } from "../../shared/export/model.js";
import { emptyProject, newCodingId, offset, type CodeId, type DocumentId, type Operation, type ProjectId } from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { content, isPdf, memoryPeak } from "./export.js";
import { NOW } from "../shared/fixtures.js";

const SIZES = [100_000, 1_000_000];
const DOCUMENTS = 2_000;
const CODES = 200;
const IDLE_APPLIES = 100;
/** Below the store's compaction interval (2000), so no compaction runs while this is measured. */
const MAX_APPLIES = 1_900;
/** The same cadence of applies with no export running, for the baseline of the delays. */
const IDLE_PACED_MS = 5_000;
const APPLY_EVERY_MS = 20;
const CSV = ExportRequest.parse({ kind: "table", format: "csv", table: "codings", language: "id" });

interface Figures {
  codings: number;
  snapshotBytes: number;
  postMs: number;
  pinMs: number;
  startMs: number;
  /** From the start until the worker's first progress report: starting the worker and its read at seq. */
  firstProgressMs: number;
  readMs: number;
  /** Journal lines when the job started, and the pin of the files alone with the longer journal after the export. */
  journalAtStart: number;
  pinFilesMs: number;
  journalAfter: number;
  exportMs: number;
  csvBytes: number;
  idleMedian: number;
  idlePaced: { count: number; p95: number; max: number; loopP99Ms: number; loopMaxMs: number };
  during: { count: number; median: number; p95: number; max: number };
  loopMaxMs: number;
  loopP99Ms: number;
  before: number;
  peak: number;
}

/** The project written as the store writes it, its documents' files beside it. */
async function buildOnDisk(dir: string, codings: number): Promise<DiskProjectStore> {
  const state = emptyProject("benchexportstart" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(23);
  const documents: { id: DocumentId; length: number }[] = [];
  const files: [DocumentId, string][] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${String(d).padStart(4, "0")}` as DocumentId;
    const doc = content(d);
    documents.push({ id, length: doc.text.length });
    files.push([id, JSON.stringify(doc)]);
    const pdf = isPdf(d);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: pdf ? "pdf" : "txt", sourceName: `w${d}.${pdf ? "pdf" : "txt"}`, importedAt: NOW, length: doc.text.length, blockCount: doc.blocks.length, pageCount: pdf ? (doc.blocks.at(-1)?.page ?? 1) : null };
  }
  const codes: CodeId[] = [];
  for (let c = 0; c < CODES; c++) {
    const id = `code${c}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Kode ${c}`, color: "#e69f00", parentId: null, order: c, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < codings; i++) {
    const id = newCodingId();
    const document = documents[Math.floor(random() * DOCUMENTS)]!;
    const start = Math.floor(random() * (document.length - 400));
    state.codings[id] = { id, documentId: document.id, codeId: codes[Math.floor(random() * CODES)]!, start: offset(start), end: offset(start + 20 + Math.floor(random() * 380)), coder: random() < 0.5 ? "Rani" : "Budi", stance: "supports", createdAt: NOW };
  }
  const store = await createProjectWithState(dir, state);
  // The fixture's document files, written directly (the store would fsync each of 2,000).
  for (const [id, json] of files) await writeFile(path.join(dir, DOCUMENTS_DIR, `${id}.json`), json);
  return store;
}

function codingOp(store: DiskProjectStore, n: number): Operation {
  const document = store.state.documents["document0000" as DocumentId]!;
  const start = (n * 37) % (document.length - 100);
  return { type: "addCoding", coding: { id: newCodingId(), documentId: document.id, codeId: "code0" as CodeId, start: offset(start), end: offset(start + 30), coder: "Sela", stance: "supports", createdAt: NOW } };
}

async function timedApply(store: DiskProjectStore, n: number): Promise<number> {
  const start = performance.now();
  await store.apply(codingOp(store, n));
  return performance.now() - start;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const quantile = (values: number[], q: number) => sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** One size, measured in this process; prints its figures as JSON for benchExportStart. */
export async function benchExportStartRow(codings: number, worker: URL): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-exportstart-"));
  try {
    const dir = path.join(root, "project");
    const store = await buildOnDisk(dir, codings);
    const snapshotBytes = (await stat(path.join(dir, SNAPSHOT_FILE))).size;
    const snapshotSeqAtOpen = store.sequence;
    let applied = 0;
    const idle: number[] = [];
    for (let i = 0; i < IDLE_APPLIES; i++) idle.push(await timedApply(store, applied++));
    const idleLoop = monitorEventLoopDelay({ resolution: 5 });
    idleLoop.enable();
    const paced: number[] = [];
    for (const until = performance.now() + IDLE_PACED_MS; performance.now() < until; ) {
      paced.push(await timedApply(store, applied++));
      await new Promise((ok) => setTimeout(ok, APPLY_EVERY_MS));
    }
    idleLoop.disable();
    // What starting a job cost the main thread before: the state serialised for the worker.
    let start = performance.now();
    const postedBytes = serialize(store.state).length;
    const postMs = performance.now() - start;
    start = performance.now();
    const pinnedKeys = Object.keys(pinState(store.state).codings).length;
    const pinMs = performance.now() - start;
    if (!postedBytes || pinnedKeys !== Object.keys(store.state.codings).length) throw new Error("bench: nothing was copied");
    gc();
    const before = process.memoryUsage().rss;

    const seq = store.sequence;
    const memory = memoryPeak();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    start = performance.now();
    // As the backend makes it: the files pinned in the tick seq is taken, part of the start.
    const job = { request: CSV, path: path.join(root, "codings.csv"), dir, seq, files: pinProject(dir) };
    const journalAtStart = seq - snapshotSeqAtOpen;
    let done = false;
    let firstProgressMs = 0;
    const onProgress = () => {
      firstProgressMs ||= performance.now() - start;
      memory.sample();
    };
    const exporting = exportInWorker(worker, job, { signal: new AbortController().signal, onProgress }).finally(() => (done = true));
    const startMs = performance.now() - start;
    const during: number[] = [];
    while (!done && applied < MAX_APPLIES) {
      during.push(await timedApply(store, applied++));
      await new Promise((ok) => setTimeout(ok, APPLY_EVERY_MS));
    }
    const csvBytes = await exporting;
    const exportMs = performance.now() - start;
    loop.disable();
    const peak = memory.stop();
    const loopMaxMs = loop.max / 1e6;
    const loopP99Ms = loop.percentile(99) / 1e6;

    // How long the worker's own read of the project at `seq` takes (the same function, timed here).
    gc();
    start = performance.now();
    await readProjectAt(dir, seq);
    const readMs = performance.now() - start;
    // The pin alone with the journal as long as the export left it (the longest: up to MAX_APPLIES lines).
    start = performance.now();
    releasePinned(pinProject(dir));
    const pinFilesMs = performance.now() - start;
    const journalAfter = store.sequence - snapshotSeqAtOpen;
    await store.close();
    const figures: Figures = {
      codings,
      snapshotBytes,
      postMs,
      pinMs,
      startMs,
      firstProgressMs,
      readMs,
      journalAtStart,
      pinFilesMs,
      journalAfter,
      exportMs,
      csvBytes,
      idleMedian: quantile(idle, 0.5),
      idlePaced: { count: paced.length, p95: quantile(paced, 0.95), max: Math.max(0, ...paced), loopP99Ms: idleLoop.percentile(99) / 1e6, loopMaxMs: idleLoop.max / 1e6 },
      during: { count: during.length, median: quantile(during, 0.5), p95: quantile(during, 0.95), max: Math.max(0, ...during) },
      loopMaxMs,
      loopP99Ms,
      before,
      peak,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : value < 10_000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(1)} s`);

export function benchExportStart(script: string): string {
  const rows = SIZES.map((size) => {
    const out = execFileSync(process.execPath, ["--expose-gc", "--max-old-space-size=12288", script, "export-start-row", String(size)], { encoding: "utf8", maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split("\n").at(-1)!) as Figures;
  });
  const first = rows[0]!;
  return [
    `${DOCUMENTS.toLocaleString("en")} documents (≈ 18M words), each size in a fresh process; the export is codings.csv with every quote, in the export worker given {dir, seq}. Codings are applied one at a time every ${APPLY_EVERY_MS} ms while it runs.`,
    "",
    "| codings | project.json | posting the state (before: v8.serialize) | start the job now, files pinned (÷ before) | the pin alone: journal lines, time | pinState (in-process path) | start → first progress (worker up, read at seq) | readProjectAt (main thread, after) | export time (÷ first size), file | apply with no export: median; p95 / max; loop delay p99 / max | apply during export: median / p95 / max (median ÷ idle) | event loop delay during export p99 / max | RSS before → peak (÷) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.codings.toLocaleString("en")} | ${mb(r.snapshotBytes)} | ${ms(r.postMs)} | ${ms(r.startMs)} (${(r.startMs / r.postMs).toFixed(4)}×), ${r.journalAtStart} journal lines | ${r.journalAfter} lines, ${ms(r.pinFilesMs)} | ${ms(r.pinMs)} | ${ms(r.firstProgressMs)} | ${ms(r.readMs)} | ${ms(r.exportMs)} (${(r.exportMs / first.exportMs).toFixed(1)}×), ${mb(r.csvBytes)} | ${ms(r.idleMedian)}; ${ms(r.idlePaced.p95)} / ${ms(r.idlePaced.max)}; ${ms(r.idlePaced.loopP99Ms)} / ${ms(r.idlePaced.loopMaxMs)} | ${ms(r.during.median)} / ${ms(r.during.p95)} / ${ms(r.during.max)} of ${r.during.count} (${(r.during.median / r.idleMedian).toFixed(2)}×) | ${ms(r.loopP99Ms)} / ${ms(r.loopMaxMs)} | ${mb(r.before)} → ${mb(r.peak)} (${(r.peak / r.before).toFixed(2)}×) |`,
    ),
  ].join("\n");
}
