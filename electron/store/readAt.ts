import { closeSync, fstat, openSync, read, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { TandaiError } from "../../shared/errors.js";
import { checkIntegrity, integrityParams } from "../../shared/model/integrity.js";
import type { ProjectState } from "../../shared/model/project.js";
import { applyOperation } from "../../shared/ops/apply.js";
import { errnoOf, errorDetail, JOURNAL_FILE, OLD_JOURNAL_FILE, SNAPSHOT_FILE } from "./files.js";
import { parseJournal, type ParsedJournal } from "./journal.js";
import { parseSnapshot } from "./snapshot.js";

/**
 * A project's files as they were at one moment (pinProject), for reading later elsewhere (an export
 * worker: descriptors are process-wide, and the structured clone of this object carries their
 * numbers). Whoever pinned them closes them, once (releasePinned).
 */
export interface PinnedProject {
  dir: string;
  /**
   * journal.jsonl's bytes, read at the pin rather than held open: closing the project truncates it
   * in place (the same file, so an open descriptor would show it emptied), where the other two are
   * only ever renamed over or deleted. Short: compaction keeps it under a few thousand lines.
   */
  journal: Uint8Array;
  /** journal.old.jsonl held open, or null when there was none. */
  oldJournal: number | null;
  /** project.json held open (its 180 MB at 1M codings are read later, off this thread), or null when there was none. */
  snapshot: number | null;
}

/**
 * Pins the project in `dir` as it is now: synchronously, in one tick, the caller having just taken
 * the store's sequence `seq` (no operation of this thread can run in between). What a background
 * compaction or a close of the same process may be doing meanwhile on the I/O threads cannot make
 * the set miss `seq`, because of the order: journal.jsonl, then journal.old.jsonl, then project.json.
 *
 * - Every project.json on disk by then was frozen at a seq ≤ `seq`: a compaction freezes the state
 *   between two operations and a close folds at the store's last seq, both on this thread, before
 *   the pin (those frozen after it write files the pin no longer looks at). So the snapshot pinned
 *   never needs undoing, and every line from it to `seq` is in the journals it was pinned with:
 * - a line ≤ `seq` missing from the journal.jsonl read had been rotated into journal.old.jsonl
 *   before that read (reading the active journal first means a rotation can only show a line twice,
 *   skipped at replay, never not at all);
 * - and journal.old.jsonl is deleted only after the project.json folding it is in place, so if it
 *   was gone when opened, the project.json opened after it already holds its lines;
 * - a close's fold writes project.json at `seq` and only then empties journal.jsonl: a journal read
 *   empty by that comes with a project.json at `seq`, opened after.
 *
 * An open descriptor keeps its file whatever is renamed over it or deleted, so a fold that ends
 * before the worker reads (the project closed after more codings) changes nothing of what it reads;
 * lines appended after `seq` are past what replay takes. The store's fs steps it relies on: rotate =
 * rename journal.jsonl → journal.old.jsonl then a new journal.jsonl; compaction = temp file renamed
 * to project.json, then journal.old.jsonl deleted; close = the same rename, then journal.jsonl
 * truncated, then journal.old.jsonl deleted (electron/store/store.ts, journal.ts).
 */
export function pinProject(dir: string): PinnedProject {
  const journal = readNow(path.join(dir, JOURNAL_FILE));
  const oldJournal = openNow(path.join(dir, OLD_JOURNAL_FILE));
  let snapshot: number | null;
  try {
    snapshot = openNow(path.join(dir, SNAPSHOT_FILE));
  } catch (error) {
    if (oldJournal !== null) closeSync(oldJournal);
    throw error;
  }
  return { dir, journal, oldJournal, snapshot };
}

/** Closes what pinProject opened; a second call does nothing (the numbers may belong to other files by then). */
export function releasePinned(pinned: PinnedProject): void {
  for (const key of ["oldJournal", "snapshot"] as const) {
    const fd = pinned[key];
    pinned[key] = null;
    // A read-only descriptor: failing to close it loses nothing, and must not fail the export.
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already gone with its process or thread */
      }
    }
  }
}

/**
 * The project in `dir` exactly as it was after its first `seq` operations, read from disk without
 * the lock and without writing anything: for a job given {dir, seq} by a process that codes on.
 * Pins the files now; an export job pins them when it starts (pinProject) and reads them later.
 */
export async function readProjectAt(dir: string, seq: number): Promise<ProjectState> {
  const pinned = pinProject(dir);
  try {
    return await readPinnedAt(pinned, seq);
  } finally {
    releasePinned(pinned);
  }
}

/**
 * The pinned files' project at exactly `seq`: project.json with journal.old.jsonl and journal.jsonl
 * replayed onto it up to `seq` and no further, through the store's own parsers (the checksums, the
 * JSON, the schema or its quick check, the integrity pass: as an open would give them, damage is
 * the store's error naming the file). Reads from the descriptors by position, so the same pin can
 * be read again; leaves them open.
 */
export async function readPinnedAt(pinned: PinnedProject, seq: number): Promise<ProjectState> {
  const { dir } = pinned;
  const active = parseJournal(Buffer.from(pinned.journal.buffer, pinned.journal.byteOffset, pinned.journal.byteLength).toString("utf8"), path.join(dir, JOURNAL_FILE), true);
  const oldFile = path.join(dir, OLD_JOURNAL_FILE);
  const old = parseJournal(pinned.oldJournal === null ? "" : (await readWhole(pinned.oldJournal, oldFile)).toString("utf8"), oldFile, false);
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  if (pinned.snapshot === null) throw new TandaiError("store.errors.notAProject", { dir });
  const snapshot = parseSnapshot(await readWhole(pinned.snapshot, snapshotFile), snapshotFile);
  // Cannot happen with files pinned at `seq` (see pinProject): only with files changed by
  // something other than the store, or a seq from before a fold. A later state is never exported.
  if (snapshot.seq > seq) throw mismatch(dir, seq, `${snapshotFile} is already at change ${snapshot.seq}`);
  // As at open, before replay (the app may still be checking this file in the background; an
  // export must not build a report from a snapshot that open would refuse).
  const issues = checkIntegrity(snapshot.state);
  if (issues.length) throw new TandaiError("store.errors.integrity", integrityParams(snapshotFile, issues));
  const { state } = snapshot;
  let at = snapshot.seq;
  for (const journal of [old, active]) {
    at = replayUpTo(state, at, seq, journal);
    if (at === seq) return state;
  }
  throw mismatch(dir, seq, `${snapshotFile} is at change ${snapshot.seq} and the journals reach only change ${at}`);
}

/** The files do not hold `seq` (see readPinnedAt): named, with what was found. */
const mismatch = (dir: string, seq: number, detail: string) => new TandaiError("exportRead.errors.mismatch", { dir, seq, detail });

/** Applies the journal's lines after `from`, up to `to` and no further; returns the seq reached. */
function replayUpTo(state: ProjectState, from: number, to: number, journal: ParsedJournal): number {
  let at = from;
  for (const { entry, line } of journal.entries) {
    if (at === to) break;
    if (entry.seq <= at) continue;
    if (entry.seq !== at + 1) throw mismatch(path.dirname(journal.file), to, `${journal.file} line ${line} is change ${entry.seq}, after change ${at}`);
    try {
      applyOperation(state, entry.op, entry.at);
    } catch (error) {
      const detail = error instanceof TandaiError ? `${error.code} ${JSON.stringify(error.params)}` : errorDetail(error);
      throw new TandaiError("store.errors.corrupt", { file: journal.file, detail: `line ${line}: ${detail}` });
    }
    at = entry.seq;
  }
  return at;
}

/** A missing file is an empty journal (there is none between compactions). */
function readNow(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return new Uint8Array(0);
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
}

function openNow(file: string): number | null {
  try {
    return openSync(file, "r");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return null;
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
}

const fstatAsync = promisify(fstat);
const readAsync = promisify(read);

/** The whole file behind `fd`, from its first byte whatever the descriptor's position. */
async function readWhole(fd: number, file: string): Promise<Buffer> {
  try {
    const { size } = await fstatAsync(fd);
    const bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await readAsync(fd, bytes, done, size - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    // Pinned files are never written again (renamed into place whole): a short read is damage.
    if (done < size) throw new Error(`${done} of ${size} bytes`);
    return bytes;
  } catch (error) {
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
}
