/**
 * Storage benchmark: the latency of one durable addCoding (apply resolves once its journal line is
 * fdatasynced) at 1k, 10k and 100k existing codings, against a naive lowdb store that rewrites the
 * whole file per operation, and the time to open each project. Budget: p95 ≤ 5 ms, flat in size.
 *
 * The big projects are built in memory with applyOperation and written as one snapshot; samples run
 * past one background compaction (every 2000 operations), whose cost shows in p99/max.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import { crc32 } from "node:zlib";
import path from "node:path";
import { naiveLowdbStore } from "../../electron/store/baseline.js";
import { createProjectWithState, openProject } from "../../electron/store/index.js";
import {
  applyOperation,
  checkIntegrity,
  emptyProject,
  type CodeId,
  type CodingId,
  type DocumentId,
  type Operation,
  type ProjectId,
  type ProjectState,
  type TextOffset,
} from "../../shared/index.js";
import { seededRandom } from "../../shared/random.js";
import { NOW } from "../shared/fixtures.js";

const SIZES = [1_000, 10_000, 100_000];
/** 2000 operations in steady state, then the 200 that follow the background compaction they trigger. */
const STEADY_SAMPLES = 2_000;
const STORE_SAMPLES = 2_200;
const NAIVE_SAMPLES: Record<number, number> = { 1_000: 200, 10_000: 200, 100_000: 20 };
const OPEN_RUNS = 3;
const DOC_LENGTH = 60_000;


interface Fixture {
  state: ProjectState;
  documents: DocumentId[];
  codes: CodeId[];
  random: () => number;
  next: number;
}

function addCodingOp(f: Fixture): Operation {
  const start = Math.floor(f.random() * (DOC_LENGTH - 400));
  const id = `coding${String(f.next++).padStart(8, "0")}` as CodingId;
  return {
    type: "addCoding",
    coding: {
      id,
      documentId: f.documents[Math.floor(f.random() * f.documents.length)]!,
      codeId: f.codes[Math.floor(f.random() * f.codes.length)]!,
      start: start as TextOffset,
      end: (start + 20 + Math.floor(f.random() * 380)) as TextOffset,
      coder: "Rani",
      stance: f.random() < 0.9 ? "supports" : "contradicts",
      createdAt: NOW,
    },
  };
}

/** A project with `codings` codings over 40 documents and 60 codes, the same for the same size. */
function buildProject(codings: number): Fixture {
  const state = emptyProject("benchproject" as ProjectId, "Benchmark", NOW);
  const f: Fixture = { state, documents: [], codes: [], random: seededRandom(codings), next: 0 };
  for (let d = 0; d < 40; d++) {
    const id = `document${d}` as DocumentId;
    f.documents.push(id);
    applyOperation(state, {
      type: "addDocument",
      document: { id, title: `Wawancara ${d + 1}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: NOW, length: DOC_LENGTH, blockCount: 1, pageCount: null },
    });
  }
  for (let c = 0; c < 60; c++) {
    const id = `code${c}` as CodeId;
    f.codes.push(id);
    applyOperation(state, {
      type: "addCode",
      code: { id, name: `Code ${c}`, color: "#e69f00", parentId: null, order: c, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW },
    });
  }
  for (let i = 0; i < codings; i++) applyOperation(state, addCodingOp(f), NOW);
  return f;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(fn));
  return out;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** The checks open makes on top of parsing project.json (CRC-32 of its bytes, the integrity pass), against the parse itself. */
async function openChecks(file: string): Promise<string> {
  const bytes = await readFile(file);
  const median = (fn: () => unknown) => {
    const runs: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      const start = performance.now();
      fn();
      runs.push(performance.now() - start);
    }
    return quantile(sorted(runs), 0.5);
  };
  const parse = median(() => JSON.parse(bytes.toString("utf8")));
  const crc = median(() => crc32(bytes));
  const state = (JSON.parse(bytes.toString("utf8")) as { state: ProjectState }).state;
  const integrity = median(() => checkIntegrity(state));
  return `${ms(parse)} | ${ms(crc)} | ${ms(integrity)} | ${((crc + integrity) / parse).toFixed(2)}× |`;
}

export async function benchStorage(): Promise<string> {
  const rows: string[] = [];
  const checks: string[] = [];
  const root = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-storage-"));
  try {
    for (const size of SIZES) {
      const fixture = buildProject(size);
      const naiveState = structuredClone(fixture.state);
      const dir = path.join(root, `p${size}`);
      await (await createProjectWithState(dir, fixture.state)).close();
      const snapshotBytes = (await stat(path.join(dir, "project.json"))).size;
      checks.push(`| ${size.toLocaleString("en")} | ${await openChecks(path.join(dir, "project.json"))}`);

      const opens: number[] = [];
      for (let i = 0; i < OPEN_RUNS; i++) {
        let store: Awaited<ReturnType<typeof openProject>> | undefined;
        opens.push(await time(async () => (store = await openProject(dir))));
        await store!.close();
      }
      opens.sort((a, b) => a - b);

      const store = await openProject(dir);
      const all = await samples(STORE_SAMPLES, () => store.apply(addCodingOp(fixture)));
      await store.close();
      const steady = sorted(all.slice(0, STEADY_SAMPLES));
      const compacting = sorted(all.slice(STEADY_SAMPLES));

      const naive = await naiveLowdbStore(path.join(root, `naive${size}.json`), naiveState);
      const naiveFixture = { ...fixture, state: naiveState };
      const baseline = sorted(await samples(NAIVE_SAMPLES[size]!, () => naive.apply(addCodingOp(naiveFixture))));

      rows.push(
        `| ${size.toLocaleString("en")} | ${ms(quantile(steady, 0.5))} | ${ms(quantile(steady, 0.95))} | ${ms(quantile(steady, 0.99))} | ` +
          `${ms(quantile(compacting, 0.5))} | ${ms(quantile(compacting, 0.95))} | ${ms(compacting[compacting.length - 1]!)} | ` +
          `${ms(quantile(baseline, 0.5))} | ${ms(quantile(baseline, 0.95))} | ${(quantile(baseline, 0.95) / quantile(steady, 0.95)).toFixed(0)}× | ` +
          `${ms(quantile(opens, 0.5))} | ${(snapshotBytes / 1e6).toFixed(1)} MB |`,
      );
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const table = [
    `Durable addCoding through DiskProjectStore.apply, back to back: ${STEADY_SAMPLES} in steady state, then the ${STORE_SAMPLES - STEADY_SAMPLES} during the background compaction the 2000th triggers; ` +
      `vs a naive lowdb store (JSONFile + db.write() per op, not even fsynced; ${Object.values(NAIVE_SAMPLES).join("/")} samples). Times in ms; budget p95 ≤ 5 ms.`,
    "",
    "| codings | store p50 | store p95 | store p99 | compacting p50 | compacting p95 | compacting max | lowdb p50 | lowdb p95 | lowdb/store p95 | open (median of 3) | project.json |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "What open checks besides parsing project.json (median of 3, ms): the CRC-32 of its bytes and the integrity pass over references and ranges.",
    "",
    "| codings | JSON.parse | CRC-32 | integrity | (CRC + integrity) ÷ parse |",
    "|---:|---:|---:|---:|---:|",
    ...checks,
  ].join("\n");
  return table;
}
