import { promises as fsp } from "node:fs";
import path from "node:path";
import { Low } from "lowdb";
import { TandaiError } from "../../shared/errors.js";
import type { CodingCounts } from "../../shared/ipc/contract.js";
import { ID_PATTERN, type DocumentId } from "../../shared/model/ids.js";
import { checkIntegrity, integrityParams, integritySteps } from "../../shared/model/integrity.js";
import { runSteps } from "../../shared/model/steps.js";
import { isPlainDocumentContent } from "../../shared/model/quickCheck.js";
import { DocumentContent, PROJECT_FORMAT, ProjectState, type Coding } from "../../shared/model/project.js";
import { applyOperation } from "../../shared/ops/apply.js";
import { safeParseOperation, type Operation } from "../../shared/ops/operation.js";
import type { ProjectStore } from "../../shared/store.js";
import { takeBackup } from "./backups.js";
import { foldFailed } from "./diskSpace.js";
import { removeLeftovers } from "./leftovers.js";
import type { RestoreReport } from "./restore.js";
import {
  BACKUPS_DIR,
  diskWriteError,
  DOCUMENTS_DIR,
  errnoOf,
  errorDetail,
  exists,
  fsyncDir,
  JOURNAL_FILE,
  OLD_JOURNAL_FILE,
  SNAPSHOT_FILE,
  writeFileAtomic,
} from "./files.js";
import { JournalWriter, journalLine, readJournal, type JournalEntry } from "./journal.js";
import { ProjectLock } from "./lock.js";
import { documentCodings, headCounts, type CodingLines, type CodingsByDocument } from "./codingLines.js";
import { checkSnapshotSteps, firstIssue, freeze, SnapshotFile, type FrozenSnapshot, type ReadSnapshot, type Snapshot } from "./snapshot.js";
import { runStepped } from "./stepped.js";

export interface StoreOptions {
  /**
   * Fold the journal into the snapshot after this many operations (default 2000). At 100k codings a
   * snapshot is ~25 MB; every 2000 operations keeps the journal (and the replay at open) short while
   * the cost of a compaction is paid once per 2000 clicks. Tests lower it to crash mid-compaction.
   */
  compactEvery?: number;
  /**
   * Resolve once project.json is read and parsed (of a by-document file, the head and the state:
   * its checksum and its codings are the check's), and check it
   * against the schema and the integrity rules afterwards, in the background (`store.checked`). For
   * the app's open, where the check of a 1M-coding snapshot would otherwise stand between the user
   * and the first screen. Only when the journal is empty: with operations to replay, the snapshot is
   * checked first, as without the option. Every other caller (the CLI, merge, repair, restore) keeps
   * the full check before the store is handed out.
   */
  deferCheck?: boolean;
  /**
   * For a one-shot command (the CLI's `withProject`): a short journal — fewer than SHORT_JOURNAL.lines
   * lines, under SHORT_JOURNAL.bytes, its first line under SHORT_JOURNAL.ageMs old, no
   * journal.old.jsonl, no torn tail — is left as it is at close instead of being folded
   * into project.json. Every line is already fdatasynced and the next open replays it; the fold and
   * its backup (a snapshot rewrite, a journal truncation, a copy: five fsyncs) are then paid once per
   * 50 commands, not by each. (At open a short journal is never folded, whatever the option.) The
   * app does not set it: its deferred open takes its fast path only with an empty journal
   * (docs/ARCHITECTURE.md, Storage).
   */
  keepShortJournal?: boolean;
}

/** What a short journal is (StoreOptions.keepShortJournal). */
export const SHORT_JOURNAL = { lines: 50, bytes: 64 * 1024, ageMs: 24 * 60 * 60 * 1000 } as const;

const DEFAULT_COMPACT_EVERY = 2000;
const DOCUMENT_CACHE = 4;

type SnapshotData = Snapshot | FrozenSnapshot;

/**
 * A project on disk: project.json (the snapshot, through lowdb), journal.jsonl (every operation
 * since the snapshot, one fdatasynced line each), documents/, backups/ and .tandai.lock.
 *
 * Durability: `apply` resolves only after the operation's journal line is fdatasynced, so an
 * acknowledged operation survives a crash or power loss; the snapshot is rewritten only at open,
 * close and every `compactEvery` operations, so an operation costs one small write and one fsync
 * whatever the size of the project.
 */
export class DiskProjectStore implements ProjectStore {
  private queue: Promise<unknown> = Promise.resolve();
  private sinceCompaction = 0;
  private compaction: Promise<void> | null = null;
  /** A compaction is to be queued on the next turn of the event loop (see applyNow). */
  private compactionSoon = false;
  /** journal.old.jsonl exists (a background compaction has not finished folding it in). */
  private oldJournal = false;
  private closing: Promise<void> | null = null;
  private readonly documents = new Map<string, DocumentContent>();
  private readonly compactEvery: number;
  /**
   * What went wrong without losing anything, for the caller to tell the user: folding the journal
   * into project.json failed (a full disk) while every change is durable in the journal, or a
   * backup could not be taken. The CLI prints them after its result; a command still exits 0.
   */
  readonly warnings: TandaiError[] = [];
  /** Set by restoreBackup: what the restore did. */
  restored: RestoreReport | null = null;
  /**
   * Resolves when project.json has passed the schema and the integrity check. Already resolved
   * unless the store was opened with `deferCheck`; then, until it resolves, `state` is the file as
   * parsed, not yet known to be whole (show it, do not build on it; of a by-document file, without
   * the codings not yet read in: see earlyCodings), and every write — a journal
   * line, a document file, a compaction, the fold at close, a backup — waits for it. If the check
   * fails it rejects with the error an open without the option gives (naming project.json and the
   * places), the store is closed without writing anything, and `apply` rejects with that error too.
   */
  checked: Promise<void> = Promise.resolve();
  /** Why the deferred check failed (what apply then rejects with). */
  private checkFailure: unknown = null;
  /** The backup a deferred open takes after its check; snapshot writes and close wait for it. */
  private openBackup: Promise<void> | null = null;
  /** The seq of the snapshot in project.json: the journal's lines above it are not folded in yet. */
  private snapshotSeq = 0;
  /** When the first operation not yet in project.json was applied (null: none), for SHORT_JOURNAL.ageMs. */
  private unfoldedSince: number | null = null;
  /** The journal's last line is torn (an open that does not fold must not append after it). */
  private tornTail = false;
  /** A deferred open of a by-document file: its codings' lines, until the check has read them all into the state. */
  private unread: { codings: CodingLines; file: string } | null = null;
  /** The codings by document as the deferred check read them in, until taken (takeCodingsByDocument). */
  private grouped: CodingsByDocument | null = null;

  private constructor(
    readonly dir: string,
    private current: ProjectState,
    private seq: number,
    private readonly db: Low<SnapshotData>,
    private readonly journal: JournalWriter,
    private readonly lock: ProjectLock,
    options: StoreOptions,
  ) {
    this.compactEvery = Math.max(1, options.compactEvery ?? DEFAULT_COMPACT_EVERY);
    this.keepShortJournal = options.keepShortJournal === true;
    this.snapshotSeq = seq;
  }

  private readonly keepShortJournal: boolean;

  /**
   * Whether the journal is short (SHORT_JOURNAL), so it may stay unfolded: at open for every caller,
   * at close only with StoreOptions.keepShortJournal.
   */
  private journalIsShort(): boolean {
    if (this.oldJournal || this.tornTail || this.journal.broken) return false;
    if (this.seq - this.snapshotSeq >= SHORT_JOURNAL.lines || this.journal.size >= SHORT_JOURNAL.bytes) return false;
    return this.unfoldedSince === null || Date.now() - this.unfoldedSince < SHORT_JOURNAL.ageMs;
  }

  get state(): ProjectState {
    return this.current;
  }

  /**
   * Until a deferred open's check has read every coding into `state` (a by-document project.json,
   * codingLines.ts): the codings of some documents, read from their own lines, and the counts the
   * file's head gives. What the first screen shows before the check; null once `state` holds them
   * all (or the file was of the older layout, read whole). A line found damaged is left out: the
   * check meets it too and refuses the project.
   */
  earlyCodings(documents: readonly DocumentId[]): { codings: Coding[]; counts: CodingCounts } | null {
    if (!this.unread) return null;
    const { codings, file } = this.unread;
    let some: Coding[] = [];
    try {
      some = documentCodings(codings, new Set(documents), file);
    } catch {
      // Left to the check, which names the damage and closes the project.
    }
    return { codings: some, counts: headCounts(codings) };
  }

  /**
   * Once `checked` has resolved and before any operation: the codings by document as the check
   * read them from a by-document file (null otherwise, or once taken). They are `state`'s own
   * coding objects, so they stay true until the next operation; the taker follows operations from here.
   */
  takeCodingsByDocument(): CodingsByDocument | null {
    const grouped = this.grouped;
    this.grouped = null;
    return grouped;
  }

  /** Operations applied in the project's life; the seq of the last journal line. */
  get sequence(): number {
    return this.seq;
  }

  /**
   * Serialised through a promise queue: one operation is applied and made durable before the next
   * starts, so journal lines never interleave and the in-memory state always equals snapshot +
   * journal. (A group commit would raise throughput, but a user makes one change per click, and
   * one line in flight at a time is what lets `readJournal` tell a torn tail from corruption.)
   */
  apply(op: Operation): Promise<Operation> {
    if (this.closing) return Promise.reject(this.checkFailure ?? new TandaiError("store.errors.closed", { dir: this.dir }));
    return this.enqueue(() => this.applyNow(op));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async applyNow(input: Operation): Promise<Operation> {
    // Before touching the state: a deferred check may still replace it (the schema's value).
    await this.checked;
    // Not true of the state after this operation: not to be taken any more.
    this.grouped = null;
    if (this.journal.broken) throw diskWriteError(this.journal.file, this.journal.broken);
    const op = normaliseOperation(input);
    const at = new Date().toISOString();
    // Throws (TandaiError) on an invalid operation, leaving the state untouched: nothing to write.
    const inverse = applyOperation(this.current, op, at);
    const seq = this.seq + 1;
    try {
      await this.lock.verify();
      await this.journal.append(journalLine({ seq, at, op }));
    } catch (error) {
      applyOperation(this.current, inverse, at);
      throw diskWriteError(this.journal.file, error);
    }
    this.seq = seq;
    this.unfoldedSince ??= Date.parse(at);
    if (++this.sinceCompaction >= this.compactEvery && !this.compaction && !this.compactionSoon) {
      // Queued, not awaited: this operation resolves now; the next one waits only for the freeze
      // and the journal rotation, not for the snapshot to be written. Queued on the next turn of
      // the event loop, not now: the freeze holds the loop (≈1 s at 1M codings), and queued now it
      // would run in the microtasks before this operation's answer has gone out to the app.
      this.compactionSoon = true;
      setImmediate(() => {
        this.compactionSoon = false;
        void this.enqueue(() => this.startCompaction());
      });
    }
    return inverse;
  }

  /**
   * Background compaction, run between two operations: pins the state at `seq` (freeze), moves the
   * journal aside as journal.old.jsonl and starts a fresh one, then writes the snapshot while
   * operations continue into the fresh journal. Once the snapshot is durable the old journal goes.
   * A crash at any point leaves snapshot + old journal + journal replaying to the same state.
   */
  private async startCompaction(): Promise<void> {
    if (this.compaction || this.closing || this.journal.broken) return;
    this.sinceCompaction = 0;
    const frozen = freeze({ format: PROJECT_FORMAT, seq: this.seq, state: this.current });
    if (!this.oldJournal) {
      try {
        await this.journal.rotate();
        this.oldJournal = true;
      } catch (error) {
        console.error(`Tandai: could not rotate ${this.journal.file}:`, error);
        return;
      }
    }
    // If an earlier compaction failed, journal.old.jsonl is still there: rotating again would
    // overwrite it. Instead the snapshot is written and the journal keeps the lines it covers;
    // replay skips every line whose seq is not above the snapshot's.
    this.compaction = this.writeCompaction(frozen)
      .catch((error: unknown) => console.error(`Tandai: background compaction of ${this.dir} failed; the journal keeps every change:`, error))
      .finally(() => {
        this.compaction = null;
      });
  }

  private async writeCompaction(frozen: FrozenSnapshot): Promise<void> {
    await this.writeSnapshot(frozen);
    await fsp.rm(path.join(this.dir, OLD_JOURNAL_FILE), { force: true });
    this.oldJournal = false;
    await this.backup(frozen.seq);
  }

  private async writeSnapshot(data: SnapshotData): Promise<void> {
    await this.checked;
    // The open's backup copies project.json: it must be the file the backup is named for.
    await this.openBackup;
    this.db.data = data;
    try {
      await this.lock.verify();
      await this.db.write();
    } catch (error) {
      throw diskWriteError(path.join(this.dir, SNAPSHOT_FILE), error);
    }
    this.snapshotSeq = data.seq;
  }

  /**
   * compactNow, where failing loses nothing: every change is already durable in the journal, and a
   * failed snapshot write leaves project.json as it was (atomic replace). So a full disk is not
   * "your change was not saved" (a script would retry and duplicate it) but a warning naming the
   * file and the space needed. Losing the lock still fails: another process owns the files now.
   */
  private async fold(): Promise<boolean> {
    try {
      await this.compactNow();
      return true;
    } catch (error) {
      if (error instanceof TandaiError && error.code === "store.errors.lockLost") throw error;
      this.warnings.push(await foldFailed(this.dir, this.journal.file, error));
      return false;
    }
  }

  /** Folds everything into project.json and empties the journal. Only with the queue idle. */
  private async compactNow(): Promise<void> {
    await this.compaction;
    await this.writeSnapshot({ format: PROJECT_FORMAT, seq: this.seq, state: this.current });
    try {
      await this.journal.truncate();
      await fsp.rm(path.join(this.dir, OLD_JOURNAL_FILE), { force: true });
      this.oldJournal = false;
    } catch (error) {
      // Harmless for the data: every line left is at or below the snapshot's seq and is skipped.
      throw diskWriteError(this.journal.file, error);
    }
    this.sinceCompaction = 0;
    this.tornTail = false;
    this.unfoldedSince = null;
  }

  private async backup(seq: number): Promise<void> {
    try {
      await takeBackup(this.dir, seq);
    } catch (error) {
      // A backup is a safety net, not the data: failing to take one must not fail an open or a close.
      this.warnings.push(new TandaiError("store.warnings.backupFailed", { file: path.join(this.dir, BACKUPS_DIR), detail: errorDetail(error) }));
    }
  }

  async writeDocumentContent(id: DocumentId, content: DocumentContent): Promise<void> {
    await this.checked;
    const file = this.documentFile(id);
    // A text of a million short lines has a million blocks: checked without copying them (the
    // quick check passes only what the schema would return unchanged) and written in pieces, not
    // as one string — the copy and the string were most of such an import's peak memory.
    let checked = content;
    if (!isPlainDocumentContent(content)) {
      const parsed = DocumentContent.safeParse(content);
      if (!parsed.success) throw new TandaiError("store.errors.invalidDocument", { file, detail: firstIssue(parsed.error) });
      checked = parsed.data;
    }
    try {
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, documentJson(checked));
    } catch (error) {
      throw diskWriteError(file, error);
    }
    this.remember(id, checked);
  }

  async readDocumentContent(id: DocumentId): Promise<DocumentContent> {
    const cached = this.documents.get(id);
    if (cached) {
      this.remember(id, cached);
      return cached;
    }
    const content = await readDocumentFile(this.dir, id);
    this.remember(id, content);
    return content;
  }

  /** A few recently read documents (a transcript can be megabytes; retrieval reads the same ones in a row). */
  private remember(id: string, content: DocumentContent) {
    this.documents.delete(id);
    this.documents.set(id, content);
    while (this.documents.size > DOCUMENT_CACHE) this.documents.delete(this.documents.keys().next().value!);
  }

  private documentFile(id: DocumentId): string {
    return documentFile(this.dir, id);
  }

  /** Waits for pending operations, folds the journal into the snapshot, backs it up, releases the lock. */
  close(): Promise<void> {
    this.closing ??= this.enqueue(async () => {
      try {
        // A project whose deferred check failed is closed without writing anything.
        const whole = await this.checked.then(() => true, () => false);
        await this.compaction;
        await this.openBackup;
        if (whole && !this.journal.broken && (this.journal.size > 0 || this.oldJournal) && !(this.keepShortJournal && this.journalIsShort())) {
          if (await this.fold()) await this.backup(this.seq);
        }
      } finally {
        await this.journal.close();
        await this.lock.release();
      }
    });
    return this.closing;
  }

  /**
   * The deferred check (StoreOptions.deferCheck), in slices that yield to the event loop: the
   * schema (the quick check; zod, in one piece, for a file it does not pass), then integrity. On
   * success the open's backup is taken, in the background; on failure the store is closed, writing
   * nothing, and `checked` rejects with the error a checked open gives.
   */
  private async checkInBackground(read: ReadSnapshot): Promise<void> {
    if (read.codings) this.unread = { codings: read.codings, file: read.file };
    try {
      const snapshot = await runStepped(checkSnapshotSteps(read));
      this.unread = null;
      this.grouped = read.grouped ?? null;
      // Nothing has touched the state yet (apply waits for this): a file the quick check did not
      // pass is opened with the schema's value, as a checked open would.
      this.current = snapshot.state;
      const issues = await runStepped(integritySteps(snapshot.state, read.codingIssues));
      if (issues.length) throw new TandaiError("store.errors.integrity", integrityParams(path.join(this.dir, SNAPSHOT_FILE), issues));
    } catch (error) {
      this.unread = null;
      this.grouped = null;
      this.checkFailure = error;
      // If close() came first, its task releases the files once it sees this failure (awaiting it here would wait on ourselves).
      if (!this.closing) {
        this.closing = this.release();
        await this.closing;
      }
      throw error;
    }
    this.openBackup = this.backup(this.seq);
  }

  private async release(): Promise<void> {
    try {
      await this.journal.close();
    } finally {
      await this.lock.release();
    }
  }

  /** Opens the project in `dir`, whose lock the caller already holds (and which is released on failure). */
  static async openLocked(dir: string, lock: ProjectLock, options: StoreOptions = {}): Promise<DiskProjectStore> {
    let journal: JournalWriter | undefined;
    try {
      await removeLeftovers(dir);
      const file = new SnapshotFile(path.join(dir, SNAPSHOT_FILE));
      const read = await file.readUnchecked();
      if (!read) throw new TandaiError("store.errors.notAProject", { dir });
      const db = new Low<SnapshotData>(file, null as unknown as SnapshotData);
      if (options.deferCheck && read.plain && (await journalsEmpty(dir))) {
        journal = await JournalWriter.open(dir);
        // A plain wrapper (readSnapshot): format and seq are what the schema would return.
        const { seq, state } = read.json as unknown as Snapshot;
        const store = new DiskProjectStore(dir, state, seq, db, journal, lock, options);
        store.checked = store.checkInBackground(read);
        // Handled here so that a failure nobody awaits is not an unhandled rejection; callers still see it.
        store.checked.catch(() => undefined);
        return store;
      }
      const snapshot = runSteps(checkSnapshotSteps(read));
      db.data = snapshot;
      const state = snapshot.state;
      // Before replay, so that damage is reported as the snapshot's, not as a journal line that "fails".
      const issues = checkIntegrity(state, read.codingIssues);
      if (issues.length) {
        throw new TandaiError("store.errors.integrity", integrityParams(path.join(dir, SNAPSHOT_FILE), issues));
      }
      const old = await readJournal(path.join(dir, OLD_JOURNAL_FILE), false);
      const active = await readJournal(path.join(dir, JOURNAL_FILE), true);
      const seq = replay(state, snapshot.seq, [old, active]);
      journal = await JournalWriter.open(dir);
      const store = new DiskProjectStore(dir, state, seq, db, journal, lock, options);
      store.snapshotSeq = snapshot.seq;
      store.oldJournal = await exists(old.file);
      store.tornTail = active.tornTail;
      store.sinceCompaction = seq - snapshot.seq;
      store.unfoldedSince = firstUnfolded([old, active], snapshot.seq);
      const unfolded = seq > snapshot.seq || active.bytes > 0 || store.oldJournal;
      if (unfolded && store.journalIsShort()) {
        // Replayed, not folded: every line is durable, and the fold (a rewrite of the whole snapshot
        // and a backup: 0.6 s at 100k codings) is a close's or a compaction's to do. The backup is of project.json as it is.
        await store.backup(snapshot.seq);
        return store;
      }
      const folded = unfolded ? await store.fold() : true;
      if (folded) await store.backup(seq);
      return store;
    } catch (error) {
      await journal?.close();
      await lock.release();
      throw error;
    }
  }

  /** Writes a new project holding `state` (tests and the benchmark build big projects this way). */
  static async createLocked(dir: string, lock: ProjectLock, state: ProjectState, options: StoreOptions = {}): Promise<DiskProjectStore> {
    try {
      const checked = ProjectState.safeParse(state);
      if (!checked.success) throw new TandaiError("store.errors.invalidProject", { dir, detail: firstIssue(checked.error) });
      await fsp.mkdir(path.join(dir, DOCUMENTS_DIR), { recursive: true });
      await fsp.mkdir(path.join(dir, BACKUPS_DIR), { recursive: true });
      await fsyncDir(dir);
      const db = new Low<SnapshotData>(new SnapshotFile(path.join(dir, SNAPSHOT_FILE)), { format: PROJECT_FORMAT, seq: 0, state });
      try {
        await db.write();
      } catch (error) {
        throw diskWriteError(path.join(dir, SNAPSHOT_FILE), error);
      }
    } catch (error) {
      await lock.release();
      throw error;
    }
    return DiskProjectStore.openLocked(dir, lock, options);
  }
}

/** No operation to replay: journal.jsonl empty or absent, no journal.old.jsonl. Anything unusual: check first. */
async function journalsEmpty(dir: string): Promise<boolean> {
  const size = async (name: string) => {
    try {
      return (await fsp.stat(path.join(dir, name))).size;
    } catch (error) {
      return errnoOf(error) === "ENOENT" ? null : Number.NaN;
    }
  };
  const [active, old] = await Promise.all([size(JOURNAL_FILE), size(OLD_JOURNAL_FILE)]);
  return (active === null || active === 0) && old === null;
}

/** When the first journal line above the snapshot's seq was applied (null if there is none, or its time does not parse). */
function firstUnfolded(journals: Awaited<ReturnType<typeof readJournal>>[], from: number): number | null {
  for (const journal of journals) {
    for (const { entry } of journal.entries) {
      if (entry.seq <= from) continue;
      const at = Date.parse(entry.at);
      // A time that does not parse counts as old: fold.
      return Number.isNaN(at) ? 0 : at;
    }
  }
  return null;
}

/** The op as it will read back from the journal: JSON round trip, then the schema. */
function normaliseOperation(op: Operation): Operation {
  let json: unknown;
  try {
    json = JSON.parse(JSON.stringify(op));
  } catch (error) {
    throw new TandaiError("store.errors.invalidOp", { detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = safeParseOperation(json);
  if (!parsed.success) throw new TandaiError("store.errors.invalidOp", { detail: firstIssue(parsed.error) });
  // Storing exactly what replay will read back keeps memory and disk equal (no undefined, Dates, NaN).
  return parsed.data;
}

/**
 * Applies the journal lines above the snapshot's seq, which must follow on from it one by one: a gap
 * means the snapshot and the journal do not belong together (say, an older project.json copied
 * in), and guessing would silently lose or double changes.
 */
function replay(state: ProjectState, from: number, journals: Awaited<ReturnType<typeof readJournal>>[]): number {
  let seq = from;
  for (const journal of journals) {
    for (const { entry, line } of journal.entries) {
      if (entry.seq <= seq) continue;
      if (entry.seq !== seq + 1) {
        throw new TandaiError("store.errors.corrupt", { file: journal.file, detail: `line ${line}: expected change ${seq + 1}, found ${entry.seq}` });
      }
      applyEntry(state, entry, journal.file, line);
      seq = entry.seq;
    }
  }
  return seq;
}

function applyEntry(state: ProjectState, entry: JournalEntry, file: string, line: number) {
  try {
    applyOperation(state, entry.op, entry.at);
  } catch (error) {
    const detail = error instanceof TandaiError ? `${error.code} ${JSON.stringify(error.params)}` : errorDetail(error);
    throw new TandaiError("store.errors.corrupt", { file, detail: `line ${line}: ${detail}` });
  }
}

function documentFile(dir: string, id: DocumentId): string {
  // The id becomes a file name: only the id alphabet may reach the path (no "../").
  if (typeof id !== "string" || !ID_PATTERN.test(id)) throw new TandaiError("errors.op.unknownDocument", { id: String(id) });
  return path.join(dir, DOCUMENTS_DIR, `${id}.json`);
}

/** Reads and checks a document's content file; any reader of a project (the store, an export worker) goes through here. */
export async function readDocumentFile(dir: string, id: DocumentId): Promise<DocumentContent> {
  const file = documentFile(dir, id);
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") throw new TandaiError("store.errors.missingDocument", { file });
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TandaiError("store.errors.corrupt", { file, detail: error instanceof Error ? error.message : String(error) });
  }
  // A plain valid file is taken as it is (quickCheck); anything else is the schema's to decide and name.
  if (isPlainDocumentContent(json)) return json as DocumentContent;
  const parsed = DocumentContent.safeParse(json);
  if (!parsed.success) throw new TandaiError("store.errors.corrupt", { file, detail: firstIssue(parsed.error) });
  return parsed.data;
}

/** The document file's JSON, exactly `JSON.stringify(content)`, in pieces of 10,000 blocks. */
export async function* documentJson(content: DocumentContent): AsyncIterable<string> {
  yield `{"text":${JSON.stringify(content.text)},"blocks":[`;
  const { blocks } = content;
  for (let i = 0; i < blocks.length; i += 10_000) yield (i ? "," : "") + blocks.slice(i, i + 10_000).map((b) => JSON.stringify(b)).join(",");
  yield "]}";
}
