import { randomHex } from "./randomHex.js";
import { promises as fsp, readFileSync, unlinkSync, type BigIntStats } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { errnoOf, errorDetail, LOCK_FILE } from "./files.js";

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** The folder the lock was taken for: a lock found in a copy of the folder is not a live lock. */
  dir?: string;
  /** Tells this process's own locks apart from a lock left by an earlier process that had the same pid. */
  token?: string;
}

/** A lock file as read: its content (or why it has none) and which file it is (inode). */
type Read = { kind: "gone" } | { kind: "info"; info: LockInfo; ino: bigint; ageMs: number } | { kind: "unreadable"; ino: bigint; ageMs: number };

/** Locks held by this process (file → token), released on exit if nobody closed them (best effort: not on SIGKILL). */
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const [file, token] of held) {
      try {
        // Only our own lock: never remove one another process holds.
        if ((JSON.parse(readFileSync(file, "utf8")) as LockInfo).token === token) unlinkSync(file);
      } catch {
        // Already gone, unreadable, or the folder went away: nothing of ours to release.
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

/**
 * An empty or unparseable lock younger than this may be one an older Tandai is still writing (it
 * created the file, then wrote it); older, it is what a kill or a full disk left behind: stale.
 * This version never shows a partial lock (it links a complete file into place).
 */
const UNREADABLE_STALE_MS = 1_000;
/** How long an opener waits for a takeover by another live process, or for a young empty lock to age. */
const WAIT_MS = 3_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ProjectLock {
  private released = false;

  private constructor(
    readonly file: string,
    private readonly token: string,
    /** The lock file's identity when we last saw it ours: while it is unchanged, no need to read it. */
    private identity: { dev: bigint; ino: bigint; mtimeNs: bigint },
  ) {}

  /**
   * Takes `.tandai.lock` in `dir`. The lock is written in full to a temp file and hard-linked into
   * place, which fails if the name exists: two processes cannot both create it, and nobody ever
   * sees it half written. An existing lock is stale when its process is gone from this host, when it
   * was ours by pid but not by token (a process that reused a dead one's pid — common in containers),
   * when it names another folder of this host (the folder was copied while open), or when it is
   * empty or unparseable and older than a moment. A lock from another host is respected (a shared or
   * synced folder): we cannot tell whether it is alive, and refusing is the safe side.
   *
   * Taking over a stale lock is atomic (see takeOver): of many processes that find the same stale
   * lock, one removes it, and only while it is still that stale lock; the others then find the
   * winner's live lock and are refused.
   */
  static async acquire(dir: string): Promise<ProjectLock> {
    const file = path.join(dir, LOCK_FILE);
    const realDir = await fsp.realpath(dir).catch(() => path.resolve(dir));
    const token = randomHex(8);
    const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), dir: realDir, token };
    const temp = lockTempPath(file);
    try {
      await fsp.writeFile(temp, JSON.stringify(info), { flag: "wx" });
    } catch (error) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw new TandaiError("store.errors.lockWrite", { file, detail: errorDetail(error) });
    }
    try {
      const giveUp = Date.now() + WAIT_MS;
      for (;;) {
        try {
          await linkOrCreate(temp, file, info);
          const stat = await fsp.stat(file, { bigint: true });
          held.set(file, token);
          installExitHook();
          return new ProjectLock(file, token, identityOf(stat));
        } catch (error) {
          if (errnoOf(error) !== "EEXIST") throw new TandaiError("store.errors.lockWrite", { file, detail: errorDetail(error) });
        }
        const holder = await readLock(file);
        if (holder.kind === "gone") continue;
        if (holder.kind === "info" && !isStale(holder.info, realDir)) {
          throw new TandaiError("store.errors.locked", { dir, pid: holder.info.pid, host: holder.info.host });
        }
        const ready = holder.kind === "info" || holder.ageMs >= UNREADABLE_STALE_MS;
        if (ready && (await takeOver(file, holder))) continue;
        // A young empty lock, or another process is taking this stale lock over: wait for the outcome.
        if (Date.now() > giveUp) {
          const who = holder.kind === "info" ? holder.info : { pid: "?", host: os.hostname() };
          throw new TandaiError("store.errors.locked", { dir, pid: who.pid, host: who.host });
        }
        await sleep(10 + Math.random() * 20);
      }
    } finally {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /**
   * Throws unless `.tandai.lock` is still ours: called before each journal append and snapshot
   * write, so a process whose lock was removed or replaced (by hand, or by a takeover of an older
   * Tandai) fails the write instead of writing over another process's changes. Usually one stat (a
   * few microseconds against the fdatasync that follows); only if the file changed is it read, and a
   * lock rewritten with our own token (a sync tool putting the same file back) is still ours.
   */
  async verify(): Promise<void> {
    const lost = () => new TandaiError("store.errors.lockLost", { file: this.file });
    if (this.released) throw lost();
    let stat: BigIntStats;
    try {
      stat = await fsp.stat(this.file, { bigint: true });
    } catch {
      throw lost();
    }
    const now = identityOf(stat);
    if (now.dev === this.identity.dev && now.ino === this.identity.ino && now.mtimeNs === this.identity.mtimeNs) return;
    const holder = await readLock(this.file);
    if (holder.kind !== "info" || holder.info.token !== this.token) throw lost();
    this.identity = now;
  }

  /** Removes the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (held.get(this.file) === this.token) held.delete(this.file);
    const holder = await readLock(this.file);
    if (holder.kind === "info" && holder.info.token === this.token) await fsp.rm(this.file, { force: true });
  }
}

/** File systems without hard links (FAT and exFAT sticks): create the name exclusively and write it, as before. */
const NO_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"]);

async function linkOrCreate(temp: string, file: string, info: LockInfo): Promise<void> {
  try {
    await fsp.link(temp, file);
  } catch (error) {
    if (!NO_LINKS.has(errnoOf(error) ?? "")) throw error;
    await fsp.writeFile(file, JSON.stringify(info), { flag: "wx" });
  }
}

const identityOf = (stat: BigIntStats) => ({ dev: stat.dev, ino: stat.ino, mtimeNs: stat.mtimeNs });

/** `.tandai.lock.<pid>-<hex>.tmp`: the complete lock before it is linked into place. */
function lockTempPath(file: string): string {
  return `${file}.${process.pid}-${randomHex(4)}.tmp`;
}

/** What names a stale lock for its takeover: its token, or for a lock without one, its inode. */
function keyOf(holder: Exclude<Read, { kind: "gone" }>): string {
  return holder.kind === "info" && holder.info.token && /^[0-9a-f]+$/.test(holder.info.token) ? holder.info.token : `i${holder.ino}`;
}

/** Whether `now` is still the stale lock `was` (same token; or, for one without, the same unreadable file). */
function same(was: Exclude<Read, { kind: "gone" }>, now: Read): boolean {
  if (now.kind === "gone") return false;
  if (was.kind === "info" && was.info.token) return now.kind === "info" && now.info.token === was.info.token;
  return now.kind === was.kind && now.ino === was.ino;
}

/**
 * Removes the stale lock `stale`, atomically with respect to every other process doing the same.
 * Removing it only after checking it is still stale is not enough: between one process's check and
 * its removal, another may have removed it and made its own lock, which would then be deleted —
 * two processes writing one journal. So each stale lock has a claim, `.tandai.lock.<key>.takeover`,
 * created exclusively: only its creator may remove the lock, and only after checking, with the
 * claim held, that the lock is still the stale one (a lock of that key, once gone, never comes back:
 * tokens are unique, and our own locks are never unreadable). If the claim's creator died, the
 * next claim is named after that one, so no claim is ever removed from under a live claimant.
 * Returns true if the stale lock is gone, false if another process is taking it over.
 */
async function takeOver(file: string, stale: Exclude<Read, { kind: "gone" }>): Promise<boolean> {
  let claim = `${file}.${keyOf(stale)}`;
  for (let depth = 0; depth < 8; depth++) {
    const name = `${claim}.takeover`;
    const mine = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), token: randomHex(8) };
    try {
      await fsp.writeFile(name, JSON.stringify(mine), { flag: "wx" });
    } catch (error) {
      if (errnoOf(error) !== "EEXIST") throw new TandaiError("store.errors.lockWrite", { file: name, detail: errorDetail(error) });
      const claimant = await readLock(name);
      if (claimant.kind === "gone") return false;
      if (claimant.kind === "info" ? claimant.info.host !== os.hostname() || isAlive(claimant.info.pid) : claimant.ageMs < UNREADABLE_STALE_MS) return false;
      claim = `${claim}.${keyOf(claimant)}`;
      continue;
    }
    try {
      if (same(stale, await readLock(file))) await fsp.rm(file, { force: true });
    } finally {
      await fsp.rm(name, { force: true });
    }
    return true;
  }
  return false;
}

function isStale(holder: LockInfo, realDir: string): boolean {
  if (holder.host !== os.hostname()) return false;
  if (holder.dir && holder.dir !== realDir) return true;
  if (holder.pid === process.pid) return !holder.token || ![...held.values()].includes(holder.token);
  return !isAlive(holder.pid);
}

async function readLock(file: string): Promise<Read> {
  let text: string;
  let stat: BigIntStats;
  try {
    const handle = await fsp.open(file, "r");
    try {
      stat = await handle.stat({ bigint: true });
      text = await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return { kind: "gone" };
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
  const ageMs = Date.now() - Number(stat.mtimeMs);
  try {
    const json = JSON.parse(text) as Partial<LockInfo>;
    if (json && typeof json.pid === "number" && typeof json.host === "string") return { kind: "info", info: json as LockInfo, ino: stat.ino, ageMs };
  } catch {
    // fall through
  }
  return { kind: "unreadable", ino: stat.ino, ageMs };
}

/** Lock temp files and takeover claims, which an opener killed mid-way leaves behind. */
export const LOCK_LEFTOVER = /^\.tandai\.lock\.(?:(\d+)-[0-9a-f]{8}\.tmp|[0-9a-zi.]+\.takeover)$/;

/**
 * Removes the lock leftovers in `dir` that nobody can be using: temp files of processes that are
 * gone, and claims (a claim only matters while its stale lock exists, and the caller holds the lock).
 */
export async function removeLockLeftovers(dir: string, names: string[]): Promise<void> {
  for (const name of names) {
    const m = LOCK_LEFTOVER.exec(name);
    if (!m) continue;
    if (m[1] && isAlive(Number(m[1]))) continue;
    await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}
