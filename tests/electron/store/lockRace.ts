/**
 * The lock race, shared by its test (lock-race.test.ts, tens of trials) and the soak script
 * (tests/soak/lockRace.ts, a thousand): a `.tandai.lock` left by a dead process, and N openers
 * started at the same instant. Every coding an opener acknowledged must be in the project after.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { createProject, openProject } from "../../../electron/store/index.js";
import { code, documentMeta } from "../../shared/fixtures.js";

export interface RaceResult {
  trials: number;
  openers: number;
  acknowledged: number;
  lost: string[];
  failed: string[];
}

/** Bundles the opener child once; returns its path and a cleanup. */
export async function bundleOpener(source = path.join(import.meta.dirname, "lock-opener.ts")): Promise<{ file: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tandai-lock-bundle-"));
  const file = path.join(dir, "lock-opener.mjs");
  await build({ entryPoints: [source], outfile: file, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "error" });
  return { file, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A pid that belonged to a process of this host and is gone: the child is reaped before we resolve. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve(child.pid!));
  });
}

interface Opener {
  ready: Promise<void>;
  go: () => void;
  done: Promise<{ acked: string[]; status: number | null; stderr: string }>;
}

/** Starts an opener; it loads, says "ready", and waits for `go` (a line on its stdin). */
function startOpener(opener: string, args: string[]): Opener {
  const child = spawn(process.execPath, [opener, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith("ready\n")) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Awaited<Opener["done"]>>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status) => {
      markReady();
      resolve({ acked: stdout.split("\n").filter((l) => l.startsWith("ack ")).map((l) => l.slice(4)), status, stderr });
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), done };
}

/**
 * `trials` times: a stale lock (of a dead pid, or empty as a kill between create and write leaves
 * it, every fourth trial), then `openers` children that all start opening at the same moment.
 */
export async function lockRace(opener: string, trials: number, openers: number, emptyLockEvery = 4): Promise<RaceResult> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tandai-lock-race-"));
  const result: RaceResult = { trials, openers, acknowledged: 0, lost: [], failed: [] };
  try {
    for (let trial = 0; trial < trials; trial++) {
      const dir = path.join(root, `t${trial}`);
      const store = await createProject(dir, "Race");
      const doc = documentMeta("Wawancara", 100);
      const c = code("Motive");
      await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
      await store.close();
      const lock = path.join(dir, ".tandai.lock");
      if (trial % emptyLockEvery === emptyLockEvery - 1) {
        await writeFile(lock, "");
        // Older than a moment: an empty lock that young may still be being written.
        const past = new Date(Date.now() - 60_000);
        await utimes(lock, past, past);
      } else {
        await writeFile(lock, JSON.stringify({ pid: await deadPid(), host: os.hostname(), startedAt: new Date().toISOString(), dir, token: "0123456789abcdef" }));
      }
      // Node takes ~100 ms to start a child on a loaded machine: all load first, then all go at once.
      const children = Array.from({ length: openers }, (_, n) => startOpener(opener, [dir, doc.id, c.id, `t${trial}o${n}`]));
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      const runs = await Promise.all(children.map((child) => child.done));
      const reopened = await openProject(dir);
      for (const run of runs) {
        if (run.status !== 0) result.failed.push(`trial ${trial}: exit ${run.status}: ${run.stderr.trim()}`);
        for (const id of run.acked) {
          result.acknowledged++;
          if (!reopened.state.codings[id as keyof typeof reopened.state.codings]) result.lost.push(`trial ${trial}: ${id}`);
        }
      }
      await reopened.close();
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return result;
}
