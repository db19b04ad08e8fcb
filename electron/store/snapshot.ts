import { promises as fsp } from "node:fs";
import type { Adapter } from "lowdb";
import { z } from "zod";
import { lazySchema } from "../../shared/model/lazySchema.js";
import { TandaiError } from "../../shared/errors.js";
import { PROJECT_FORMAT, ProjectState } from "../../shared/model/project.js";
import type { IntegrityIssue } from "../../shared/model/integrity.js";
import { plainProjectStateSteps } from "../../shared/model/quickCheck.js";
import { runSteps, type Steps } from "../../shared/model/steps.js";
import { BY_DOCUMENT, fillCodings, type CodingsByDocument, groupByDocument, headLine, isByDocument, readByDocument, type CodingLines } from "./codingLines.js";
import { crc32, ZLIB_FROM, zlib as zlibCrc32 } from "./crc32.js";
import { errnoOf, errorDetail, writeFileAtomic } from "./files.js";

/** What project.json holds: the state after the first `seq` operations of the project's life. */
export interface Snapshot {
  format: typeof PROJECT_FORMAT;
  seq: number;
  state: ProjectState;
}

const SnapshotSchema = lazySchema(() => z
  .object({
    format: z.literal(PROJECT_FORMAT),
    seq: z.number().int().nonnegative(),
    state: ProjectState,
    // Checked against the bytes before parsing (see checksumProblem); optional for files written before checksums.
    crc: z.string().regex(/^[0-9a-f]{8}$/).optional(),
  })
  // Strict at the top, so a flipped bit in "crc" itself is not taken for a file without a checksum.
  .strict());

/** CRC-32 as 8 hex digits (zlib's value: a table in JavaScript for small inputs, zlib itself for large ones; crc32.ts). */
export function crcHex(data: string | Buffer, running?: number): string {
  return crc32(data, running).toString(16).padStart(8, "0");
}

/** The end of a snapshot with a checksum: `,"crc":"<8 hex>"}` and a newline; the CRC is of every byte before it. */
const TAIL = /,"crc":"([0-9a-f]{8})"\}\n$/;

const MISMATCH = "the checksum does not match: the file was changed outside Tandai or is damaged";

/** "ok" when the snapshot's bytes match the checksum they end with, "none" without one, else what is wrong. */
function checksum(bytes: Buffer): "ok" | "none" | string {
  return runSteps(checksumSteps(bytes));
}

/** Bytes checksummed between two yields: some 4 ms (zlib's CRC-32 here runs at about 0.5 GB/s). */
const CRC_STEP = 2 * 1024 * 1024;

/** checksum, a slice at a time: 0.4 s for the 200 MB of a million codings, which the app's open does not wait for. */
function* checksumSteps(bytes: Buffer): Steps<"ok" | "none" | string> {
  const end = bytes.subarray(Math.max(0, bytes.length - 20)).toString("latin1");
  const m = TAIL.exec(end);
  if (!m) return "none";
  const length = bytes.length - m[0].length;
  let crc = 0;
  for (let at = 0; at < length; at += CRC_STEP) {
    crc = crc32(bytes.subarray(at, Math.min(length, at + CRC_STEP)), crc);
    yield;
  }
  return crc.toString(16).padStart(8, "0") === m[1] ? "ok" : MISMATCH;
}

/** The large maps of a state, serialised a slice at a time. */
const RECORDS = ["documents", "codes", "codings", "memos"] as const;
/** A map's keys and, at the same index, their values. */
interface Pinned {
  keys: string[];
  values: unknown[];
}

/**
 * A snapshot pinned at one moment: the scalars copied and each large map turned into its keys and
 * their values. Values are never mutated in place by applyOperation (it replaces a record's object
 * when it changes one), so these stay the state at `seq` while later operations go on changing the
 * live maps. Freezing is the one step of a compaction that holds the event loop (an apply arriving
 * meanwhile waits for it): one Object.keys per map and a loop reading the values, about a third of
 * the Object.entries it replaced (which built a [key, value] array per coding: 2.8 s at 1M codings
 * at load 9, 0.8 s now; docs/PERFORMANCE.md). Serialising then runs in slices between operations.
 */
export interface FrozenSnapshot {
  frozen: true;
  format: typeof PROJECT_FORMAT;
  seq: number;
  scalars: [string, unknown][];
  records: [string, Pinned][];
}

export function freeze(snapshot: Snapshot): FrozenSnapshot {
  const scalars: [string, unknown][] = [];
  const records: [string, Pinned][] = [];
  for (const [key, value] of Object.entries(snapshot.state)) {
    if ((RECORDS as readonly string[]).includes(key) && value && typeof value === "object") records.push([key, pin(value as Record<string, unknown>)]);
    else scalars.push([key, value]);
  }
  return { frozen: true, format: snapshot.format, seq: snapshot.seq, scalars, records };
}

function pin(map: Record<string, unknown>): Pinned {
  const keys = Object.keys(map);
  const values = new Array<unknown>(keys.length);
  // An own "__proto__" key (JSON.parse makes one) shadows the prototype's accessor: read as it is.
  for (let i = 0; i < keys.length; i++) values[i] = map[keys[i]!];
  return { keys, values };
}

/**
 * Entries serialised between two yields to the event loop: ~250 codings take well under a
 * millisecond, so an operation arriving while the snapshot is written waits about that long at most
 * (the pin before it is the longer wait; see freeze).
 */
const SLICE = 250;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The snapshot as JSON in the by-document layout (codingLines.ts), in slices, yielding to the event
 * loop between them so that operations keep being journaled while a large snapshot is written. One
 * map entry per line in the state, one line per document's codings (at most LINE of them): the file
 * stays readable and diffable, at almost no cost in size.
 */
export async function* serialise(snapshot: Snapshot | FrozenSnapshot): AsyncGenerator<string> {
  const frozen = "frozen" in snapshot ? snapshot : freeze(snapshot);
  const codings = frozen.records.find(([key]) => key === "codings")?.[1] ?? { keys: [], values: [] };
  const grouped = await groupByDocument(codings.values, SLICE, yieldToEventLoop);
  yield headLine(frozen.seq, grouped);
  let n = 0;
  for (let l = 0; l < grouped.lines.length; l++) {
    const [, list] = grouped.lines[l]!;
    let out = "[";
    for (let i = 0; i < list.length; i++) {
      out += `${i ? "," : ""}${JSON.stringify(codings.values[list[i]!])}`;
      if (++n % SLICE === 0) {
        yield out;
        out = "";
        await yieldToEventLoop();
      }
    }
    yield `${out}]${l < grouped.lines.length - 1 ? "," : ""}\n`;
  }
  let head = `],"state":{`;
  head += frozen.scalars.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",");
  let first = frozen.scalars.length === 0;
  yield head;
  for (const [key, pinned] of frozen.records) {
    // The codings are the lines above; the state keeps their (empty) record in its place.
    const { keys, values } = key === "codings" ? { keys: [], values: [] } : pinned;
    let out = `${first ? "" : ","}\n${JSON.stringify(key)}:{`;
    first = false;
    for (let i = 0; i < keys.length; i++) {
      out += `${i ? "," : ""}\n${JSON.stringify(keys[i])}:${JSON.stringify(values[i])}`;
      if ((i + 1) % SLICE === 0) {
        yield out;
        out = "";
        await yieldToEventLoop();
      }
    }
    yield `${out}${keys.length ? "\n" : ""}}`;
  }
  yield "}";
}

/** serialise, ending with the CRC-32 of everything before it. */
async function* withChecksum(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let crc = 0;
  let length = 0;
  for await (const chunk of chunks) {
    // A large snapshot's slices are small each: past ZLIB_FROM in all, zlib's CRC goes on from the table's.
    length += chunk.length;
    crc = length >= ZLIB_FROM ? zlibCrc32()(chunk, crc) >>> 0 : crc32(chunk, crc);
    yield chunk;
  }
  yield `,"crc":"${crc.toString(16).padStart(8, "0")}"}\n`;
}

/**
 * Reads and checks the text of a snapshot file, telling apart the four ways it can be wrong:
 * not JSON (corrupt), JSON but not ours (foreign), ours but from a newer Tandai (newerVersion),
 * ours but not matching the schema (corrupt, with the first offending path).
 */
export function parseSnapshot(bytes: Buffer, file: string): Snapshot {
  return runSteps(checkSnapshotSteps(readSnapshot(bytes, file)));
}

/**
 * A snapshot file read but not yet checked against the schema: its checksum verified ("ok"), or
 * absent ("none"), and its JSON parsed, ours and not from a newer Tandai. `plain` says whether the
 * wrapper ({format, seq, state, crc}) is one the schema takes as it is, so `seq` can be trusted
 * before the state itself is checked.
 */
export interface ReadSnapshot {
  file: string;
  json: Record<string, unknown>;
  /** "pending": a by-document file, whose checksum checkSnapshotSteps verifies (in slices) before it reads the codings. */
  verified: "ok" | "none" | "pending";
  plain: boolean;
  /** A file of the by-document layout: its codings' lines, not yet in `json.state` (checkSnapshotSteps fills them in). */
  codings?: CodingLines;
  /** Set by checkSnapshotSteps when it checked the codings' integrity as it read them in: for integritySteps, which then skips them. */
  codingIssues?: IntegrityIssue[];
  /** Set by checkSnapshotSteps for a state it returns as read (plain): its codings by document. */
  grouped?: CodingsByDocument;
}

/** The first half of parseSnapshot: checksum, JSON.parse, ours and not newer. Everything the user's open waits for. */
export function readSnapshot(bytes: Buffer, file: string): ReadSnapshot {
  let json: unknown;
  let codings: CodingLines | undefined;
  let verified: ReadSnapshot["verified"];
  if (isByDocument(bytes)) {
    // The checksum of the whole file is the check's to verify, with the codings: the open parses
    // only the head and the state, and a damaged one of those is named by its checksum if it fails.
    verified = "pending";
    try {
      ({ json, codings } = readByDocument(bytes, file, PROJECT_FORMAT));
    } catch (error) {
      const sum = checksum(bytes);
      throw sum === "ok" || sum === "none" ? error : new TandaiError("store.errors.corrupt", { file, detail: sum });
    }
  } else {
    const sum = checksum(bytes);
    if (sum !== "ok" && sum !== "none") throw new TandaiError("store.errors.corrupt", { file, detail: sum });
    verified = sum;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new TandaiError("store.errors.corrupt", { file, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  if (!json || typeof json !== "object" || Array.isArray(json) || !("format" in json) || !("state" in json) || typeof json.format !== "number") {
    throw new TandaiError("store.errors.foreign", { file });
  }
  if (json.format > BY_DOCUMENT) throw new TandaiError("store.errors.newerVersion", { file, version: json.format });
  // Format 2 is read only as Tandai writes it (isByDocument): the same JSON laid out otherwise has its codings where no reader looks.
  if (json.format === BY_DOCUMENT) throw new TandaiError("store.errors.corrupt", { file, detail: "format 2, but not laid out as Tandai writes it" });
  const o = json as Record<string, unknown>;
  return { file, json: o, verified, plain: isPlainWrapper(o) && (o.crc === undefined || verified !== "none"), ...(codings && { codings }) };
}

/**
 * The second half: the state against the schema, in slices (see shared/model/steps.ts). A plain
 * state (the quick check) is returned as it is; anything else is the zod schema's to decide, in one
 * piece (the rare case: an old or hand-edited file), which names the first offending field.
 */
export function* checkSnapshotSteps(read: ReadSnapshot): Steps<Snapshot> {
  const { json, file } = read;
  let verified = read.verified;
  if (verified === "pending") {
    const sum = yield* checksumSteps(read.codings!.bytes);
    if (sum !== "ok" && sum !== "none") throw new TandaiError("store.errors.corrupt", { file, detail: sum });
    verified = sum;
  }
  // Of a by-document file, the rest of the state (its codings still the empty record); then each coding as it is read in.
  let plain = isPlainWrapper(json) && (yield* plainProjectStateSteps(json.state, PROJECT_FORMAT));
  if (read.codings) {
    const filled = yield* fillCodings(json.state as ProjectState, read.codings, file, plain);
    plain &&= filled.plain;
    if (plain && filled.issues) read.codingIssues = filled.issues;
    if (plain) read.grouped = filled.grouped;
  }
  const { crc, ...snapshot } = plain ? (json as z.output<typeof SnapshotSchema>) : schemaChecked(json, file);
  if (crc !== undefined && verified !== "ok") throw new TandaiError("store.errors.corrupt", { file, detail: "the checksum is not at the end of the file" });
  return snapshot as Snapshot;
}

const SNAPSHOT_KEYS = new Set(["format", "seq", "state", "crc"]);

/**
 * Whether the snapshot's wrapper is one the schema would accept and return unchanged (see
 * quickCheck); with plainProjectStateSteps for its state, the common case, checked without building
 * the zod schema of the whole model at every open.
 */
function isPlainWrapper(o: Record<string, unknown>): boolean {
  for (const key in o) if (!SNAPSHOT_KEYS.has(key)) return false;
  if (o.format !== PROJECT_FORMAT || !Number.isSafeInteger(o.seq) || (o.seq as number) < 0) return false;
  return !("crc" in o) || (typeof o.crc === "string" && /^[0-9a-f]{8}$/.test(o.crc));
}

/** Anything else goes through the schema, which decides and names the first offending field. */
function schemaChecked(json: unknown, file: string): z.output<typeof SnapshotSchema> {
  const parsed = SnapshotSchema.safeParse(json);
  if (!parsed.success) throw new TandaiError("store.errors.corrupt", { file, detail: firstIssue(parsed.error) });
  return parsed.data;
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * lowdb's storage for project.json. lowdb's own JSONFile renames a temp file over the target but
 * never fsyncs, and parses without checking: neither will do for a thesis's worth of coding. This
 * adapter writes atomically and durably, and reads only what validates. It never writes on its
 * own, so a file that failed to read is left byte for byte as it was.
 */
export class SnapshotFile implements Adapter<Snapshot | FrozenSnapshot> {
  constructor(readonly file: string) {}

  async read(): Promise<Snapshot | null> {
    const read = await this.readUnchecked();
    return read && runSteps(checkSnapshotSteps(read));
  }

  /** The file read, its checksum verified and parsed, not yet checked against the schema (checkSnapshotSteps does that). */
  async readUnchecked(): Promise<ReadSnapshot | null> {
    let text: Buffer;
    try {
      text = await fsp.readFile(this.file);
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return null;
      throw new TandaiError("store.errors.diskRead", { file: this.file, detail: errorDetail(error) });
    }
    return readSnapshot(text, this.file);
  }

  async write(data: Snapshot | FrozenSnapshot): Promise<void> {
    await writeFileAtomic(this.file, withChecksum(serialise(data)));
  }
}
