/**
 * REFI-QDA benchmark: a project of 300 text sources and 100k codings exported as .qdpx and that
 * file imported into a new project, each in a fresh process (so its peak resident memory is its
 * own), the .qdpx read on the import worker as the app reads it. The baseline, measured in the same process just before, is opening the project (reading
 * and checking its state): the ratios say how many project-opens an export or import costs.
 * Targets (issue 11): each ≤ 10 s and ≤ 1 GB peak.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { writeQdpx } from "../../electron/export/qdpx/write.js";
import { ProjectImporter } from "../../electron/import/batch.js";
import { createProject, createProjectWithState, openProject } from "../../electron/store/index.js";
import { emptyProject, linesToBlocks, newProjectId, offset, planRefiImport, type CodeId, type CodingId, type DocumentId, type ProjectState } from "../../shared/index.js";

const SOURCES = 300;
const CODINGS = 100_000;
const CODES = 200;
const WORDS = "kerja sama kota kembar padang vũng tàu ekonomi “investasi” pelabuhan budaya 🤝 anggaran pandemi birokrasi delegasi wali kota".split(" ");

/** The project: 300 interviews of 200 lines (some 25 KB each, emoji included), 200 codes in two levels, codings spread evenly. */
export async function makeProject(dir: string): Promise<void> {
  const now = new Date().toISOString();
  const state: ProjectState = emptyProject(newProjectId(), "Bench", now);
  let x = 7;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  for (let c = 0; c < CODES; c++) {
    const id = `code${c}xx` as CodeId;
    state.codes[id] = { id, name: `Kode ${c}`, color: "#0072b2", parentId: c >= 20 ? (`code${c % 20}xx` as CodeId) : null, order: c, description: { definition: `Definisi ${c}`, whenToUse: "", whenNotToUse: "" }, createdAt: now };
  }
  const texts: string[] = [];
  for (let d = 0; d < SOURCES; d++) {
    const lines = Array.from({ length: 200 }, () => Array.from({ length: 18 }, () => WORDS[next() % WORDS.length]).join(" "));
    const text = lines.join("\r\n");
    texts.push(text);
    const id = `doc${d}xxxx` as DocumentId;
    state.documents[id] = { id, title: `Wawancara ${d}`, kind: "txt", sourceName: `w${d}.txt`, importedAt: now, length: text.length, blockCount: 200, pageCount: null };
  }
  for (let k = 0; k < CODINGS; k++) {
    const d = k % SOURCES;
    const text = texts[d]!;
    const start = next() % (text.length - 200);
    const id = `cod${k}xxxx` as CodingId;
    state.codings[id] = { id, documentId: `doc${d}xxxx` as DocumentId, codeId: `code${k % CODES}xx` as CodeId, start: offset(start), end: offset(start + 20 + (next() % 150)), coder: "ayu", stance: "supports", createdAt: now };
  }
  // Ranges must not split an emoji: move an edge inside a surrogate pair one forward.
  for (const c of Object.values(state.codings)) {
    const text = texts[Number(c.documentId.slice(3, -4))]!;
    const fix = (i: number) => (text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff ? i + 1 : i);
    c.start = offset(fix(c.start));
    c.end = offset(fix(c.end));
  }
  const store = await createProjectWithState(dir, state);
  for (let d = 0; d < SOURCES; d++) await store.writeDocumentContent(`doc${d}xxxx` as DocumentId, { text: texts[d]!, blocks: linesToBlocks(texts[d]!) });
  await store.close();
}

/** One step in this process: the baseline (opening the project), then the export or the import. */
export type RefiStep = "export" | "import" | "import-here";

export async function benchRefiRow(step: RefiStep, dir: string, file: string): Promise<void> {
  let t = performance.now();
  const opened = await openProject(dir);
  const baseline = performance.now() - t;
  await opened.close();
  const before = process.memoryUsage().rss;
  const phases: Record<string, number> = {};
  const cpuBefore = process.cpuUsage();
  t = performance.now();
  if (step === "export") {
    const store = await openProject(dir);
    await writeQdpx(store, file, "Tandai bench");
    await store.close();
  } else {
    const store = await createProject(path.join(path.dirname(file), `imported-${step}`), "Imported");
    const data = await readFile(file);
    let p = performance.now();
    // On the import worker, as the app, `tandai serve` and `tandai import` read it (the project then comes back to this thread).
    // "import-here" reads in this thread instead, to show what the worker's isolation costs.
    const importer = new ProjectImporter(step === "import" ? new URL("../electron/importWorker.mjs", import.meta.url) : undefined);
    const project = await importer.readRefi("bench.qdpx", data);
    phases.read = performance.now() - p;
    p = performance.now();
    const plan = planRefiImport(store.state, project, "bench.qdpx", new Date().toISOString());
    phases.plan = performance.now() - p;
    p = performance.now();
    // As importRefiFile does: the texts, then the one batch.
    for (const { id, content } of plan.contents) await store.writeDocumentContent(id, content);
    await store.apply({ type: "batch", ops: plan.ops });
    phases.apply = performance.now() - p;
    if (plan.preview.add.codings !== CODINGS) throw new Error(`imported ${plan.preview.add.codings} codings, not ${CODINGS}`);
    await store.close();
  }
  const ms = performance.now() - t;
  // CPU time (this process's threads, user + system) moves far less than wall time when other work shares the cores.
  const cpu = process.cpuUsage(cpuBefore);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, baseline, before, peak: process.resourceUsage().maxRSS * 1024, phases }));
}

export async function benchRefi(script: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-refi-"));
  try {
    const dir = path.join(root, "project");
    await makeProject(dir);
    const file = path.join(root, "bench.qdpx");
    const lines = [
      `${SOURCES} text sources (some 25 KB each, CRLF, emoji), ${CODES} codes, ${CODINGS.toLocaleString("en")} codings; each step in a fresh process. Baseline: opening the same project in that process just before.`,
      "",
      "| step | time | CPU time | baseline (open) | time ÷ baseline | peak RSS | target |",
      "|---|---:|---:|---:|---:|---:|---|",
    ];
    for (const step of ["export", "import", "import-here"] as const) {
      const out = execFileSync(process.execPath, [script, "refi-row", step, dir, file], { encoding: "utf8", maxBuffer: 1 << 20 });
      const { ms, cpuMs, baseline, peak, phases } = JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number; cpuMs: number; baseline: number; peak: number; phases: Record<string, number> };
      const parts = Object.entries(phases).map(([name, v]) => `${name} ${(v / 1000).toFixed(2)} s`).join(", ");
      const label = { export: "export", import: "import, read on the import worker", "import-here": "import, read in the same thread (comparison)" }[step];
      lines.push(`| ${label}${parts ? ` (${parts})` : ""} | ${(ms / 1000).toFixed(2)} s | ${(cpuMs / 1000).toFixed(2)} s | ${(baseline / 1000).toFixed(2)} s | ${(ms / baseline).toFixed(1)}× | ${(peak / 2 ** 20).toFixed(0)} MB | ≤ 10 s, ≤ 1 GB |`);
    }
    return lines.join("\n");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
