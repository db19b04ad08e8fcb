/**
 * Import benchmark: files of many short lines (the hostile case: 10 MiB of two-byte lines once
 * took 2.0 GB, 49 MiB over 90 s and 4.2 GB) and of ordinary prose, each imported in a fresh
 * process the way the app does (read, parsed on the import worker, written to a project). Reports
 * the outcome, the time and the peak resident memory above the process's own before importing,
 * as a ratio to the file's size. And a flat REFI-QDA codebook of 10k and 100k codes through
 * parseCodebook and importCodebookOps (once quadratic: 10k took 40 s), with the 100k ÷ 10k ratio,
 * which is 10 for linear work.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ProjectImporter } from "../../electron/import/batch.js";
import { parseCodebook } from "../../electron/import/codebook.js";
import { readImportFile } from "../../electron/import/index.js";
import { createProject } from "../../electron/store/index.js";
import { emptyProject, importCodebookOps, newProjectId, translate } from "../../shared/index.js";

const MIB = 2 ** 20;
const WORDS = "kerja sama kota kembar padang vũng tàu ekonomi “investasi” pelabuhan budaya, anggaran pandemi birokrasi delegasi wali kota".split(" ");

/** Prose: paragraphs of 60–100 words, one per line, as a transcript or a thesis chapter saved as text. */
function prose(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
  while (size < bytes) {
    const n = 60 + (next() % 40);
    const line = Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(" ") + ".\n";
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return parts.join("");
}

const ROWS: { label: string; bytes: number; make: (bytes: number) => string }[] = [
  { label: "10 MiB of two-byte lines", bytes: 10 * MIB, make: (b) => "a\n".repeat(b / 2) },
  { label: "49 MiB of two-byte lines", bytes: 49 * MIB, make: (b) => "a\n".repeat(b / 2) },
  { label: "1,000,000 two-byte lines (the most accepted)", bytes: 2_000_000, make: (b) => "a\n".repeat(b / 2) },
  { label: "10 MiB of prose", bytes: 10 * MIB, make: prose },
  { label: "49 MiB of prose", bytes: 49 * MIB, make: prose },
];

const mb = (bytes: number) => `${(bytes / MIB).toFixed(1)} MB`;

export async function benchImport(script: string): Promise<string> {
  const lines = [
    "Each file imported in a fresh process through ProjectImporter on the import worker (as the app, `tandai serve` and `tandai import` do). Baseline: the process's RSS with the file generated, before importing; the ratio is (peak − baseline) ÷ file size.",
    "",
    "| file | outcome | time | baseline RSS | peak RSS | (peak − baseline) ÷ size |",
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const [index, row] of ROWS.entries()) {
    const out = execFileSync(process.execPath, [script, "import-row", String(index)], { encoding: "utf8", maxBuffer: 1 << 20 });
    const { ms, before, peak, outcome } = JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number; before: number; peak: number; outcome: string };
    lines.push(`| ${row.label} | ${outcome} | ${(ms / 1000).toFixed(2)} s | ${mb(before)} | ${mb(peak)} | ${((peak - before) / row.bytes).toFixed(1)}× |`);
  }
  lines.push("", "| flat codebook | parse + operations | ratio to 10k |", "|---|---:|---:|");
  const times = [10_000, 100_000].map((count) => ({ count, ms: codebookMs(count) }));
  for (const { count, ms } of times) lines.push(`| ${count.toLocaleString("en")} codes | ${(ms / 1000).toFixed(2)} s | ${(ms / times[0]!.ms).toFixed(1)}× |`);
  return lines.join("\n");
}

/** One import of ROWS, measured; prints its figures as JSON for benchImport. */
export async function benchImportRow(index: number, worker: URL): Promise<void> {
  const row = ROWS[index]!;
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-bench-import-"));
  try {
    const file = path.join(dir, "berkas.txt");
    await writeFile(file, row.make(row.bytes));
    const store = await createProject(path.join(dir, "proyek"), "Bench");
    const importer = new ProjectImporter(worker);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const start = performance.now();
    const { outcomes } = await importer.importFiles(store, [await readImportFile(file)]);
    const ms = performance.now() - start;
    const peak = process.resourceUsage().maxRSS * 1024;
    const result = outcomes[0]!;
    const outcome = result.ok ? "imported" : translate("en", result.error.code, result.error.params).replace(/^“[^”]*” /, "").split(/[:(]/)[0]!.trim();
    await store.close();
    console.log(JSON.stringify({ ms, before, peak, outcome }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function codebookMs(count: number): number {
  const xml = `<CodeBook><Codes>${Array.from({ length: count }, (_, i) => `<Code name="Kode ${i}"/>`).join("")}</Codes></CodeBook>`;
  const data = new TextEncoder().encode(xml);
  const state = emptyProject(newProjectId(), "Bench", "2026-01-01T00:00:00.000Z");
  const start = performance.now();
  const { ops } = importCodebookOps(state, parseCodebook("datar.qdc", data), "2026-01-01T00:00:00.000Z");
  const ms = performance.now() - start;
  if (ops.length !== count) throw new Error(`expected ${count} operations, got ${ops.length}`);
  return ms;
}
