import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, openProject } from "../../../electron/store/index.js";
import { memoKey, type CodingId } from "../../../shared/index.js";
import { code, documentMeta } from "../../shared/fixtures.js";
import { prng, tempDir } from "./helpers.js";

const KILLS = 24;
const SEED = Number(process.env.TANDAI_CRASH_SEED ?? 20260101);

let bundleDir: string;
let writer: string;

beforeAll(async () => {
  bundleDir = await mkdtemp(path.join(os.tmpdir(), "tandai-crash-bundle-"));
  writer = path.join(bundleDir, "crash-writer.mjs");
  await build({
    entryPoints: [path.join(import.meta.dirname, "crash-writer.ts")],
    outfile: writer,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
});

afterAll(async () => {
  await rm(bundleDir, { recursive: true, force: true });
});

interface Run {
  codings: CodingId[];
  memos: CodingId[];
  ready: boolean;
}

/**
 * Starts the writer, SIGKILLs it `delayMs` after it started (or after it reported ready), and
 * resolves with what it acknowledged once it is reaped.
 */
function killAfter(args: string[], delayMs: number, fromReady: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const run: Run = { codings: [], memos: [], ready: false };
    let timer = fromReady ? undefined : setTimeout(() => child.kill("SIGKILL"), delayMs);
    let buffered = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, id] = line.split(" ");
        if (kind === "ready") {
          run.ready = true;
          if (fromReady) timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
        }
        else if (kind === "coding") run.codings.push(id as CodingId);
        else if (kind === "memo") run.memos.push(id as CodingId);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    // "close" comes after the process was reaped and its stdout drained: its pid is gone for good.
    child.on("close", (_code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") reject(new Error(`writer exited on its own (${signal ?? _code}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe("crash safety", () => {
  it.each([
    ["one long session", "session", KILLS],
    // The CLI's way: many short opens that leave a short journal unfolded (keepShortJournal), and a
    // checker that opens the same way, so the journal carries lines from kill to kill.
    ["one-shot opens that leave a short journal", "cli", 16],
  ] as const)(`keeps every acknowledged operation across SIGKILLs of %s (seed ${SEED})`, async (_name, mode, kills) => {
    const KILLS = kills;
    const random = prng(SEED);
    const dir = await tempDir();
    const store = await createProject(dir, "Crash");
    const doc = documentMeta("Wawancara", 1000);
    const c = code("Motive");
    await store.apply({ type: "batch", ops: [{ type: "addDocument", document: doc }, { type: "addCode", code: c }] });
    await store.close();

    const acknowledged = new Set<CodingId>();
    const memos = new Set<CodingId>();
    let previous = 0;
    let killedBeforeReady = 0;
    for (let i = 0; i < KILLS; i++) {
      // A quarter of the kills count from spawn, so they land in the writer's own open (replay,
      // compaction, backup); the rest in the middle of its writing, including background compactions.
      const fromReady = random() < 0.75;
      const delay = fromReady ? 5 + Math.floor(random() * 300) : 60 + Math.floor(random() * 400);
      const compactEvery = 10 + Math.floor(random() * 60);
      const run = await killAfter([dir, doc.id, c.id, String(compactEvery), mode], delay, fromReady);
      if (!run.ready) killedBeforeReady++;
      run.codings.forEach((id) => acknowledged.add(id));
      run.memos.forEach((id) => memos.add(id));

      const reopened = await openProject(dir, { keepShortJournal: mode === "cli" });
      const state = reopened.state;
      const present = Object.keys(state.codings).length;
      for (const id of acknowledged) expect(state.codings[id], `coding ${id} after kill ${i}`).toBeDefined();
      for (const id of memos) expect(state.memos[memoKey({ kind: "coding", id })], `memo of ${id} after kill ${i}`).toBeDefined();
      // At most the one operation in flight at the kill may have landed without being acknowledged.
      expect(present - previous - run.codings.length).toBeGreaterThanOrEqual(0);
      expect(present - previous - run.codings.length).toBeLessThanOrEqual(1);
      for (const id of Object.keys(state.codings)) acknowledged.add(id as CodingId);
      previous = present;
      await reopened.close();
    }
    console.log(`crash test: ${acknowledged.size} codings, ${killedBeforeReady} kills before ready`);
    expect(acknowledged.size).toBeGreaterThan(KILLS * 10);
    expect(killedBeforeReady).toBeLessThan(KILLS);
    const leftovers = (await readdir(dir)).filter((n) => n.endsWith(".tmp") || n.includes("broken"));
    expect(leftovers.filter((n) => n.includes("broken"))).toEqual([]);
  }, 60_000);
});
