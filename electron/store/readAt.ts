import path from "node:path";
import { TandaiError } from "../../shared/errors.js";
import { checkIntegrity, integrityParams } from "../../shared/model/integrity.js";
import type { ProjectState } from "../../shared/model/project.js";
import { applyOperation } from "../../shared/ops/apply.js";
import { errorDetail, JOURNAL_FILE, OLD_JOURNAL_FILE, SNAPSHOT_FILE } from "./files.js";
import { readJournal, type ParsedJournal } from "./journal.js";
import { SnapshotFile } from "./snapshot.js";

export interface ReadAtOptions {
  /** Readings of the three files before giving up (default 5), should they not join up. */
  attempts?: number;
  /**
   * Runs after the journals have been read and before project.json is: where a fold by the process
   * that has the project open can slip in. Tests run one there; nothing else needs it.
   */
  beforeSnapshot?: () => Promise<void>;
}

const DEFAULT_ATTEMPTS = 5;
const RETRY_WAIT_MS = 25;

/** Why one reading of the files could not give the state at `seq` (another reading may). */
class NotThere extends Error {}

/**
 * The project in `dir` exactly as it was after its first `seq` operations, read from disk without
 * the lock and without writing anything: project.json with journal.old.jsonl and journal.jsonl
 * replayed onto it up to `seq` and no further. For an export job: the process that has the project open
 * hands over only {dir, seq} (every acknowledged operation is already durable, with its seq) instead
 * of a copy of a state that is 1.3 GB at a million codings, and codes on while this runs elsewhere.
 *
 * That process may compact meanwhile: rotate journal.jsonl to journal.old.jsonl, replace
 * project.json, delete journal.old.jsonl. The order of the reads (readOnce) makes every
 * interleaving with those steps join up; should files read nonetheless not join up (a gap in the
 * seqs, or the journals ending before `seq`), they are read again, a bounded number of times. A
 * project.json already past `seq` (a fold that began after the export did and ended before this
 * read, or the project closed after more changes) cannot be taken back, so that fails at once;
 * damage (a bad checksum, a line that is not an operation, a snapshot failing the integrity
 * pass) is the store's own error naming the file, as opening the project would give it.
 */
export async function readProjectAt(dir: string, seq: number, options: ReadAtOptions = {}): Promise<ProjectState> {
  const attempts = Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS);
  let why = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await readOnce(dir, seq, options);
    } catch (error) {
      if (!(error instanceof NotThere)) throw error;
      why = error.message;
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, RETRY_WAIT_MS * attempt));
    }
  }
  throw new TandaiError("exportRead.errors.notReached", { dir, seq, attempts, detail: why });
}

async function readOnce(dir: string, seq: number, options: ReadAtOptions): Promise<ProjectState> {
  // The journals first, then project.json. The journals are short (compaction keeps them under a
  // few thousand lines) and read in milliseconds; project.json is opened right after and its bytes
  // are then the file read whatever replaces it (an atomic rename leaves an open file as it was),
  // so the parse and the checks of a 180 MB snapshot leave no window for the files to move apart.
  // The active journal before the old one: a rotation between the two reads shows the same lines
  // twice (replay skips the second), never not at all; a fold after them is a newer project.json
  // that the lines already read carry on from.
  const active = await readJournal(path.join(dir, JOURNAL_FILE), true);
  const old = await readJournal(path.join(dir, OLD_JOURNAL_FILE), false);
  await options.beforeSnapshot?.();
  const snapshotFile = path.join(dir, SNAPSHOT_FILE);
  // The store's own reader: the checksum, the JSON and the schema (or its quick check) as at open.
  const snapshot = await new SnapshotFile(snapshotFile).read();
  if (!snapshot) throw new TandaiError("store.errors.notAProject", { dir });
  if (snapshot.seq > seq) throw new TandaiError("exportRead.errors.movedOn", { file: snapshotFile, seq, found: snapshot.seq });
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
  throw new NotThere(`${snapshotFile} is at change ${snapshot.seq} and the journals read reach only change ${at}`);
}

/** Applies the journal's lines after `from`, up to `to` and no further; returns the seq reached. */
function replayUpTo(state: ProjectState, from: number, to: number, journal: ParsedJournal): number {
  let at = from;
  for (const { entry, line } of journal.entries) {
    if (at === to) break;
    if (entry.seq <= at) continue;
    // Lines missing here were folded into a project.json newer than the one read: read again.
    if (entry.seq !== at + 1) throw new NotThere(`${journal.file} line ${line} is change ${entry.seq}, after change ${at}`);
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
