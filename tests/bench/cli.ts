/**
 * CLI start-up: one `tandai` call (a fresh Node process, as a script makes it) beside a bare
 * `node -e 0` measured alternately in the same run, so the ratio survives a loaded machine.
 * Budget: ≤ 2× bare node. The first call of each command fills V8's compile cache (and the CLI's own
 * code cache of that command, electron/cli/codeCache.ts) and is not counted; one row runs with both
 * caches off, as a call does where the temp folder cannot be written.
 * Beside the wall-clock medians, the CPU time per call (user + system, from the shell's `times` over
 * RUNS calls in a row), which other work on the machine disturbs far less than the wall clock.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = 15;
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The fastest run: on a machine others load, the one least disturbed (the median is the headline). */
const fastest = (values: number[]) => Math.min(...values);

/** "0m0.812s" (bash) or "0m0.812000s" (dash) → seconds. */
const shellSeconds = (text: string) => {
  const match = /(\d+)m([\d.,]+)s/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]!.replace(",", ".")) : Number.NaN;
};

/** CPU milliseconds per call: the children's user + system time a POSIX shell reports after RUNS calls (NaN without sh). */
function cpuPerCall(args: string[], env: NodeJS.ProcessEnv): number {
  const command = [process.execPath, ...args].map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(" ");
  try {
    const out = execFileSync("sh", ["-c", `i=0; while [ $i -lt ${RUNS} ]; do ${command} >/dev/null 2>&1; i=$((i + 1)); done; times`], { cwd: root, env, encoding: "utf8" });
    const children = out.trim().split("\n").at(-1)!.trim().split(/\s+/);
    return ((shellSeconds(children[0]!) + shellSeconds(children[1]!)) * 1000) / RUNS;
  } catch {
    return Number.NaN;
  }
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd: root, env, stdio: "ignore" });
  return performance.now() - start;
}

export function benchCli(): string {
  const work = mkdtempSync(path.join(tmpdir(), "tandai-bench-cli-"));
  try {
    const env = { ...process.env, TANDAI_HOME: path.join(work, "home"), LANG: "en_US.UTF-8", LC_ALL: "" };
    const project = path.join(work, "project");
    const text = path.join(work, "wawancara.txt");
    writeFileSync(text, "Indonesia memandang ASEAN sebagai pilar utama politik luar negeri yang bebas dan aktif.\n".repeat(200));
    const tandai = (...args: string[]) => ["bin/tandai.js", ...args];
    execFileSync(process.execPath, tandai("new", project, "--name", "Bench"), { cwd: root, env, stdio: "ignore" });
    execFileSync(process.execPath, tandai("import", project, text), { cwd: root, env, stdio: "ignore" });
    const commands: [string, string[], NodeJS.ProcessEnv?][] = [
      ["`tandai --version`", tandai("--version")],
      ["`tandai info`", tandai("info", project)],
      ["`tandai code` (one coding, durable)", tandai("code", project, "--doc", "wawancara", "--quote", "ASEAN", "--code", "Regionalisme")],
      // The code calls left their lines in the journal (a short one is not folded): info replays them.
      ["`tandai info` (the code calls' 31 lines in the journal)", tandai("info", project)],
      // Two more that neither import nor export: a listing, and a search (which indexes the document).
      ["`tandai doc list`", tandai("doc", "list", project)],
      ["`tandai search` (200 hits)", tandai("search", project, "ASEAN")],
      ["`tandai info`, no code caches (NODE_DISABLE_COMPILE_CACHE)", tandai("info", project), { ...env, NODE_DISABLE_COMPILE_CACHE: "1" }],
    ];
    const rows = [
      "| command | bare `node -e 0` (median) | command (median) | ratio (budget ≤ 2×) | ratio of the fastest runs | CPU per call: bare / command | CPU ratio |",
      "|---|---:|---:|---:|---:|---:|---:|",
    ];
    for (const [name, args, commandEnv = env] of commands) {
      timed(args, commandEnv); // fills the compile cache
      const bare: number[] = [];
      const command: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bare.push(timed(["-e", "0"], env));
        command.push(timed(args, commandEnv));
      }
      const b = median(bare);
      const c = median(command);
      const cpuBare = cpuPerCall(["-e", "0"], env);
      const cpuCommand = cpuPerCall(args, commandEnv);
      rows.push(
        `| ${name} | ${b.toFixed(0)} ms | ${c.toFixed(0)} ms | ${(c / b).toFixed(2)}× | ${(fastest(command) / fastest(bare)).toFixed(2)}× | ${Number.isNaN(cpuCommand) ? "— (no sh)" : `${cpuBare.toFixed(1)} / ${cpuCommand.toFixed(1)} ms`} | ${Number.isNaN(cpuCommand) ? "—" : `${(cpuCommand / cpuBare).toFixed(2)}×`} |`,
      );
    }
    return rows.join("\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
