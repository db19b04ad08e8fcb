import { constants, promises as fsp } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { lazySchema } from "../../shared/model/lazySchema.js";
import { TandaiError } from "../../shared/errors.js";
import { Operation, safeParseOperation } from "../../shared/ops/operation.js";
import { errnoOf, errorDetail, fsyncDir, JOURNAL_FILE, OLD_JOURNAL_FILE, writeAll } from "./files.js";
import { crcHex, firstIssue } from "./snapshot.js";

/**
 * One line of journal.jsonl. Besides the brief's {seq, op} it records `at`, the time the operation
 * was applied: applyOperation stamps some values with "now" (a memo's updatedAt), and replaying with
 * the original time is what makes a reopened project equal to the one that was closed.
 */
const JournalLine = lazySchema(() => z.object({ seq: z.number().int().positive(), at: z.string(), op: Operation }));
export type JournalEntry = z.infer<typeof JournalLine>;

/**
 * A line as read: strict, so that a flipped bit in a key ("crc" → "crb") is not silently ignored;
 * `crc` is optional, so journals written before checksums still open.
 */
const StoredLine = lazySchema(() => JournalLine.extend({ crc: z.string().regex(/^[0-9a-f]{8}$/).optional() }).strict());

/**
 * `{"seq":…,"at":…,"op":…,"crc":"<8 hex>"}`: the CRC-32 is of the line as it would be without its
 * crc field, so a flipped bit anywhere in the line (an id, an offset, a date) is caught at open.
 */
export function journalLine(entry: JournalEntry): string {
  const body = `{"seq":${entry.seq},"at":${JSON.stringify(entry.at)},"op":${JSON.stringify(entry.op)}}`;
  return `${body.slice(0, -1)},"crc":"${crcHex(body)}"}\n`;
}

const LINE_KEYS = new Set(["seq", "at", "op", "crc"]);
const CRC = /^[0-9a-f]{8}$/;

/**
 * A stored line checked the way `apply` checks an operation, without building the schema of all
 * forty operations (zod's StoredLine did at every open that found a journal): the wrapper by hand,
 * the operation by safeParseOperation (the zod-free quick check for what `tandai code` writes, else
 * only its own type's schema). Anything that does not pass goes through StoredLine, which decides
 * and names the offending field as before, so a damaged line gets the same message.
 */
function parseStoredLine(json: unknown): { success: true; data: z.output<typeof StoredLine> } | ReturnType<typeof StoredLine.safeParse> {
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    let plain = Number.isSafeInteger(o.seq) && (o.seq as number) > 0 && typeof o.at === "string" && (o.crc === undefined ? !("crc" in o) : typeof o.crc === "string" && CRC.test(o.crc));
    if (plain) for (const key in o) if (!LINE_KEYS.has(key)) plain = false;
    const op = plain && "op" in o ? safeParseOperation(o.op) : null;
    if (op?.success) {
      const data: z.output<typeof StoredLine> = { seq: o.seq as number, at: o.at as string, op: op.data };
      if (o.crc !== undefined) data.crc = o.crc as string;
      return { success: true, data };
    }
  }
  return StoredLine.safeParse(json);
}

const MISMATCH = "the checksum does not match: the line was changed or damaged";

/** Null when the line's checksum matches its content (or it has none), else what is wrong. */
function checksumProblem(line: string, crc: string | undefined): string | null {
  if (crc === undefined) return null;
  const tail = `,"crc":"${crc}"}`;
  if (!line.endsWith(tail)) return "the checksum is not where it belongs";
  return crcHex(`${line.slice(0, -tail.length)}}`) === crc ? null : MISMATCH;
}

export interface ParsedJournal {
  file: string;
  entries: { entry: JournalEntry; line: number }[];
  /** Bytes of a last line that was being written when the process died (never acknowledged). */
  tornTail: boolean;
  bytes: number;
  /** Only when read to salvage: the first damaged line and how many lines it and those after it make. */
  damaged?: { line: number; lines: number; detail: string };
}

/**
 * Reads a journal. Each operation is acknowledged only after its line (and the newline) is on
 * disk and the previous line was acknowledged, so at most the LAST line can be incomplete or
 * garbage (a torn write, or zeros where the file grew but its data never reached the disk): that
 * line is an operation nobody was told had been saved, and it is dropped. An unreadable line with
 * a good line after it cannot come from a crash: that is corruption, and the project is not opened.
 */
export async function readJournal(file: string, lastMayBeTorn: boolean, salvage = false): Promise<ParsedJournal> {
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT") return { file, entries: [], tornTail: false, bytes: 0 };
    throw new TandaiError("store.errors.diskRead", { file, detail: errorDetail(error) });
  }
  return parseJournal(text, file, lastMayBeTorn, salvage);
}

/** readJournal on text already read (an export job's journal, read when the job started: store/readAt.ts). */
export function parseJournal(text: string, file: string, lastMayBeTorn: boolean, salvage = false): ParsedJournal {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const entries: ParsedJournal["entries"] = [];
  let tornTail = false;
  for (let i = 0; i < lines.length; i++) {
    const isLast = i === lines.length - 1;
    const complete = !isLast || text.endsWith("\n");
    let problem: string | null = null;
    let entry: JournalEntry | null = null;
    try {
      const parsed = parseStoredLine(JSON.parse(lines[i]!));
      if (!parsed.success) problem = firstIssue(parsed.error);
      else {
        const { crc, ...line } = parsed.data;
        problem = checksumProblem(lines[i]!, crc);
        if (!problem) entry = line;
      }
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (entry && complete) {
      entries.push({ entry, line: i + 1 });
      continue;
    }
    // A whole last line that parses but fails its checksum was written in full and damaged since:
    // an acknowledged operation, not a torn write, and dropping it would lose it silently.
    const flipped = complete && problem === MISMATCH;
    if (isLast && lastMayBeTorn && !flipped) {
      tornTail = true;
      break;
    }
    const detail = `line ${i + 1}: ${problem ?? "incomplete line"}`;
    // Salvaging (a restore): everything before the damage is intact and was acknowledged in order.
    if (salvage) return { file, entries, tornTail, bytes: Buffer.byteLength(text), damaged: { line: i + 1, lines: lines.length - i, detail } };
    throw new TandaiError("store.errors.corrupt", { file, detail });
  }
  return { file, entries, tornTail, bytes: Buffer.byteLength(text) };
}

/**
 * The open journal. Appends go to an explicit position (pwrite) rather than O_APPEND, because on
 * Windows an append-only handle cannot be truncated, and truncation is how a failed append and a
 * compaction are undone. The descriptor stays open: an append is one write and one fdatasync,
 * O(1) whatever the size of the project.
 */
export class JournalWriter {
  /** Set when the journal may hold a partial line that could not be removed: no more appends. */
  broken: Error | null = null;

  private constructor(
    readonly dir: string,
    private handle: fsp.FileHandle,
    public size: number,
  ) {}

  get file(): string {
    return path.join(this.dir, JOURNAL_FILE);
  }

  static async open(dir: string): Promise<JournalWriter> {
    const file = path.join(dir, JOURNAL_FILE);
    let created = false;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, constants.O_RDWR);
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw error;
      handle = await fsp.open(file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL);
      created = true;
    }
    try {
      const { size } = await handle.stat();
      // A new journal's directory entry must be durable before an operation is acknowledged in it.
      if (created) await fsyncDir(dir);
      return new JournalWriter(dir, handle, size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Appends one line and returns once it is on disk. On failure the journal is cut back to where it was. */
  async append(line: string): Promise<void> {
    if (this.broken) throw this.broken;
    const buffer = Buffer.from(line, "utf8");
    try {
      await writeAll(this.handle, buffer, this.size);
      await this.handle.datasync();
      this.size += buffer.length;
    } catch (error) {
      // Half a line left here would become "corruption in the middle" once the next line follows it.
      try {
        await this.handle.truncate(this.size);
        await this.handle.datasync();
      } catch {
        this.broken = error instanceof Error ? error : new Error(String(error));
      }
      throw error;
    }
  }

  async truncate(): Promise<void> {
    await this.handle.truncate(0);
    await this.handle.datasync();
    this.size = 0;
  }

  /**
   * Starts a fresh journal and keeps the current one as journal.old.jsonl until the snapshot that
   * covers it is on disk. Called only between two appends.
   */
  async rotate(): Promise<void> {
    await this.handle.close();
    try {
      await fsp.rename(this.file, path.join(this.dir, OLD_JOURNAL_FILE));
      const fresh = await JournalWriter.open(this.dir);
      this.handle = fresh.handle;
      this.size = fresh.size;
    } catch (error) {
      // Without a journal nothing more can be made durable; what was acknowledged is in one of the two files.
      this.broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
