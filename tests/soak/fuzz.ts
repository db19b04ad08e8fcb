/**
 * Imports every file of the fuzz corpus through the real CLI, each in its own process with a time
 * limit, and classifies what happened: imported, refused with a message naming the file, refused
 * without naming it, crashed (a signal, an exit status other than 0/1, or a stack trace), or hung.
 */
import { existsSync } from "node:fs";
import { openProject } from "../../electron/store/index.js";
import type { FuzzFile } from "./corpus.js";
import { jsonLines, tandai } from "./processes.js";

export type Verdict = "imported" | "refusedNamed" | "refusedUnnamed" | "crashed" | "hung";

export interface FuzzOutcome {
  file: FuzzFile;
  verdict: Verdict;
  peakMiB: number;
  ms: number;
  /** The message shown (or the start of the crash output). */
  message: string;
}

/** A stack trace line: what an uncaught exception prints, never a translated message. */
const STACK = /\n\s+at .+[:(]/;

export function classify(file: FuzzFile, run: { code: number | null; signal: string | null; stdout: string; stderr: string; timedOut: boolean }): { verdict: Verdict; message: string } {
  if (run.timedOut) return { verdict: "hung", message: "no answer within the time limit; killed" };
  const printed = jsonLines(run.stdout).at(-1);
  const messages = [
    ...(((printed?.outcomes as { message?: string }[] | undefined) ?? []).map((o) => o.message ?? "")),
    String((printed?.error as { message?: string } | undefined)?.message ?? ""),
  ].filter(Boolean);
  const message = messages.join(" | ") || run.stderr.trim().split("\n")[0] || "";
  if (run.signal || (run.code !== 0 && run.code !== 1) || STACK.test(run.stderr)) return { verdict: "crashed", message: `${run.signal ?? run.code}: ${run.stderr.slice(0, 300)}` };
  if (run.code === 0 && printed?.ok === true) return { verdict: "imported", message };
  return { verdict: `${message}\n${run.stderr}`.includes(file.name) ? "refusedNamed" : "refusedUnnamed", message };
}

/** Files of one class imported by one process (a process costs seconds on a loaded machine). */
export const BATCH = 12;
/** Kinds cheap to read, imported in batches; bombs, deep nesting, entities, huge files get a process each. */
const BATCHED = ["truncated", "bitflip", "random", "valid", "empty", "nul", "encoding", "broken", "mislabelled"];

/**
 * Hostile files one to a process (so their time and memory are their own); the cheap kinds of the
 * same class in batches, each file still reported on its own by `tandai import`. A batch that
 * crashes or hangs is imported again one file at a time, so the blame lands on the file that earned it.
 */
function units(files: FuzzFile[]): FuzzFile[][] {
  const hostile: FuzzFile[][] = [];
  const batches: FuzzFile[][] = [];
  // `tandai codebook import` takes one file, so cheap .qdc files go one to a process, last.
  const codebooks: FuzzFile[][] = [];
  const open = new Map<string, FuzzFile[]>();
  for (const file of files) {
    if (!BATCHED.includes(file.kind)) hostile.push([file]);
    else if (file.command === "codebook") codebooks.push([file]);
    else {
      const key = `${file.ext} ${file.kind}`;
      const batch = open.get(key) ?? [];
      if (batch.length === 0) batches.push(batch);
      batch.push(file);
      open.set(key, batch.length >= BATCH ? [] : batch);
    }
  }
  // The hostile files first: a run cut short by its budget has still tried every kind of attack.
  return [...hostile, ...batches, ...codebooks];
}

export async function fuzzImports(
  root: string,
  env: Record<string, string>,
  projects: string[],
  files: FuzzFile[],
  timeoutMs: number,
  deadline: number,
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  const queue = units(files);
  // One lane per project, so imports run side by side without sharing a project.
  await Promise.all(
    projects.map(async (project) => {
      for (let unit = queue.shift(); unit && Date.now() < deadline; unit = queue.shift()) {
        const first = unit[0]!;
        const args = first.command === "codebook" ? ["codebook", "import", project, first.path, "--json"] : ["import", project, ...unit.map((f) => f.path), "--json"];
        // A batch of cheap files gets twice one file's limit; past it, its files go again one by one.
        const run = await tandai(root, args, env, unit.length === 1 ? timeoutMs : 2 * timeoutMs).done;
        if (unit.length === 1) {
          outcomes.push({ file: first, ...classify(first, run), peakMiB: run.peakMiB, ms: run.ms });
          continue;
        }
        const verdict = classify(first, run).verdict;
        if (verdict === "crashed" || verdict === "hung") {
          queue.unshift(...unit.map((f) => [f]));
          continue;
        }
        const reported = ((jsonLines(run.stdout).at(-1)?.outcomes as { file: string; ok: boolean; message?: string }[] | undefined) ?? []);
        for (const file of unit) {
          const o = reported.find((r) => r.file === file.name);
          const message = o?.message ?? "";
          outcomes.push({ file, verdict: o?.ok ? "imported" : message.includes(file.name) ? "refusedNamed" : "refusedUnnamed", message, peakMiB: run.peakMiB, ms: Math.round(run.ms / unit.length) });
        }
      }
    }),
  );
  return outcomes;
}

/** Whether any imported document holds /etc/passwd (an XXE that resolved), and whether a zip slip wrote outside. */
export async function leaks(projects: string[]): Promise<{ xxe: number; zipSlip: boolean; reopenErrors: string[] }> {
  let xxe = 0;
  const reopenErrors: string[] = [];
  for (const dir of projects) {
    try {
      const store = await openProject(dir);
      try {
        for (const id of Object.keys(store.state.documents)) {
          const content = await store.readDocumentContent(id as never);
          if (/root:.*:0:0:/.test(content.text)) xxe++;
        }
      } finally {
        await store.close();
      }
    } catch (error) {
      reopenErrors.push(`${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { xxe, zipSlip: existsSync("/tmp/tandai-soak-zip-slip.txt"), reopenErrors };
}
