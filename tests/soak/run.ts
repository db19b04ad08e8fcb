/**
 * `npm run soak [-- --quick] [--seed N] [--budget-scale X]`: the soak and fuzz harness (not part of
 * `npm test`).
 *
 * 1. Kills: at least 1,000 random SIGKILLs (120 with --quick) of real writers — `tandai code`,
 *    `import`, `export` and `tandai serve` driven over HTTP — on projects in a temp folder, each
 *    followed by a reopen that must find every acknowledged coding and document.
 * 2. Fuzz: a generated corpus of malformed and hostile files (≥ 200; about 110 with --quick, whose
 *    bombs are a quarter the size)
 *    imported through the CLI one process each, with a time limit: each must be imported or
 *    refused with a message naming it, never crash or hang.
 *
 * Everything runs locally (the server listens on 127.0.0.1) in a temp folder, removed at the end.
 * Prints the figures as Markdown for docs/RELIABILITY.md; exits 1 if anything acknowledged was
 * lost, a project could not be reopened, an export was torn, or an import crashed or hung.
 */
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openProject } from "../../electron/store/index.js";
import { seededRandom } from "../../shared/random.js";
import { writeCorpus } from "./corpus.js";
import { BATCH, fuzzImports, leaks, type FuzzOutcome, type Verdict } from "./fuzz.js";
import { emptyStats, importables, KillSoak, type Lane } from "./kills.js";
import { jsonLines, tandai } from "./processes.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const seedArg = args.indexOf("--seed");
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : Date.now() % 1_000_000;
const KILLS = quick ? 120 : 1000;
/** Time budgets, so the run stays bounded on a loaded machine (the figures say if a budget cut it short). */
const scaleArg = args.indexOf("--budget-scale");
/** `--budget-scale 2` doubles the time budgets, for a machine too loaded to reach 1,000 kills in 15 minutes. */
const scale = scaleArg >= 0 ? Number(args[scaleArg + 1]) : 1;
const KILL_BUDGET_MS = (quick ? 45 : 630) * 1000 * scale;
const FUZZ_BUDGET_MS = (quick ? 40 : 200) * 1000 * scale;
const IMPORT_LIMIT_MS = (quick ? 20 : 30) * 1000;
/** Projects killed in parallel (writers wait on fdatasync and node's start, so a third lane overlaps them). */
const LANES = 3;

const repo = resolve(fileURLToPath(import.meta.url), "..", "..", "..");
const random = seededRandom(seed);
const work = await mkdtemp(join(os.tmpdir(), "tandai-soak-"));
const env = { TANDAI_HOME: join(work, "home"), TANDAI_PROJECTS: join(work, "projects"), LANG: "en_US.UTF-8", SOAK_CWD: work };
const began = Date.now();
console.error(`soak: seed ${seed}, ${quick ? "quick" : "full"} run in ${work}`);

let failed = true;
try {
  async function cli(argv: string[]): Promise<Record<string, unknown>> {
    const run = await tandai(repo, [...argv, "--json"], env, 60_000).done;
    const printed = jsonLines(run.stdout).at(-1);
    if (run.code !== 0 || !printed?.ok) throw new Error(`tandai ${argv.join(" ")} failed: ${run.stderr || run.stdout}`);
    return printed;
  }

  let laneCount = 0;
  /** A fresh project with the transcript imported and one coding (which creates the code the server codes with). */
  async function newLane(corpusDir: string): Promise<Lane> {
    const base = join(work, `lane-${laneCount++}`);
    await mkdir(base, { recursive: true });
    const dir = join(base, "project");
    await cli(["new", dir]);
    await copyFile(join(corpusDir, "valid.txt"), join(base, "wawancara.txt"));
    const imported = await cli(["import", dir, join(base, "wawancara.txt")]);
    const documentId = (imported.outcomes as { documentId: string }[])[0]!.documentId;
    const coded = await cli(["code", dir, "--doc", "wawancara", "--quote", "kerja sama", "--code", "Soak/K0"]);
    const store = await openProject(dir);
    const textLength = store.state.documents[documentId as never]!.length;
    await store.close();
    return { dir, documentId, codeId: String(coded.codeId), textLength, importable: await importables(corpusDir, join(base, "files")), codings: new Set([String(coded.codingId)]), documents: new Set([documentId]), missing: new Set() };
  }

  // The corpus first: the kill lanes import its valid files too.
  const corpusDir = join(work, "corpus");
  await mkdir(corpusDir);
  const corpus = await writeCorpus(corpusDir, random, quick ? 5 : 20, quick ? 0.25 : 1);
  console.error(`soak: corpus of ${corpus.length} files written (${Math.round((Date.now() - began) / 1000)} s)`);

  // 1. Kills.
  const stats = emptyStats();
  const soak = new KillSoak(repo, env, random, stats);
  const killDeadline = Date.now() + KILL_BUDGET_MS;
  const enough = () => stats.kills >= KILLS || Date.now() > killDeadline;
  const progress = setInterval(() => console.error(`soak: ${stats.kills} kills, ${stats.lost.length} lost, ${stats.reopenFailures.length} reopen failures`), 15_000);
  await Promise.all(Array.from({ length: LANES }, async () => soak.run(await newLane(corpusDir), enough, () => newLane(corpusDir))));
  clearInterval(progress);
  const killSeconds = Math.round((Date.now() - (killDeadline - KILL_BUDGET_MS)) / 1000);

  // 2. Fuzz.
  const fuzzProjects = [join(work, "fuzz-a"), join(work, "fuzz-b"), join(work, "fuzz-c")];
  for (const dir of fuzzProjects) await cli(["new", dir]);
  const fuzzStart = Date.now();
  const outcomes = await fuzzImports(repo, env, fuzzProjects, corpus, IMPORT_LIMIT_MS, fuzzStart + FUZZ_BUDGET_MS);
  const fuzzSeconds = Math.round((Date.now() - fuzzStart) / 1000);
  const leaked = await leaks(fuzzProjects);

  // The report.
  const count = (verdict: Verdict, of = outcomes) => of.filter((o) => o.verdict === verdict).length;
  const refused = outcomes.filter((o) => o.verdict === "refusedNamed" || o.verdict === "refusedUnnamed");
  const lines: string[] = [];
  const say = (line = "") => lines.push(line);
  say(`### Soak ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC (${quick ? "--quick" : "full run"}, seed ${seed}${scale !== 1 ? `, budgets × ${scale}` : ""})`);
  say();
  say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}; ${Math.round((Date.now() - began) / 1000)} s in all.`);
  say();
  say("| Kills | |");
  say("|---|---|");
  say(`| SIGKILLs of writers | ${stats.kills}${stats.kills < KILLS ? ` (time budget of ${KILL_BUDGET_MS / 1000} s reached before ${KILLS})` : ""} in ${killSeconds} s |`);
  say(`| … by victim | ${Object.entries(stats.byVictim).map(([k, v]) => `${k} ${v}`).join(", ")} |`);
  say(`| Acknowledged codings / documents | ${stats.acknowledgedCodings} / ${stats.acknowledgedDocuments} (${stats.httpApplied} codings over HTTP) |`);
  say(`| Serve sessions past a compaction (${2000} ops) | ${stats.compactions} |`);
  say(`| **Lost** (acknowledged, missing after reopen) | **${stats.lost.length}** |`);
  say(`| Reopen failures | ${stats.reopenFailures.length} |`);
  say(`| Torn exports (a file present but incomplete) | ${stats.tornExports.length} |`);
  say(`| Victims that hung | ${stats.hangs.length} |`);
  say();
  say("| Fuzz | |");
  say("|---|---|");
  say(`| Files imported through the CLI | ${outcomes.length} of ${corpus.length}${outcomes.length < corpus.length ? ` (time budget of ${FUZZ_BUDGET_MS / 1000} s reached)` : ""} in ${fuzzSeconds} s, limit ${IMPORT_LIMIT_MS / 1000} s a file (hostile files one to a process; the cheap kinds ${BATCH} to a process, whose peak RSS they share) |`);
  say(`| Imported | ${count("imported")} |`);
  say(`| Refusals naming their file | ${count("refusedNamed")} of ${refused.length} |`);
  say(`| **Crashed** / **hung** | **${count("crashed")}** / **${count("hung")}** |`);
  say(`| XXE resolved into a document / zip slip wrote outside | ${leaked.xxe} / ${leaked.zipSlip ? "yes" : "no"} |`);
  say();
  say("| Class | Files | Imported | Refused (named) | Crashed | Hung | Peak RSS (MiB) | Slowest (s) |");
  say("|---|---|---|---|---|---|---|---|");
  const classes = [...new Set(outcomes.map((o) => `${o.file.ext} ${o.file.kind}`))].sort();
  for (const cls of classes) {
    const of = outcomes.filter((o) => `${o.file.ext} ${o.file.kind}` === cls);
    const named = count("refusedNamed", of);
    const unnamed = count("refusedUnnamed", of);
    say(`| ${cls} | ${of.length} | ${count("imported", of)} | ${named}${unnamed ? ` (+${unnamed} unnamed)` : ""} | ${count("crashed", of)} | ${count("hung", of)} | ${Math.max(...of.map((o) => o.peakMiB))} | ${(Math.max(...of.map((o) => o.ms)) / 1000).toFixed(1)} |`);
  }
  const detail = (title: string, items: string[]) => {
    if (!items.length) return;
    say();
    say(`${title}:`);
    for (const item of items.slice(0, 15)) say(`- ${item.replace(/\s+/g, " ").slice(0, 300)}`);
    if (items.length > 15) say(`- … and ${items.length - 15} more`);
  };
  const describe = (o: FuzzOutcome) => `${o.file.name} (${(o.ms / 1000).toFixed(1)} s, ${o.peakMiB} MiB): ${o.message}`;
  detail("Lost", stats.lost);
  detail("Reopen failures", stats.reopenFailures.concat(leaked.reopenErrors));
  detail("Torn exports", stats.tornExports);
  detail("Hung victims", stats.hangs);
  detail("Crashed imports", outcomes.filter((o) => o.verdict === "crashed").map(describe));
  detail("Hung imports", outcomes.filter((o) => o.verdict === "hung").map(describe));
  detail("Refusals not naming their file", outcomes.filter((o) => o.verdict === "refusedUnnamed").map(describe));
  console.log(lines.join("\n"));

  const failures = [
    stats.lost.length && `${stats.lost.length} lost`,
    stats.reopenFailures.length + leaked.reopenErrors.length && `${stats.reopenFailures.length + leaked.reopenErrors.length} reopen failures`,
    stats.tornExports.length && `${stats.tornExports.length} torn exports`,
    stats.hangs.length && `${stats.hangs.length} hung victims`,
    count("crashed") && `${count("crashed")} crashed imports`,
    count("hung") && `${count("hung")} hung imports`,
    leaked.xxe && "XXE resolved",
    leaked.zipSlip && "zip slip",
  ].filter(Boolean);
  console.log(`\nRESULT: ${failures.length ? `FAIL (${failures.join(", ")})` : "PASS"}`);
  failed = failures.length > 0;
} finally {
  await rm(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
