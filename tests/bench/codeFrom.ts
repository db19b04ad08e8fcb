/**
 * Bulk coding: `tandai code <dir> --from codings.csv` with 100k rows (quotes found by text) into a
 * project of 50 imported documents, one fresh `tandai` process as a script runs it. Baseline in the
 * same run: `tandai info` on the same project (start, open, close). Budget: 100k rows ≤ 10 s.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../../shared/random.js";

const ROWS = 100_000;
const DOCUMENTS = 50;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WORDS = ["kerja", "sama", "ekonomi", "ASEAN", "Vietnam", "investasi", "pelabuhan", "diplomasi", "perdagangan", "kawasan", "bebas", "aktif"];

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  execFileSync(process.execPath, ["bin/tandai.js", ...args], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - start;
}

export function benchCodeFrom(): string {
  const work = mkdtempSync(path.join(tmpdir(), "tandai-bench-codefrom-"));
  try {
    const env = { ...process.env, TANDAI_HOME: path.join(work, "home"), LANG: "en_US.UTF-8", LC_ALL: "" };
    const project = path.join(work, "project");
    const random = seededRandom(13);
    const files: string[] = [];
    const texts: string[] = [];
    for (let d = 0; d < DOCUMENTS; d++) {
      const words = Array.from({ length: 10_000 }, () => WORDS[Math.floor(random() * WORDS.length)]!);
      texts.push(words.join(" "));
      files.push(path.join(work, `wawancara-${d + 1}.txt`));
      writeFileSync(files[d]!, texts[d]!);
    }
    timed(["new", project, "--name", "Bench"], env);
    timed(["import", project, ...files], env);
    const lines = ["doc,start,end,code,stance"];
    for (let i = 0; i < ROWS; i++) {
      const d = Math.floor(random() * DOCUMENTS);
      const start = Math.floor(random() * (texts[d]!.length - 300));
      lines.push(`wawancara-${d + 1},${start},${start + 20 + Math.floor(random() * 280)},Kode ${i % 40}/Sub ${i % 7},${i % 5 ? "supports" : "contradicts"}`);
    }
    const byOffsets = path.join(work, "codings.csv");
    writeFileSync(byOffsets, lines.join("\n"));
    const quoted = ["doc,quote,occurrence,code"];
    for (let i = 0; i < ROWS; i++) quoted.push(`wawancara-${(i % DOCUMENTS) + 1},${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]},1,Kutipan ${i % 20}`);
    const byQuotes = path.join(work, "quotes.csv");
    writeFileSync(byQuotes, quoted.join("\n"));
    const info = timed(["info", project], env);
    const offsets = timed(["code", project, "--from", byOffsets, "--skip-errors"], env);
    const quotes = timed(["code", project, "--from", byQuotes, "--skip-errors"], env);
    const after = timed(["info", project], env);
    return [
      "| what | time | ÷ `tandai info` on the same project | budget |",
      "|---|---:|---:|---:|",
      `| \`tandai info\` (start, open, close), 50 documents | ${info.toFixed(0)} ms | 1× | |`,
      `| \`code --from\` 100k rows by start/end (one batch) | ${offsets.toFixed(0)} ms | ${(offsets / info).toFixed(1)}× | 10,000 ms |`,
      `| \`code --from\` 100k rows by quote, onto 100k codings | ${quotes.toFixed(0)} ms | ${(quotes / info).toFixed(1)}× | 10,000 ms |`,
      `| \`tandai info\` after, 200k codings | ${after.toFixed(0)} ms | ${(after / info).toFixed(1)}× | |`,
    ].join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
