import { resolveIndicatorCode } from "../codebook/indicatorCode.js";
import { resolveCodePath } from "../codebook/resolvePath.js";
import { findDocument } from "../documents/findDocument.js";
import { TandaiError } from "../errors.js";
import { LANGUAGES } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import { newCodingId, offset, type CodeId, type DocumentId } from "../model/ids.js";
import { Stance, type Coding, type DocumentMeta, type ProjectState } from "../model/project.js";
import { applyOperation } from "../ops/apply.js";
import type { Operation } from "../ops/operation.js";
import type { CodingRow } from "./parse.js";

export interface RowError {
  row: number;
  error: TandaiError;
}

export interface CodingPlan {
  /** One batch's worth: the codes to create first, then each coding (and its memo). */
  ops: Operation[];
  codings: number;
  /** Paths of the codes the rows name that did not exist yet. */
  created: string[];
  errors: RowError[];
}

const fold = (text: string) => text.trim().toLocaleLowerCase();

/** "supports"/"contradicts" or the stance as either language names it (the export writes it translated). */
function stances(): Map<string, Stance> {
  const names = new Map<string, Stance>();
  for (const stance of Stance.options) {
    names.set(stance, stance);
    for (const language of LANGUAGES) names.set(fold(translate(language, `app.stance.${stance}`)), stance);
  }
  return names;
}

/** A memo's plain text as the Tiptap document the memo editor keeps: one paragraph per line. */
function memoDocument(text: string): unknown {
  return { type: "doc", content: text.split(/\r?\n/).map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })) };
}

/** The first `occurrence` of `quote`, found without scanning the rest of the text (100k rows). */
function quoteAt(text: string, quote: string, occurrence: number, title: string): number | TandaiError {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) {
      const count = n;
      return count === 0 ? new TandaiError("errors.quote.notFound", { quote, document: title }) : new TandaiError("errors.quote.occurrence", { quote, document: title, count, occurrence });
    }
  }
  return at;
}

const WHOLE = /^\d+$/;

/**
 * Plans every row as one batch of operations (applied by the store as one durable change, one undo
 * step), or says per row what is wrong. Each document, code and stance is resolved once, however many
 * rows name it. `textOf` gives the text of any document the rows name (see `documentsNamed`).
 */
export function planCodings(state: ProjectState, rows: readonly CodingRow[], textOf: (id: DocumentId) => string, defaults: { coder: string; now: string }): CodingPlan {
  const errors: RowError[] = [];
  const ops: Operation[] = [];
  // The codes rows create are applied to a copy of the codebook, so later rows find them.
  const working: ProjectState = { ...state, codes: { ...state.codes } };
  const created: string[] = [];
  const codeOf = new Map<string, CodeId | TandaiError>();
  const documentOf = documentResolver(state);
  const stanceOf = stances();
  let codings = 0;
  for (const { row, fields } of rows) {
    try {
      if (!fields.doc) throw new TandaiError("codeFrom.errors.emptyField", { field: "doc" });
      if (!fields.code) throw new TandaiError("codeFrom.errors.emptyField", { field: "code" });
      const doc = documentOf(fields.doc);
      if (doc instanceof TandaiError) throw doc;
      const text = textOf(doc.id);
      let start: number;
      let end: number;
      if (fields.start !== undefined || fields.end !== undefined) {
        if (!WHOLE.test(fields.start ?? "") || !WHOLE.test(fields.end ?? "")) throw new TandaiError("codeFrom.errors.badOffsets", { start: fields.start ?? "", end: fields.end ?? "" });
        start = Number(fields.start);
        end = Number(fields.end);
        if (start >= end || end > text.length) throw new TandaiError("codeFrom.errors.offsetsOutside", { start, end, document: doc.title, count: text.length });
      } else {
        if (!fields.quote) throw new TandaiError("codeFrom.errors.emptyField", { field: "quote" });
        const occurrence = Number(fields.occurrence ?? "1");
        if (!Number.isInteger(occurrence) || occurrence < 1) throw new TandaiError("codeFrom.errors.badOccurrence", { value: fields.occurrence ?? "" });
        const at = quoteAt(text, fields.quote, occurrence, doc.title);
        if (at instanceof TandaiError) throw at;
        start = at;
        end = at + fields.quote.length;
      }
      const stance = fields.stance === undefined ? "supports" : stanceOf.get(fold(fields.stance));
      if (!stance) throw new TandaiError("codeFrom.errors.badStance", { value: fields.stance! });
      const createdAt = fields.created ?? defaults.now;
      if (fields.created !== undefined && Number.isNaN(Date.parse(fields.created))) throw new TandaiError("codeFrom.errors.badDate", { value: fields.created });
      let codeId = codeOf.get(fields.code);
      if (codeId === undefined) {
        codeId = resolveCode(working, fields.code, defaults.now, ops, created);
        codeOf.set(fields.code, codeId);
      }
      if (codeId instanceof TandaiError) throw codeId;
      const coding: Coding = { id: newCodingId(), documentId: doc.id, codeId, start: offset(start), end: offset(end), coder: fields.coder ?? defaults.coder, stance, createdAt };
      ops.push({ type: "addCoding", coding });
      if (fields.memo) ops.push({ type: "setMemo", target: { kind: "coding", id: coding.id }, content: memoDocument(fields.memo), text: fields.memo });
      codings++;
    } catch (error) {
      if (!(error instanceof TandaiError)) throw error;
      errors.push({ row, error });
    }
  }
  return { ops, codings, created, errors };
}

/** A code named by indicator id or path; a new path's codes are planned, added to `ops` and to `working`. */
function resolveCode(working: ProjectState, text: string, now: string, ops: Operation[], created: string[]): CodeId | TandaiError {
  try {
    const linked = resolveIndicatorCode(working, text);
    if (linked) return linked;
    const plan = resolveCodePath(working, text, now);
    for (const op of plan.create) applyOperation(working, op, now);
    ops.push(...plan.create);
    created.push(...plan.created);
    return plan.codeId;
  } catch (error) {
    if (error instanceof TandaiError) return error;
    throw error;
  }
}

/** Documents by the name a row gives (id or title), each name looked up once. */
function documentResolver(state: ProjectState): (name: string) => DocumentMeta | TandaiError {
  const cache = new Map<string, DocumentMeta | TandaiError>();
  return (name) => {
    let found = cache.get(name);
    if (found === undefined) {
      try {
        found = findDocument(state, name);
      } catch (error) {
        if (!(error instanceof TandaiError)) throw error;
        found = error;
      }
      cache.set(name, found);
    }
    return found;
  };
}

/** The documents the rows name (those that exist), so the caller can read their texts first. */
export function documentsNamed(state: ProjectState, rows: readonly CodingRow[]): DocumentId[] {
  const documentOf = documentResolver(state);
  const ids = new Set<DocumentId>();
  for (const { fields } of rows) {
    const doc = fields.doc ? documentOf(fields.doc) : null;
    if (doc && !(doc instanceof TandaiError)) ids.add(doc.id);
  }
  return [...ids];
}
