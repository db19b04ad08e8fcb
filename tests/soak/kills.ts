/**
 * The kill half of the soak: writers (the CLI's `code`, `import`, `export`, and `tandai serve`
 * driven over HTTP with its token) are SIGKILLed at random moments; after each, the project is
 * reopened and every acknowledged coding and document must be there. Acknowledged means the CLI
 * printed its success line (it prints only after the change is fdatasynced), or an HTTP `apply` or
 * `importFiles` answered ok.
 */
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { openProject } from "../../electron/store/index.js";
import { encodeWire } from "../../shared/index.js";
import { jsonLines, tandai, type Finished, type Running } from "./processes.js";

export interface Lane {
  dir: string;
  documentId: string;
  codeId: string;
  textLength: number;
  /** Files to import during the soak (a .txt, a .docx and a .pdf). */
  importable: string[];
  codings: Set<string>;
  documents: Set<string>;
  /** Acknowledged ids found missing (each reported once). */
  missing: Set<string>;
}

export interface KillStats {
  kills: number;
  byVictim: Record<string, number>;
  acknowledgedCodings: number;
  acknowledgedDocuments: number;
  lost: string[];
  reopenFailures: string[];
  tornExports: string[];
  /** Victims that neither finished nor were killed within their time limit. */
  hangs: string[];
  /** Serve sessions that lived past a compaction (2000 operations). */
  compactions: number;
  httpApplied: number;
}

export const emptyStats = (): KillStats => ({ kills: 0, byVictim: {}, acknowledgedCodings: 0, acknowledgedDocuments: 0, lost: [], reopenFailures: [], tornExports: [], hangs: [], compactions: 0, httpApplied: 0 });

type Random = () => number;
const CLI_LIMIT_MS = 60_000;
/** Operations between compactions in the store (electron/store/store.ts); the soak has no way to lower it in a child. */
const COMPACT_EVERY = 2000;

/** Takes what a CLI run acknowledged, whether it was killed or not. */
function acknowledge(lane: Lane, run: Finished) {
  for (const line of jsonLines(run.stdout)) {
    if (typeof line.codingId === "string") lane.codings.add(line.codingId);
    for (const outcome of (line.outcomes as { ok: boolean; documentId?: string }[] | undefined) ?? []) if (outcome.ok && outcome.documentId) lane.documents.add(outcome.documentId);
  }
}

/** A kill delay uniform over the victim's usual run time (learnt from the runs that were not killed). */
class Timing {
  private typical = new Map<string, number>();
  /** Mostly after Node's start-up (about a third of a CLI run), when the project is open and being written. */
  delay(kind: string, random: Random): number {
    return Math.floor((0.25 + random()) * (this.typical.get(kind) ?? 700));
  }
  learn(kind: string, run: Finished) {
    if (!run.killed && run.code === 0) this.typical.set(kind, 0.8 * (this.typical.get(kind) ?? run.ms) + 0.2 * run.ms);
  }
}

async function killLater(running: Running, delay: number): Promise<Finished> {
  const timer = setTimeout(() => running.kill(), delay);
  const run = await running.done;
  clearTimeout(timer);
  return run;
}

/** Checks that an export file, when present, is whole (the writers rename a complete temp file into place). */
async function checkExport(path: string, format: string): Promise<string | null> {
  const data = await readFile(path).catch(() => null);
  if (!data) return null;
  try {
    if (format === "md") return data.toString("utf8").startsWith("# ") ? null : "not a report";
    const zip = await JSZip.loadAsync(data);
    return zip.file(format === "docx" ? "word/document.xml" : "xl/workbook.xml") ? null : "incomplete package";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export class KillSoak {
  private readonly timing = new Timing();
  private exportCount = 0;
  constructor(
    private readonly root: string,
    private readonly env: Record<string, string>,
    private readonly random: Random,
    readonly stats: KillStats,
  ) {}

  private count(victim: string, runs: Finished[]) {
    for (const run of runs) {
      if (run.timedOut) this.stats.hangs.push(`${victim} ran past ${CLI_LIMIT_MS / 1000} s`);
      else if (run.killed) {
        this.stats.kills++;
        this.stats.byVictim[victim] = (this.stats.byVictim[victim] ?? 0) + 1;
      }
    }
  }

  private cli(lane: Lane, kind: string, args: string[]): Promise<Finished> {
    return killLater(tandai(this.root, args, this.env, CLI_LIMIT_MS), this.timing.delay(kind, this.random)).then((run) => {
      this.timing.learn(kind, run);
      acknowledge(lane, run);
      return run;
    });
  }

  private codeArgs(lane: Lane): string[] {
    const words = ["kerja sama", "sister city", "giliran", "Narasumber"];
    const quote = words[Math.floor(this.random() * words.length)]!;
    return ["code", lane.dir, "--doc", "wawancara", "--quote", quote, "--occurrence", String(1 + Math.floor(this.random() * 20)), "--code", `Soak/K${Math.floor(this.random() * 5)}`, "--json"];
  }

  async code(lane: Lane) {
    this.count("code", [await this.cli(lane, "code", this.codeArgs(lane))]);
  }

  /** Two writers on one project at once: one must wait or be refused, neither may lose the other's coding. */
  async codeTwice(lane: Lane) {
    this.count("code (two at once)", await Promise.all([this.cli(lane, "code", this.codeArgs(lane)), this.cli(lane, "code", this.codeArgs(lane))]));
  }

  async import(lane: Lane) {
    const source = lane.importable[Math.floor(this.random() * lane.importable.length)]!;
    this.count("import", [await this.cli(lane, `import${source.slice(source.lastIndexOf("."))}`, ["import", lane.dir, source, "--json"])]);
  }

  async export(lane: Lane) {
    const format = ["docx", "md", "xlsx"][Math.floor(this.random() * 3)]!;
    const out = join(lane.dir, "..", `soak-export-${this.exportCount++}.${format}`);
    const run = await this.cli(lane, `export.${format}`, ["export", lane.dir, "--format", format, "--out", out, "--json"]);
    this.count("export", [run]);
    const problem = await checkExport(out, format);
    if (problem) this.stats.tornExports.push(`${out}: ${problem}${run.killed ? " (killed)" : ""}`);
    if (run.code === 0 && !run.killed && problem === null && !(await readFile(out).catch(() => null))) this.stats.tornExports.push(`${out}: reported written but missing`);
  }

  /**
   * `tandai serve` on the project, driven by two request loops adding codings (and now and then an
   * import or an export), killed after a random time, or after a number of operations around the
   * store's compaction point so the kill lands in or near a background compaction.
   */
  async serve(lane: Lane) {
    const nearCompaction = this.random() < 0.15;
    const afterOps = nearCompaction ? COMPACT_EVERY - 50 + Math.floor(this.random() * 300) : Infinity;
    const running = tandai(this.root, ["serve", lane.dir, "--json"], this.env, 120_000);
    const timer = nearCompaction ? undefined : setTimeout(() => running.kill(), this.timing.delay("serve", this.random) + 300 + Math.floor(this.random() * 2500));
    let url: URL | null = null;
    running.onLine((line) => {
      const printed = jsonLines(line)[0];
      if (typeof printed?.url === "string") url = new URL(printed.url);
    });
    let applied = 0;
    let stop = false;
    const post = async (channel: string, args: unknown) => {
      const res = await fetch(new URL(`/api/${channel}`, url!), { method: "POST", headers: { "x-tandai-token": url!.searchParams.get("token")!, "content-type": "application/json" }, body: encodeWire(args) });
      return (await res.json()) as { ok: boolean; value?: unknown };
    };
    const loop = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 250 === 249) {
            const source = lane.importable[Math.floor(this.random() * lane.importable.length)]!;
            const data = new Uint8Array(await readFile(source));
            const answer = await post("importFiles", { files: [{ name: source.slice(source.lastIndexOf("/") + 1), data }] });
            const outcomes = ((answer.value as { outcomes?: { ok: boolean; documentId?: string }[] } | undefined)?.outcomes ?? []);
            if (answer.ok) for (const o of outcomes) if (o.ok && o.documentId) lane.documents.add(o.documentId);
            continue;
          }
          if (i % 400 === 399) {
            await post("exportStart", { request: { kind: "report", format: "md", language: "id" } });
            continue;
          }
          const start = Math.floor(this.random() * (lane.textLength - 20));
          const id = `s${process.pid}w${worker}x${Date.now().toString(36)}${i}`;
          const coding = { id, documentId: lane.documentId, codeId: lane.codeId, start, end: start + 1 + Math.floor(this.random() * 19), coder: "Soak", stance: "supports", createdAt: new Date().toISOString() };
          const answer = await post("apply", { op: { type: "addCoding", coding } });
          if (answer.ok) {
            lane.codings.add(id);
            this.stats.httpApplied++;
            if (++applied >= afterOps) running.kill();
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const started = Date.now();
    while (!url && running.child.exitCode === null && running.child.signalCode === null && Date.now() - started < 60_000) await new Promise((ok) => setTimeout(ok, 10));
    if (url) await Promise.all([loop(0), loop(1)]);
    stop = true;
    const run = await running.done;
    clearTimeout(timer);
    if (!url && !run.killed) this.stats.hangs.push(`serve never printed its address: ${run.stderr.slice(0, 200)}`);
    if (applied >= COMPACT_EVERY) this.stats.compactions++;
    this.count("serve", [run]);
  }

  /** Reopens the project and checks every acknowledged coding and document; false if it could not be opened. */
  async verify(lane: Lane, after: string): Promise<boolean> {
    let store;
    try {
      store = await openProject(lane.dir);
    } catch (error) {
      this.stats.reopenFailures.push(`after ${after}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    try {
      const check = (kind: string, ids: Set<string>, present: Record<string, unknown>) => {
        for (const id of ids) {
          if (present[id] || lane.missing.has(id)) continue;
          lane.missing.add(id);
          this.stats.lost.push(`${kind} ${id} (after ${after})`);
        }
      };
      check("coding", lane.codings, store.state.codings);
      check("document", lane.documents, store.state.documents);
    } finally {
      await store.close();
    }
    return true;
  }

  /** Runs random victims on the lane until `enough()`; a project that cannot be reopened is set aside for a fresh one. */
  async run(lane: Lane, enough: () => boolean, fresh: () => Promise<Lane>) {
    const victims: [number, string, (l: Lane) => Promise<void>][] = [
      [0.36, "code", (l) => this.code(l)],
      [0.12, "code (two at once)", (l) => this.codeTwice(l)],
      [0.15, "import", (l) => this.import(l)],
      [0.15, "export", (l) => this.export(l)],
      [0.22, "serve", (l) => this.serve(l)],
    ];
    while (!enough()) {
      let pick = this.random();
      const [, name, victim] = victims.find(([weight]) => (pick -= weight) < 0) ?? victims[0]!;
      await victim(lane);
      if (!(await this.verify(lane, name))) {
        this.tally(lane);
        lane = await fresh();
      }
    }
    this.tally(lane);
  }

  private tally(lane: Lane) {
    this.stats.acknowledgedCodings += lane.codings.size;
    this.stats.acknowledgedDocuments += lane.documents.size;
  }
}

/** Files a lane imports during the soak: copies of the corpus's valid .txt, .docx and .pdf. */
export async function importables(corpusDir: string, laneDir: string): Promise<string[]> {
  await mkdir(laneDir, { recursive: true });
  const out: string[] = [];
  for (const name of ["valid.txt", "valid.docx", "valid.pdf"]) {
    await copyFile(join(corpusDir, name), join(laneDir, name));
    out.push(join(laneDir, name));
  }
  return out;
}

/** Temp files a killed export or write left behind (for the report; they are not data loss). */
export async function leftovers(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.includes(".tmp")).length;
}
