/**
 * The compact form of a chunk of codings on the wire (`codingsOf`, issue 13's background load).
 * A million codings as JSON objects are ~166 MB of chunks: each repeats eight key names, its document and
 * code ids, coder and creation time. Serialising, sending and parsing that was
 * a large part of the background load at 1M codings. Here a chunk is columns instead: the ids, small tables of the
 * documents, codes, coders and creation times it refers to, and seven numbers per coding that
 * point into them (about a quarter of the bytes: 43 MB instead of 166 MB at 1M codings). The
 * decoded codings share their strings, so the renderer holds one copy of each document id, code
 * id, coder and timestamp, not one per coding.
 * Pure: the same code encodes in the backend and decodes in the renderer (and in tests).
 */
import type { CodeId, CodingId, DocumentId, TextOffset } from "../model/ids.js";
import { STANCES, type Coding, type Stance } from "../model/project.js";

/** Numbers per coding in `fields`, in this order. */
const FIELDS = 7;
const [DOCUMENT, CODE, START, END, CODER, STANCE, CREATED] = [0, 1, 2, 3, 4, 5, 6];
/** The keys of a coding that fits the columns: exactly these. */
const KEYS = 8;

export interface CodingColumns {
  /** The codings' ids, in the chunk's order (those in `odd` left out). */
  ids: CodingId[];
  /** What the codings refer to, each value once. */
  documents: DocumentId[];
  codes: CodeId[];
  coders: string[];
  createdAts: string[];
  /**
   * FIELDS numbers per id: its document, code, coder and creation time as indexes into the tables,
   * start and end as they are, and its stance as an index into STANCES.
   */
  fields: number[];
  /**
   * Codings that do not fit the columns (a key more or less, a field of another type, an offset that
   * is not a whole number), whole, each with its place in the chunk: carried as they are rather than
   * changed on the way. Absent when there are none.
   */
  odd?: [number, Coding][];
}

/** A number JSON and structured clone carry exactly (JSON turns -0 into 0, NaN into null). */
const exactOffset = (n: unknown): n is number => Number.isInteger(n) && !Object.is(n, -0);

/** The coding's stance's index in STANCES, or -1 when it does not fit the columns. */
function fits(coding: Coding): number {
  // Codings are plain objects (JSON, zod): every enumerable key is their own, and counting them
  // with for…in is the cheapest way to find one more or less (Object.keys would allocate).
  let keys = 0;
  for (const _key in coding) keys++;
  if (keys !== KEYS) return -1;
  const { id, documentId, codeId, coder, createdAt, start, end } = coding;
  if (typeof id !== "string" || typeof documentId !== "string" || typeof codeId !== "string" || typeof coder !== "string" || typeof createdAt !== "string") return -1;
  if (!exactOffset(start) || !exactOffset(end)) return -1;
  return STANCES.indexOf(coding.stance);
}

/**
 * Numbers each distinct value in the order first seen. The value just numbered is remembered: a
 * chunk holds each document's codings together, and one coder's and one batch's run on.
 */
class Table<T extends string> {
  readonly values: T[] = [];
  private readonly at = new Map<T, number>();
  private last: T | undefined;
  private lastAt = -1;
  indexOf(value: T): number {
    if (value === this.last) return this.lastAt;
    let n = this.at.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.at.set(value, n);
      this.values.push(value);
    }
    this.last = value;
    this.lastAt = n;
    return n;
  }
}

export function encodeCodings(codings: readonly Coding[]): CodingColumns {
  const ids = new Array<CodingId>(codings.length);
  const documents = new Table<DocumentId>();
  const codes = new Table<CodeId>();
  const coders = new Table<string>();
  const createdAts = new Table<string>();
  // Sized once (growing it by pushes was a third of encoding 1M codings, most of it the collector's).
  const fields = new Array<number>(codings.length * FIELDS);
  const odd: [number, Coding][] = [];
  let f = 0;
  for (let i = 0; i < codings.length; i++) {
    const coding = codings[i]!;
    const stance = fits(coding);
    if (stance < 0) {
      odd.push([i, coding]);
      continue;
    }
    ids[f / FIELDS] = coding.id;
    fields[f + DOCUMENT] = documents.indexOf(coding.documentId);
    fields[f + CODE] = codes.indexOf(coding.codeId);
    fields[f + START] = coding.start;
    fields[f + END] = coding.end;
    fields[f + CODER] = coders.indexOf(coding.coder);
    fields[f + STANCE] = stance;
    fields[f + CREATED] = createdAts.indexOf(coding.createdAt);
    f += FIELDS;
  }
  fields.length = f;
  ids.length = f / FIELDS;
  const columns: CodingColumns = { ids, documents: documents.values, codes: codes.values, coders: coders.values, createdAts: createdAts.values, fields };
  if (odd.length) columns.odd = odd;
  return columns;
}

/** How many codings the columns hold. */
export const codingsIn = (columns: CodingColumns): number => columns.ids.length + (columns.odd?.length ?? 0);

/**
 * The codings, in the order they were encoded. Throws, naming the field, on columns that do not
 * hold together (a table index out of range, a field count that does not match the ids), rather
 * than hand on codings with holes in them.
 */
export function decodeCodings(columns: CodingColumns): Coding[] {
  const { ids, documents, codes, coders, createdAts, fields } = columns;
  const odd = columns.odd ?? [];
  if (!Array.isArray(ids) || !Array.isArray(fields) || fields.length !== ids.length * FIELDS) throw new Error(`codingsOf: fields holds ${fields?.length} numbers for ${ids?.length} ids (${FIELDS} each)`);
  const table = <T>(values: T[], n: number, name: string, i: number): T => {
    const value = values[n];
    if (value === undefined) throw new Error(`codingsOf: coding ${ids[i]} refers to ${name}[${n}], which the chunk does not have`);
    return value;
  };
  const out: Coding[] = [];
  let nextOdd = 0;
  for (let i = 0; i < ids.length; i++) {
    while (nextOdd < odd.length && odd[nextOdd]![0] <= out.length) out.push(odd[nextOdd++]![1]);
    const f = i * FIELDS;
    out.push({
      id: ids[i]!,
      documentId: table(documents, fields[f + DOCUMENT]!, "documents", i),
      codeId: table(codes, fields[f + CODE]!, "codes", i),
      start: fields[f + START]! as TextOffset,
      end: fields[f + END]! as TextOffset,
      coder: table(coders, fields[f + CODER]!, "coders", i),
      stance: table(STANCES as readonly Stance[] as Stance[], fields[f + STANCE]!, "stances", i),
      createdAt: table(createdAts, fields[f + CREATED]!, "createdAts", i),
    });
  }
  while (nextOdd < odd.length) out.push(odd[nextOdd++]![1]);
  return out;
}
