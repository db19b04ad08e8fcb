/**
 * The 1M-codings design study: what each step on the open and save path costs as a project grows
 * from a typical thesis (5k codings) to 1M codings in 2,000 documents. Each figure is also given as
 * a ratio to the same step at 5k in the same run, so the scaling survives a loaded machine. The
 * steps are those the store and the renderer do on one JSON snapshot (electron/store/snapshot.ts):
 * serialise, parse, validate with zod, copy (structuredClone: the export worker's snapshot, the
 * IPC reply), and one coding applied.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import path from "node:path";
import { firstScreenState } from "../../electron/backend/openView.js";
import { openProject } from "../../electron/store/index.js";
import { fileChunk } from "../../renderer/state/codingsLoader.js";
import { nextChunk } from "../../renderer/state/partialCodings.js";
import { decodeCodings, encodeCodings, type CodingColumns } from "../../shared/ipc/codingsWire.js";
import { SnapshotFile } from "../../electron/store/snapshot.js";
import { applyOperation, CodingIndex, emptyProject, newCodingId, PROJECT_FORMAT, ProjectState, type CodeId, type Coding, type CodingCounts, type DocumentId, type ProjectId, type TextOffset } from "../../shared/index.js";
import { checkIntegrity } from "../../shared/model/integrity.js";
import { isPlainProjectState } from "../../shared/model/quickCheck.js";
import { seededRandom } from "../../shared/random.js";
import { NOW } from "../shared/fixtures.js";

// MILLION_SIZES=5000,20000 for a quick look; the figures in docs/PERFORMANCE.md are of the default.
const SIZES = process.env.MILLION_SIZES?.split(",").map(Number) ?? [5_000, 100_000, 1_000_000];
const DOCUMENTS = 2_000;
const CODES = 200;

function buildProject(codings: number): ProjectState {
  const state = emptyProject("benchmillion" as ProjectId, "Benchmark", NOW);
  const random = seededRandom(17);
  const documents: DocumentId[] = [];
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document${d}` as DocumentId;
    documents.push(id);
    state.documents[id] = { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: 60_000, blockCount: 1, pageCount: null };
  }
  const codes: CodeId[] = [];
  for (let i = 0; i < CODES; i++) {
    const id = `code${i}` as CodeId;
    codes.push(id);
    state.codes[id] = { id, name: `Kode ${i}`, color: "#e69f00", parentId: null, order: i, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  }
  for (let i = 0; i < codings; i++) {
    const id = newCodingId();
    const start = Math.floor(random() * 59_000);
    state.codings[id] = { id, documentId: documents[Math.floor(random() * DOCUMENTS)]!, codeId: codes[Math.floor(random() * CODES)]!, start: start as TextOffset, end: (start + 50 + Math.floor(random() * 900)) as TextOffset, coder: "bench", stance: "supports", createdAt: NOW };
  }
  return state;
}

const time = (fn: () => unknown) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

export async function benchMillion(): Promise<string> {
  // MILLION_PARTS=load: the background load's steps only (a quick look while working on them).
  if (process.env.MILLION_PARTS === "load") return `### The background load's steps (codingsOf)\n\n${await backgroundLoadSteps()}`;
  // MILLION_PARTS=store: the store's steps only (the deferred check and the first write after it).
  if (process.env.MILLION_PARTS === "store") return `### The store at each size (electron/store)\n\n${await storeSteps()}`;
  return `${snapshotSteps()}\n\n### The background load's steps (codingsOf)\n\n${await backgroundLoadSteps()}\n\n### The store at each size (electron/store)\n\n${await storeSteps()}`;
}

function snapshotSteps(): string {
  const header = [
    "| codings (2,000 documents) | snapshot | JSON.stringify | JSON.parse | zod validate | quick check (what open runs) | integrity | structuredClone | apply one coding | heap used |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows: string[] = [];
  let base: number[] | null = null;
  for (const size of SIZES) {
    let state: ProjectState | null = buildProject(size);
    let text = "";
    const figures = [time(() => (text = JSON.stringify(state))), 0, 0, 0, 0, 0, 0];
    let parsed: unknown = null;
    figures[1] = time(() => (parsed = JSON.parse(text)));
    figures[2] = time(() => ProjectState.safeParse(parsed));
    // What opening runs instead of the schema for a valid snapshot (shared/model/quickCheck.ts), and the integrity pass after it.
    figures[5] = time(() => isPlainProjectState(parsed, PROJECT_FORMAT));
    figures[6] = time(() => checkIntegrity(parsed as ProjectState));
    figures[3] = time(() => structuredClone(state));
    const coding = { ...Object.values(state!.codings)[0]!, id: newCodingId() };
    figures[4] = time(() => applyOperation(state!, { type: "addCoding", coding }, NOW));
    const heap = process.memoryUsage().heapUsed;
    base ??= figures;
    const cell = (i: number) => `${figures[i]!.toFixed(figures[i]! < 10 ? 2 : 0)} ms (${(figures[i]! / Math.max(base![i]!, 0.01)).toFixed(0)}×)`;
    rows.push(`| ${size.toLocaleString("en")} | ${(text.length / 2 ** 20).toFixed(1)} MB | ${cell(0)} | ${cell(1)} | ${cell(2)} | ${cell(5)} | ${cell(6)} | ${cell(3)} | ${cell(4)} | ${(heap / 2 ** 20).toFixed(0)} MB |`);
    state = null;
    parsed = null;
    text = "";
  }
  return [...header, ...rows].join("\n");
}

/**
 * What the two-step open's background load does with every coding but the first document's, on
 * either side of the wire, in the same process (no HTTP hop, no browser): a chunk gathered from
 * the codings grouped by document and serialised as the backend's CodingsServer does, then parsed,
 * decoded and filed into the mirror's state and CodingIndex as the renderer's loader does, chunk
 * by chunk as the loader asks (nextChunk).
 * Beside it, the same chunks as coding objects, the wire form before the columns, filed into a
 * state and index the same way: the ratio is the figure, the machine's load cancels out.
 */
async function backgroundLoadSteps(): Promise<string> {
  const header = [
    "| codings | chunks | wire: objects / columns | backend: chunk + JSON.stringify, objects → columns | renderer: JSON.parse (+ decode), objects → columns | renderer: filing (state + CodingIndex), objects → columns | all steps, objects → columns |",
    "|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows: string[] = [];
  for (const size of SIZES) {
    const state = buildProject(size);
    const first = firstScreenState(state);
    // The codings by document, as the backend's CodingsServer groups them once for every chunk.
    const byDocument = new Map<DocumentId, Coding[]>();
    for (const coding of Object.values(state.codings)) {
      let list = byDocument.get(coding.documentId);
      if (!list) byDocument.set(coding.documentId, (list = []));
      list.push(coding);
    }
    // The documents of each request, as the loader asks for them (the index's pending documents, ~CHUNK_CODINGS codings each).
    const plan: DocumentId[][] = [];
    {
      const index = new CodingIndex(first.state, { loaded: first.loaded, counts: first.counts });
      const asked = new Set<DocumentId>();
      for (let chunk = nextChunk(index); chunk.length; chunk = nextChunk(index, asked)) {
        plan.push(chunk);
        for (const id of chunk) asked.add(id);
      }
    }
    const objects = { backend: 0, parse: 0, filing: 0, bytes: 0 };
    const columns = { backend: 0, parse: 0, filing: 0, bytes: 0 };
    // Each form into its own mirror (a copy, as a first-screen open leaves it), chunk by chunk in
    // turn, the first form alternating: the garbage collector, the JIT and the machine's load
    // then weigh on both alike.
    const mirrors = (["objects", "columns"] as const).map((form) => {
      const mirror = structuredClone(first);
      return { form, figures: form === "objects" ? objects : columns, state: mirror.state, index: new CodingIndex(mirror.state, { loaded: mirror.loaded, counts: mirror.counts }) };
    });
    plan.forEach((documents, k) => {
      // A full collection before each chunk, untimed: with the source state and two mirrors (2–3 GB
      // at 1M) a major collection otherwise lands in whichever step runs then, and the ratios
      // swung from 0.5× to 1.8× between runs.
      collectGarbage();
      for (const { form, figures, state: into, index } of k % 2 ? [...mirrors].reverse() : mirrors) {
        let text = "";
        figures.backend += time(() => {
          const codings: Coding[] = [];
          for (const id of documents) for (const coding of byDocument.get(id) ?? []) codings.push(coding);
          text = JSON.stringify({ codings: form === "objects" ? codings : encodeCodings(codings), counts: first.counts, revision: 0 });
        });
        figures.bytes += text.length;
        let codings: Coding[] = [];
        let counts: CodingCounts | null = null;
        figures.parse += time(() => {
          const chunk = JSON.parse(text) as { codings: Coding[] | CodingColumns; counts: CodingCounts };
          codings = Array.isArray(chunk.codings) ? chunk.codings : decodeCodings(chunk.codings);
          counts = chunk.counts;
        });
        figures.filing += time(() => fileChunk(into, index, documents, codings, counts!));
      }
    });
    for (const { form, index } of mirrors) if (!index.complete || index.size !== size) throw new Error(`the ${form} load ended with ${index.size} of ${size} codings`);
    const ratio = (key: "backend" | "parse" | "filing") => `${objects[key].toFixed(0)} → ${columns[key].toFixed(0)} ms (${(columns[key] / Math.max(objects[key], 0.01)).toFixed(2)}×)`;
    const all = (f: typeof objects) => f.backend + f.parse + f.filing;
    rows.push(`| ${size.toLocaleString("en")} | ${plan.length} | ${(objects.bytes / 2 ** 20).toFixed(1)} / ${(columns.bytes / 2 ** 20).toFixed(1)} MB | ${ratio("backend")} | ${ratio("parse")} | ${ratio("filing")} | ${all(objects).toFixed(0)} → ${all(columns).toFixed(0)} ms (${(all(columns) / all(objects)).toFixed(2)}×) |`);
  }
  return [...header, ...rows].join("\n");
}

/** The collector on demand (V8's --expose-gc, set at run time): a full collection outside what is timed. */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The longest the event loop went without running a tick while `until` was pending. */
async function longestStall<T>(until: Promise<T>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  let last = performance.now();
  let longest = 0;
  while (!done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  return longest;
}

const BASELINE_APPLIES = 20;
const ROUNDS = 3;
/** Awaits between the store's apply resolving and the backend's answer going out (Backend.apply, the IPC or HTTP handler). */
const REPLY_DEPTH = 5;

/** A project folder holding `state` as Tandai writes it (project.json, documents/, backups/), without the store's zod check at create. */
async function writeProject(state: ProjectState): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-million-"));
  await mkdir(path.join(dir, "documents"));
  await mkdir(path.join(dir, "backups"));
  await new SnapshotFile(path.join(dir, "project.json")).write({ format: PROJECT_FORMAT, seq: 0, state });
  return dir;
}

/**
 * CPU time of this thread so far (ms): what the check costs, without the time it waited for a core
 * (the machine is shared, and a wall clock of seconds moves with the load). Linux's schedstat; NaN elsewhere.
 */
function mainThreadCpu(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

const exists = (file: string) => stat(file).then(() => true, () => false);

/**
 * What the store does at each size: the open that checks before it resolves (the CLI's; the first
 * one also copies the backup), the app's open that defers the check (time to resolve, to `checked`,
 * and the longest the event loop was held meanwhile), and applying one coding, alone and while a
 * background compaction rewrites project.json (the latency of every apply until it is done).
 */
async function storeSteps(): Promise<string> {
  const header = [
    "| codings | checked open, first (with backup) | checked open (median) | deferred open: resolves (median) | … `checked` | longest event-loop stall during the check | a coding applied at once, until durable (waits for the check) | the open until `checked`: main-thread CPU | apply (median) | compaction: duration | the apply that starts it, until answered | applies during it: median / max | longest event-loop stall during it |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows: string[] = [];
  let base: number[] | null = null;
  for (const size of SIZES) {
    const dir = await writeProject(buildProject(size));
    try {
      // Nothing of a closed store may stay referenced: three 1.3 GB states at once would measure the GC.
      const checkedOpenTime = async () => {
        const start = performance.now();
        const store = await openProject(dir);
        const took = performance.now() - start;
        await store.close();
        return took;
      };
      const deferredOpen = async () => {
        const start = performance.now();
        const cpu = mainThreadCpu();
        // The compactEvery-th operation is the one after the coding applied at once and the BASELINE_APPLIES.
        const store = await openProject(dir, { deferCheck: true, compactEvery: BASELINE_APPLIES + 2 });
        const resolved = performance.now() - start;
        // A coding applied at once, as by a user who codes as soon as the first screen is up: it waits for the check, as every write does.
        const first = store.apply({ type: "addCoding", coding: { id: newCodingId(), documentId: "document1" as DocumentId, codeId: "code1" as CodeId, start: 10 as TextOffset, end: 60 as TextOffset, coder: "bench", stance: "supports", createdAt: NOW } }).then(() => performance.now() - start);
        const stall = await longestStall(store.checked);
        const toChecked = performance.now() - start;
        const checkCpu = mainThreadCpu() - cpu;
        return { store, resolved, toChecked, stall, firstApply: await first, checkCpu };
      };
      const firstOpen = await checkedOpenTime();
      // The checked and the deferred open alternately, the median of ROUNDS each (one at 1M: a
      // round is ~20 s there, and their ratio held within 0.02 over three runs).
      const checkedOpens: number[] = [];
      const deferred: { resolved: number; toChecked: number; stall: number; firstApply: number; checkCpu: number }[] = [];
      const rounds = size >= 1_000_000 ? 1 : ROUNDS;
      for (let round = 1; round < rounds; round++) {
        checkedOpens.push(await checkedOpenTime());
        const { store, ...times } = await deferredOpen();
        await store.close();
        deferred.push(times);
      }
      checkedOpens.push(await checkedOpenTime());
      const { store, ...times } = await deferredOpen();
      deferred.push(times);
      const checkedOpen = median(checkedOpens);
      const [resolved, toChecked, stall, firstApply, checkCpu] = (["resolved", "toChecked", "stall", "firstApply", "checkCpu"] as const).map((key) => median(deferred.map((d) => d[key]))) as [number, number, number, number, number];
      const apply = async () => {
        const at = performance.now();
        const id = newCodingId();
        await store.apply({ type: "addCoding", coding: { id, documentId: "document1" as DocumentId, codeId: "code1" as CodeId, start: 10 as TextOffset, end: 60 as TextOffset, coder: "bench", stance: "supports", createdAt: NOW } });
        return performance.now() - at;
      };
      const alone: number[] = [];
      for (let i = 0; i < BASELINE_APPLIES; i++) alone.push(await apply());
      // The next apply is the compactEvery-th: it queues the compaction, which moves the journal
      // aside as journal.old.jsonl until the new project.json is durable. Its start (pinning the
      // state) runs between two applies, after this one resolves and before the next is measured:
      // what an apply arriving at any moment can wait is the longest the event loop is held.
      let over!: () => void;
      const compactionStall = longestStall(new Promise<void>((resolve) => (over = resolve)));
      const snapshotFile = path.join(dir, "project.json");
      const written = (await stat(snapshotFile)).mtimeMs;
      const compactionStart = performance.now();
      // The apply that starts it, until answered the way the backend answers: a few awaits after the store's.
      await apply();
      for (let i = 0; i < REPLY_DEPTH; i++) await null;
      const trigger = performance.now() - compactionStart;
      // Done when the new project.json is in place and journal.old.jsonl gone (the compaction is
      // queued a turn of the event loop after the apply that starts it, so neither may have happened yet).
      const during: number[] = [];
      const old = path.join(dir, "journal.old.jsonl");
      do during.push(await apply());
      while ((await stat(snapshotFile)).mtimeMs === written || (await exists(old)));
      const compaction = performance.now() - compactionStart;
      over();
      const held = await compactionStall;
      await store.close();
      const figures = [firstOpen, checkedOpen, resolved, toChecked, stall, median(alone), compaction, firstApply, checkCpu];
      base ??= figures;
      const cell = (i: number) => `${figures[i]!.toFixed(figures[i]! < 10 ? 1 : 0)} ms (${(figures[i]! / Math.max(base![i]!, 0.01)).toFixed(1)}×)`;
      rows.push(`| ${size.toLocaleString("en")} | ${cell(0)} | ${cell(1)} | ${cell(2)} | ${cell(3)} | ${cell(4)} | ${cell(7)} | ${Number.isNaN(checkCpu) ? "—" : cell(8)} | ${cell(5)} | ${cell(6)} | ${trigger.toFixed(1)} ms | ${during.length}: ${median(during).toFixed(1)} / ${Math.max(0, ...during).toFixed(1)} ms | ${held.toFixed(1)} ms |`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return [...header, ...rows].join("\n");
}
