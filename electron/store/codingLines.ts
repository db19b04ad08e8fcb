import { TandaiError } from "../../shared/errors.js";
import type { CodingCounts } from "../../shared/ipc/contract.js";
import type { CodeId, DocumentId } from "../../shared/model/ids.js";
import type { Coding, ProjectState } from "../../shared/model/project.js";
import { codingIssues, issueList, type IntegrityIssue } from "../../shared/model/integrity.js";
import { isCoding } from "../../shared/model/quickCheck.js";
import type { Steps } from "../../shared/model/steps.js";

/**
 * project.json's second layout (file format 2): the codings grouped by document, one line of JSON
 * per at most LINE codings of one document, before the rest of the state. At a million codings
 * the one JSON document of format 1 had to be parsed whole (1.4 s, and as much again collecting
 * its garbage) and then walked once more for the counts (0.6 s) before the first screen; now the
 * open parses the small head, the state without its codings and the first document's lines, and
 * the rest of the codings a line at a time in the background (docs/ARCHITECTURE.md, "At a million
 * codings"). The whole file is still one JSON value, with the same checksum at its end:
 *
 *   {"format":2,"seq":N,"layout":{"lines":[[documentId,count],…],"byCode":{…}},"codings":[
 *   [coding,…],                      ← one line per entry of layout.lines, in that order
 *   [coding,…]
 *   ],"state":{…the state, with "codings":{}…},"crc":"…"}
 *
 * A raw newline never occurs inside JSON.stringify's output, so each line is found by the next
 * newline, and the file needs no offsets. An older Tandai reads "format":2 as a newer version's
 * file and refuses it, rather than opening a project without its codings.
 */
export const BY_DOCUMENT = 2;

/** Codings on one line at most: a line is parsed in one piece (about 1 ms for 1,000). */
const LINE = 1_000;

/** What the head says of the codings, and where each line is in the file. */
export interface CodingLines {
  bytes: Buffer;
  lines: { document: DocumentId; count: number; start: number; end: number }[];
  byCode: Record<string, number>;
}

/** The state's part of the file (`"state":{…}` and the checksum), found after the last line. */
interface Found {
  seq: unknown;
  codings: CodingLines;
  /** The offset of `"state":` in the file. */
  stateAt: number;
}

const corrupt = (file: string, detail: string) => new TandaiError("store.errors.corrupt", { file, detail });

// ——— Writing ———

/** The codings of a pinned snapshot by document, as lines of indices into `values`, and the counts per code. */
export interface Grouped {
  lines: [DocumentId, number[]][];
  byCode: Record<string, number>;
}

/** Groups `values` (the pinned codings) by document, yielding every `slice` codings (the compaction runs beside operations). */
export async function groupByDocument(values: readonly unknown[], slice: number, pause: () => Promise<void>): Promise<Grouped> {
  const byDocument = new Map<DocumentId, number[]>();
  // Maps, not records: an id may be any ID_PATTERN string, "__proto__" among them.
  const byCode = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const coding = values[i] as Coding;
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push(i);
    byCode.set(coding.codeId, (byCode.get(coding.codeId) ?? 0) + 1);
    if ((i + 1) % (slice * 20) === 0) await pause();
  }
  const lines: [DocumentId, number[]][] = [];
  for (const [document, list] of byDocument) {
    for (let at = 0; at < list.length; at += LINE) lines.push([document, list.slice(at, at + LINE)]);
  }
  return { lines, byCode: Object.fromEntries(byCode) };
}

/** The file's first line, up to and with the opening of the codings' array. */
export function headLine(seq: number, grouped: Grouped): string {
  const layout = { lines: grouped.lines.map(([document, list]) => [document, list.length]), byCode: grouped.byCode };
  return `{"format":${BY_DOCUMENT},"seq":${seq},"layout":${JSON.stringify(layout)},"codings":[\n`;
}

// ——— Reading ———

/** Whether these bytes are a file of this layout (its first bytes say so). */
export function isByDocument(bytes: Buffer): boolean {
  const start = `{"format":${BY_DOCUMENT},`;
  return bytes.length > start.length && bytes.toString("latin1", 0, start.length) === start;
}

/**
 * The head and where each line is: a pass for the newlines (memchr, some 20 ms over 200 MB), no
 * parse of the codings. Throws a corrupt-file error naming what is out of place.
 */
function findLines(bytes: Buffer, file: string): Found {
  const headEnd = bytes.indexOf(10);
  if (headEnd < 0) throw corrupt(file, "the first line does not end");
  let head: { seq?: unknown; layout?: { lines?: unknown; byCode?: unknown } };
  try {
    head = JSON.parse(`${bytes.toString("utf8", 0, headEnd)}]}`) as typeof head;
  } catch (error) {
    throw corrupt(file, `the first line: ${error instanceof Error ? error.message : String(error)}`);
  }
  const entries = head.layout?.lines;
  const byCode = head.layout?.byCode;
  if (!Array.isArray(entries) || !byCode || typeof byCode !== "object" || Array.isArray(byCode)) throw corrupt(file, "the first line has no layout of the codings");
  const lines: CodingLines["lines"] = new Array(entries.length);
  let at = headEnd + 1;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as unknown;
    if (!Array.isArray(entry) || typeof entry[0] !== "string" || !Number.isSafeInteger(entry[1]) || (entry[1] as number) < 1) throw corrupt(file, `layout.lines.${i}: not a document and a count`);
    const end = bytes.indexOf(10, at);
    if (end < 0) throw corrupt(file, `the codings end before line ${i + 1} of ${entries.length}`);
    const last = i === entries.length - 1;
    // Every line but the last ends with the array's comma.
    if (!last && bytes[end - 1] !== 0x2c) throw corrupt(file, `the codings' line ${i + 1} does not end with a comma`);
    lines[i] = { document: entry[0] as DocumentId, count: entry[1] as number, start: at, end: last ? end : end - 1 };
    at = end + 1;
  }
  if (bytes.toString("latin1", at, at + 10) !== `],"state":`) throw corrupt(file, "the state does not follow the codings");
  return { seq: head.seq, codings: { bytes, lines, byCode: byCode as Record<string, number> }, stateAt: at + 2 };
}

/**
 * The wrapper of a format-2 file as format 1's JSON.parse gives it ({format, seq, state, crc}, the
 * state's codings still empty) and its lines, which `fillCodings` then parses into the state.
 */
export function readByDocument(bytes: Buffer, file: string, format: number): { json: Record<string, unknown>; codings: CodingLines } {
  const found = findLines(bytes, file);
  let rest: Record<string, unknown>;
  try {
    rest = JSON.parse(`{${bytes.toString("utf8", found.stateAt)}`) as Record<string, unknown>;
  } catch (error) {
    throw corrupt(file, `the state: ${error instanceof Error ? error.message : String(error)}`);
  }
  const state = rest.state as { codings?: unknown } | undefined;
  // The codings are the lines' alone: any in the state's own record would be read from nowhere else.
  if (!state || typeof state !== "object" || !state.codings || typeof state.codings !== "object" || Object.keys(state.codings).length) {
    throw corrupt(file, "state.codings: not the empty record of this layout");
  }
  return { json: { format, seq: found.seq, ...rest }, codings: found.codings };
}

/**
 * One line's codings, parsed: as many as the head says, each with an id. Whether each is of the
 * line's document is the integrity check's to say, as for any coding (so `tandai repair` can mend
 * a hand-edited line); the first screen takes only those that are (documentCodings).
 */
export function lineCodings(codings: CodingLines, index: number, file: string): Coding[] {
  const line = codings.lines[index]!;
  let list: unknown;
  try {
    list = JSON.parse(codings.bytes.toString("utf8", line.start, line.end));
  } catch (error) {
    throw corrupt(file, `the codings' line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(list) || list.length !== line.count) throw corrupt(file, `the codings' line ${index + 1}: not ${line.count} codings`);
  for (let i = 0; i < list.length; i++) {
    const coding = list[i] as Partial<Coding> | null;
    // "__proto__" as a key would set the record's prototype instead of adding a coding.
    if (!coding || typeof coding !== "object" || typeof coding.id !== "string" || coding.id === "__proto__") throw corrupt(file, `the codings' line ${index + 1}, coding ${i + 1}: no id`);
  }
  return list as Coding[];
}

/** The codings of some documents, read from their lines (the first screen's, before the rest are filled in). */
export function documentCodings(codings: CodingLines, documents: ReadonlySet<string>, file: string): Coding[] {
  const out: Coding[] = [];
  codings.lines.forEach((line, i) => {
    if (!documents.has(line.document)) return;
    for (const coding of lineCodings(codings, i, file)) if (coding.documentId === line.document) out.push(coding);
  });
  return out;
}

/** The counts per document and code the head gives (the first screen's, before the lines are parsed). */
export function headCounts(codings: CodingLines): CodingCounts {
  const byDocument = new Map<string, number>();
  for (const line of codings.lines) byDocument.set(line.document, (byDocument.get(line.document) ?? 0) + line.count);
  return { byDocument: Object.fromEntries(byDocument), byCode: { ...codings.byCode } } as CodingCounts;
}

/** What fillCodings found of the codings as it read them. */
export interface Filled {
  /** Every coding is one the schema takes as it is (isCoding). */
  plain: boolean;
  /** When `plain` and the rest of the state was too: the codings' integrity issues (codingIssues), for integritySteps. */
  issues: IntegrityIssue[] | null;
  /** The codings by document (each coding's own) and their counts per code, as read: the backend's CodingsServer starts from them instead of a pass of its own. */
  grouped: CodingsByDocument;
}

export interface CodingsByDocument {
  byDocument: Map<DocumentId, Coding[]>;
  byCode: Record<string, number>;
}

/**
 * Parses every line into `state.codings`, a line a step, and checks the head against them: no
 * coding twice, the counts per code as the head said. Each coding is checked as it is read, while
 * it is at hand: the quick check (isCoding) and, if `restPlain` (the rest of the state passed the
 * quick check, so documents and codes can be looked up), its integrity — instead of two more
 * passes over a million keys after it (1 s here at 1M codings).
 */
export function* fillCodings(state: ProjectState, codings: CodingLines, file: string, restPlain: boolean): Steps<Filled> {
  const all = state.codings as Record<string, Coding>;
  const byCode = new Map<string, number>();
  const byDocument = new Map<DocumentId, Coding[]>();
  const { issues, add } = issueList();
  let plain = true;
  const listOf = (document: DocumentId) => {
    let list = byDocument.get(document);
    if (!list) byDocument.set(document, (list = []));
    return list;
  };
  const shared = restPlain ? sharedStrings(state) : null;
  for (let i = 0; i < codings.lines.length; i++) {
    // A line is one document's: its list looked up once (a hand-edited coding of another goes to its own).
    const line = codings.lines[i]!;
    const lineList = listOf(line.document);
    const list = lineCodings(codings, i, file);
    shared?.(list, line.document);
    for (const coding of list) {
      // A read first (one lookup for an id not yet there, most of them; `hasOwn` alone made two): an id may be a name the prototype has ("constructor").
      if (all[coding.id] !== undefined && Object.hasOwn(all, coding.id)) throw corrupt(file, `codings.${coding.id}: twice`);
      all[coding.id] = coding;
      (coding.documentId === line.document ? lineList : listOf(coding.documentId)).push(coding);
      byCode.set(coding.codeId, (byCode.get(coding.codeId) ?? 0) + 1);
      if (plain && !isCoding(coding)) plain = false;
      if (plain && restPlain) codingIssues(state, coding.id, coding, add);
    }
    yield;
  }
  // A line all of whose codings were another document's (hand-edited) leaves its own list empty: a document without codings has none.
  for (const [document, list] of byDocument) if (!list.length) byDocument.delete(document);
  const said = Object.entries(codings.byCode);
  if (said.length !== byCode.size || said.some(([code, n]) => byCode.get(code) !== n)) throw corrupt(file, "layout.byCode: not the codings' counts");
  return { plain, issues: plain && restPlain ? issues : null, grouped: { byDocument, byCode: Object.fromEntries(byCode) } };
}

/**
 * Makes the codings of a line just parsed share their strings: each document and code id becomes
 * the state's own key for it, a creation time or coder equal to the previous coding's becomes that
 * one's. Only values equal to what they replace, so nothing a check sees changes. Why: JSON.parse
 * shares (internalizes) only strings of at most 10 characters, and an id is 16, so at 1M codings
 * it made two million copies of 200 code and 2,000 document ids, each a string the scavenger copied on
 * its way to the old generation, and each looked up in V8's string table when the integrity check
 * found its document and code by it (a key must be internalized first). Replaced at once, before
 * the next scavenge, the copies die young, and the lookups are of keys already internalized: 4–13 %
 * of the check's CPU with such ids (docs/PERFORMANCE.md, "the first write after a 1M open").
 * Only for a state whose documents and codes passed the quick check (plain records).
 */
function sharedStrings(state: ProjectState): (list: Coding[], document: DocumentId) => void {
  const codes = new Map<string, CodeId>();
  for (const key of Object.keys(state.codes)) codes.set(key, key as CodeId);
  const documents = new Map<string, DocumentId>();
  for (const key of Object.keys(state.documents)) documents.set(key, key as DocumentId);
  let createdAt = "";
  let coder = "";
  return (list, lineDocument) => {
    const document = documents.get(lineDocument);
    for (let i = 0; i < list.length; i++) {
      const coding = list[i]!;
      if (document !== undefined && coding.documentId === lineDocument) coding.documentId = document;
      const code = codes.get(coding.codeId);
      if (code !== undefined) coding.codeId = code;
      // Strings only: a coding without one must not gain the key.
      if (typeof coding.createdAt === "string") {
        if (coding.createdAt === createdAt) coding.createdAt = createdAt;
        else createdAt = coding.createdAt;
      }
      if (typeof coding.coder === "string") {
        if (coding.coder === coder) coding.coder = coder;
        else coder = coding.coder;
      }
    }
  };
}
