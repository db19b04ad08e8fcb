import { flattenCodebook } from "../codebook/tree.js";
import { TandaiError } from "../errors.js";
import type { CodeId, CodingId, DocumentId } from "../model/ids.js";
import type { Coding, DocumentContent, ProjectState } from "../model/project.js";
import { cohenKappa, krippendorffAlpha, pairableWeight, percentAgreement, type RatedUnit, type Rating } from "./coefficients.js";
import { visitPieces, type Mark } from "./pieces.js";
import { unitRanges, type AgreementUnit, type TextRange } from "./units.js";

export interface AgreementRequest {
  coders: readonly string[];
  unit: AgreementUnit;
  /** The codes to compare; empty: every code the coders applied in the documents compared. */
  codeIds: readonly CodeId[];
  /** A parent code whose children are the values of one nominal variable. */
  categories: CodeId | null;
  /** The documents to compare; empty: every document all the coders coded. */
  documentIds: readonly DocumentId[];
  /** Leave out units no coder coded with any of the codes compared. */
  excludeUncoded: boolean;
}

export interface AgreementStats {
  /** Pairable units (for the character unit: characters). */
  units: number;
  percentAgreement: number | null;
  /** Cohen's kappa, present for two coders only. */
  kappa?: number | null;
  alpha: number | null;
}

/** A passage where coders differ: what each applied there (code ids, or the category chosen). */
export interface Disagreement {
  documentId: DocumentId;
  start: number;
  end: number;
  codeId: CodeId;
  /** For each coder (in the request's order), the codings of `codeId` (or of a category) covering the passage. */
  codings: CodingId[][];
}

export interface AgreementReport {
  coders: string[];
  unit: AgreementUnit;
  excludeUncoded: boolean;
  categories: CodeId | null;
  documentIds: DocumentId[];
  /** Documents asked for (or in the project) that not every coder coded, so left out. */
  skippedDocumentIds: DocumentId[];
  overall: AgreementStats;
  codes: (AgreementStats & { codeId: CodeId })[];
  /** Units on which one coder applied two categories of `categories` (counted as missing). */
  conflicts: number;
  disagreements: Disagreement[];
}

const MAX_DISAGREEMENTS = 2000;

/** Reliability data kept as distinct value patterns with their total weight, so a million characters is a handful of units. */
class Patterns {
  private readonly byKey = new Map<string, { values: Rating[]; weight: number }>();
  add(values: Rating[], weight: number) {
    if (weight <= 0) return;
    const key = values.join(",");
    const found = this.byKey.get(key);
    if (found) found.weight += weight;
    else this.byKey.set(key, { values, weight });
  }
  addAll(other: Patterns) {
    for (const p of other.units()) this.add([...p.values], p.weight);
  }
  units(): RatedUnit[] {
    return [...this.byKey.values()];
  }
}

function stats(patterns: Patterns, coders: number): AgreementStats {
  const units = patterns.units();
  return {
    units: pairableWeight(units),
    percentAgreement: percentAgreement(units),
    ...(coders === 2 ? { kappa: cohenKappa(units) } : {}),
    alpha: krippendorffAlpha(units),
  };
}

/** The coders' names that occur in the project, for an error that lists them. */
export function codersOf(state: ProjectState): string[] {
  return [...new Set(Object.values(state.codings).map((c) => c.coder))].sort();
}

/** The codes in `ids`, in the codebook's display order. */
function codebookOrder(state: ProjectState, ids: ReadonlySet<CodeId>): CodeId[] {
  return flattenCodebook(state).map(({ code }) => code.id).filter((id) => ids.has(id));
}

/** Codings of the given coders by document. */
function codingsByDocument(state: ProjectState, coders: ReadonlySet<string>): Map<DocumentId, Coding[]> {
  const byDocument = new Map<DocumentId, Coding[]>();
  for (const coding of Object.values(state.codings)) {
    if (!coders.has(coding.coder)) continue;
    let list = byDocument.get(coding.documentId);
    if (!list) byDocument.set(coding.documentId, (list = []));
    list.push(coding);
  }
  return byDocument;
}

/**
 * The coders (distinct, checked to exist) and the documents an agreement report compares: those
 * asked for (all when none) that every coder coded; the rest are `skippedDocumentIds`. Lets a
 * caller read only the documents compared.
 */
export function comparedDocuments(state: ProjectState, request: Pick<AgreementRequest, "coders" | "documentIds">): { coders: string[]; documentIds: DocumentId[]; skippedDocumentIds: DocumentId[] } {
  const coders = [...new Set(request.coders)];
  if (coders.length < 2) throw new TandaiError("agreement.errors.twoCoders", { coders: coders.join(", ") || "–" });
  const known = codersOf(state);
  for (const coder of coders) if (!known.includes(coder)) throw new TandaiError("agreement.errors.unknownCoder", { coder, valid: known.join(", ") || "–" });
  const byDocument = codingsByDocument(state, new Set(coders));
  const asked = request.documentIds.length ? [...new Set(request.documentIds)] : (Object.keys(state.documents) as DocumentId[]);
  const codedByAll = (id: DocumentId) => new Set((byDocument.get(id) ?? []).map((c) => c.coder)).size === coders.length;
  return { coders, documentIds: asked.filter(codedByAll), skippedDocumentIds: asked.filter((id) => !codedByAll(id)) };
}

/**
 * Intercoder agreement between two or more coders over the documents they all coded: per code
 * (present or absent per unit per coder) or, with `categories`, one nominal variable whose values
 * are that code's children. Pure: the caller reads the compared documents' content.
 */
export function agreementReport(state: ProjectState, contents: ReadonlyMap<DocumentId, DocumentContent>, request: AgreementRequest): AgreementReport {
  const { coders, documentIds, skippedDocumentIds } = comparedDocuments(state, request);
  const coderIndex = new Map(coders.map((c, i) => [c, i]));
  const byDocument = codingsByDocument(state, new Set(coders));

  const children = request.categories ? Object.values(state.codes).filter((c) => c.parentId === request.categories).sort((a, b) => a.order - b.order).map((c) => c.id) : [];
  const codeIds: CodeId[] = request.categories
    ? children
    : request.codeIds.length
      ? [...new Set(request.codeIds)]
      : codebookOrder(state, new Set(documentIds.flatMap((id) => byDocument.get(id)!.map((c) => c.codeId))));
  const codeSet = new Set(codeIds);

  const perCode = new Map(codeIds.map((id) => [id, new Patterns()]));
  const touched = new Map(codeIds.map((id) => [id, 0]));
  const categories = new Patterns();
  const disagreements: Disagreement[] = [];
  let conflicts = 0;
  let included = 0;

  for (const documentId of documentIds) {
    const content = contents.get(documentId);
    if (!content) throw new TandaiError("agreement.errors.noContent", { document: state.documents[documentId]?.title ?? documentId });
    const ranges: TextRange[] | null = request.unit === "character" ? null : unitRanges(content, request.unit);
    const codings = byDocument.get(documentId)!.filter((c) => codeSet.has(c.codeId));
    const mark = (c: Coding, value: number): Mark => ({ start: c.start, end: c.end, coder: coderIndex.get(c.coder)!, value });

    // How much of the document counts: all of it, or (excluding uncoded) what some coder coded with a compared code.
    if (!request.excludeUncoded) included += ranges ? ranges.length : content.text.length;
    else visitPieces(codings.map((c) => mark(c, 0)), coders.length, 1, ranges, (p) => (included += p.weight));

    if (request.categories) {
      const valueOf = new Map(children.map((id, i) => [id, i]));
      visitPieces(codings.map((c) => mark(c, valueOf.get(c.codeId)!)), coders.length, children.length, ranges, (p) => {
        const values: Rating[] = coders.map((_, coder) => {
          let found: Rating = null;
          for (let v = 0; v < children.length; v++) {
            if (p.active[coder * children.length + v]! === 0) continue;
            if (found !== null) {
              conflicts += p.weight;
              return null;
            }
            found = v;
          }
          return found;
        });
        categories.add(values, p.weight);
        const given = values.filter((v) => v !== null);
        if (given.length > 0 && (given.length < coders.length || new Set(given).size > 1)) {
          const which = values.find((v) => v !== null)!;
          record(disagreements, documentId, p.start, p.end, children[which]!, codings, coders);
        }
      });
      continue;
    }
    const byCode = new Map<CodeId, Coding[]>();
    for (const c of codings) {
      let list = byCode.get(c.codeId);
      if (!list) byCode.set(c.codeId, (list = []));
      list.push(c);
    }
    for (const [codeId, list] of byCode) {
      const patterns = perCode.get(codeId)!;
      visitPieces(list.map((c) => mark(c, 0)), coders.length, 1, ranges, (p) => {
        const values: Rating[] = coders.map((_, coder) => (p.active[coder]! > 0 ? 1 : 0));
        patterns.add(values, p.weight);
        touched.set(codeId, touched.get(codeId)! + p.weight);
        if (values.includes(0)) record(disagreements, documentId, p.start, p.end, codeId, list, coders);
      });
    }
  }

  const absent = coders.map(() => 0);
  const overall = new Patterns();
  const codes = codeIds.map((codeId) => {
    const patterns = perCode.get(codeId)!;
    patterns.add([...absent], included - touched.get(codeId)!);
    overall.addAll(patterns);
    return { codeId, ...stats(patterns, coders.length) };
  });
  return {
    coders,
    unit: request.unit,
    excludeUncoded: request.excludeUncoded,
    categories: request.categories,
    documentIds,
    skippedDocumentIds,
    overall: stats(request.categories ? categories : overall, coders.length),
    codes: request.categories ? [] : codes,
    conflicts,
    disagreements,
  };
}

/** Notes a disagreement passage with each coder's codings over it (adjacent runs of one code merge). */
function record(out: Disagreement[], documentId: DocumentId, start: number, end: number, codeId: CodeId, codings: readonly Coding[], coders: readonly string[]) {
  const last = out[out.length - 1];
  const adjacent = last !== undefined && last.documentId === documentId && last.codeId === codeId && last.end === start;
  if (!adjacent && out.length >= MAX_DISAGREEMENTS) return;
  const over = coders.map((coder) => codings.filter((c) => c.coder === coder && c.start < end && c.end > start).map((c) => c.id));
  if (adjacent && JSON.stringify(last.codings) === JSON.stringify(over)) {
    last!.end = end;
    return;
  }
  if (out.length < MAX_DISAGREEMENTS) out.push({ documentId, start, end, codeId, codings: over });
}
