import { randomBytes } from "node:crypto";
import { promises as fsp, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { errnoOf, LOCK_FILE } from "./files.js";

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** The folder the lock was taken for: a lock found in a copy of the folder is not a live lock. */
  dir?: string;
  /** Tells this process's own locks apart from a lock left by an earlier process that had the same pid. */
  token?: string;
}

/** Locks held by this process, released on exit if nobody closed them (best effort: not on SIGKILL). */
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const file of held.keys()) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone, or the folder went away: nothing to release.
      }
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errnoOf(error) === "EPERM";
  }
}

/** A window of time in which a lock file can exist but be empty, because its owner is still writing it. */
const FRESH_MS = 10_000;

export class ProjectLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  /**
   * Takes `.tandai.lock` in `dir`, created with "wx" so that two processes cannot both create it.
   * An existing lock is stale, and taken over, when its process is gone from this host, when it was
   * ours by pid but not by token (a process that reused a dead one's pid — common in containers),
   * or when it names another folder of this host (the folder was copied while open). A lock from
   * another host is respected (a shared or synced folder): we cannot tell whether it is alive, and
   * refusing is the safe side; the message names the host so the user knows where to close it.
   * Two processes taking over the same stale lock at the same instant could both succeed; that race
   * needs two opens within a millisecond of each other after a crash, and is accepted.
   */
  static async acquire(dir: string): Promise<ProjectLock> {
    const file = path.join(dir, LOCK_FILE);
    const realDir = await fsp.realpath(dir).catch(() => path.resolve(dir));
    const token = randomBytes(8).toString("hex");
    const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), dir: realDir, token };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await fsp.open(file, "wx");
        try {
          await handle.writeFile(JSON.stringify(info));
          await handle.sync();
        } finally {
          await handle.close();
        }
        held.set(file, token);
        installExitHook();
        return new ProjectLock(file, token);
      } catch (error) {
        if (errnoOf(error) !== "EEXIST") throw error;
      }
      const holder = await readLock(file);
      if (holder === "gone") continue;
      if (holder !== "unreadable" && !isStale(holder, realDir)) {
        throw new TandaiError("store.errors.locked", { dir, pid: holder.pid, host: holder.host });
      }
      if (holder === "unreadable") {
        const age = await fsp.stat(file).then((s) => Date.now() - s.mtimeMs, () => Infinity);
        if (age < FRESH_MS) throw new TandaiError("store.errors.locked", { dir, pid: "?", host: os.hostname() });
      }
      await fsp.rm(file, { force: true });
    }
    const holder = await readLock(file);
    const who = typeof holder === "object" ? holder : { pid: "?", host: os.hostname() };
    throw new TandaiError("store.errors.locked", { dir, pid: who.pid, host: who.host });
  }

  /** Removes the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this.file);
    const holder = await readLock(this.file);
    if (typeof holder === "object" && holder.token === this.token) await fsp.rm(this.file, { force: true });
  }
}

function isStale(holder: LockInfo, realDir: string): boolean {
  if (holder.host !== os.hostname()) return false;
  if (holder.dir && holder.dir !== realDir) return true;
  if (holder.pid === process.pid) return !holder.token || ![...held.values()].includes(holder.token);
  return !isAlive(holder.pid);
}

async function readLock(file: string): Promise<LockInfo | "gone" | "unreadable"> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    return errnoOf(error) === "ENOENT" ? "gone" : "unreadable";
  }
  try {
    const json = JSON.parse(text) as Partial<LockInfo>;
    if (typeof json.pid === "number" && typeof json.host === "string") return json as LockInfo;
  } catch {
    // fall through
  }
  return "unreadable";
}
