import { randomHex } from "./randomHex.js";
import { constants, promises as fsp } from "node:fs";
import path from "node:path";
import { TandaiError } from "../../shared/errors.js";

/** The files of a project folder. Everything a project is lives in these, so the folder can be copied. */
export const SNAPSHOT_FILE = "project.json";
export const JOURNAL_FILE = "journal.jsonl";
/** The journal being folded into the snapshot by a background compaction (see DiskProjectStore). */
export const OLD_JOURNAL_FILE = "journal.old.jsonl";
export const DOCUMENTS_DIR = "documents";
export const BACKUPS_DIR = "backups";
export const LOCK_FILE = ".tandai.lock";

/** "ENOSPC: no space left on device, write": the code once (Node's messages already begin with it). */
export const errorDetail = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (!code || error.message.startsWith(code)) return error.message || String(code);
  return error.message ? `${code}: ${error.message}` : code;
};

export const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** Wraps an fs failure while writing `file` as the user-facing error; TandaiErrors pass through. */
export function diskWriteError(file: string, error: unknown): TandaiError {
  return error instanceof TandaiError ? error : new TandaiError("store.errors.diskWrite", { file, detail: errorDetail(error) });
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a rename or a newly created file in `dir` durable. Without it a crash can forget a rename
 * that already happened (ext4, xfs). Windows cannot open a directory for fsync (and NTFS journals
 * the metadata anyway), so there it is a no-op.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const handle = await fsp.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Something that can be written to a file piece by piece (so a 30 MB snapshot never exists as one string). */
export type Chunks = string | Buffer | AsyncIterable<string>;

/**
 * While a large file is written, flush it to disk every FLUSH_EVERY bytes. On ext4 (data=ordered)
 * an fdatasync of the journal also waits for every other dirty page in the same journal commit; a
 * 20 MB snapshot left to the page cache would make the operations journaled during a compaction
 * wait for all of it. Flushing as we go bounds that wait to about one FLUSH_EVERY of writeback.
 */
const FLUSH_EVERY = 1 << 20;
const WRITE_BATCH = 256 * 1024;

/** Writes chunks to a new handle, batching small chunks and flushing as it goes. */
async function writeChunks(handle: fsp.FileHandle, data: Chunks): Promise<void> {
  if (typeof data === "string" || Buffer.isBuffer(data)) {
    await writeAll(handle, data);
    return;
  }
  let pending: string[] = [];
  let pendingLength = 0;
  let unflushed = 0;
  const flush = async () => {
    const buffer = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingLength = 0;
    await writeAll(handle, buffer);
    unflushed += buffer.length;
    if (unflushed >= FLUSH_EVERY) {
      await handle.datasync();
      unflushed = 0;
    }
  };
  for await (const chunk of data) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= WRITE_BATCH) await flush();
  }
  if (pendingLength) await flush();
}

/** A hidden temp file in `file`'s folder (so renaming it over `file` is atomic), unique per process and call. */
export function tempPathBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomHex(4)}.tmp`);
}

/**
 * Replaces `file` atomically and durably: write a temp file in the same folder, fsync it, rename it
 * over `file`, fsync the folder. A crash at any point leaves either the old or the new file, never a
 * mix; the temp file is removed on failure (a stray one left by a crash is harmless: it is never read).
 */
export async function writeFileAtomic(file: string, data: Chunks): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempPathBeside(file);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(temp, "wx");
    await writeChunks(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(temp, file);
    await fsyncDir(dir);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Writes all of `data` at the handle's position (a write may be short). */
export async function writeAll(handle: fsp.FileHandle, data: string | Buffer, position: number | null = null): Promise<void> {
  const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset, position === null ? null : position + offset);
    offset += bytesWritten;
  }
}

/** Copies `from` to `to` the same atomic way, flushing as it goes (fs.copyFile would dirty it all at once). */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const dir = path.dirname(to);
  const temp = path.join(dir, `.${path.basename(to)}.${process.pid}-${randomHex(4)}.tmp`);
  let source: fsp.FileHandle | undefined;
  let target: fsp.FileHandle | undefined;
  try {
    source = await fsp.open(from, "r");
    target = await fsp.open(temp, "wx");
    const buffer = Buffer.alloc(WRITE_BATCH);
    let unflushed = 0;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, buffer.length, null);
      if (!bytesRead) break;
      await writeAll(target, buffer.subarray(0, bytesRead));
      unflushed += bytesRead;
      if (unflushed >= FLUSH_EVERY) {
        await target.datasync();
        unflushed = 0;
      }
    }
    await target.sync();
    await target.close();
    target = undefined;
    await fsp.rename(temp, to);
    await fsyncDir(dir);
  } catch (error) {
    await target?.close().catch(() => undefined);
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    await source?.close().catch(() => undefined);
  }
}

/** A file-name-safe, sortable timestamp: 2026-01-01T10-20-30-123Z. */
export const fileStamp = (date = new Date()): string => date.toISOString().replace(/[:.]/g, "-");

/** The inverse of fileStamp. */
export function stampToIso(stamp: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : stamp;
}
