import { z } from "zod";
import { lazySchema } from "./lazySchema.js";
import { Framework, IndicatorId, StoredOverride } from "../frameworks/model.js";
import { AttributeId, CaseId, CodeId, CodingId, DocumentGroupId, DocumentId, ProjectId, TextOffset } from "./ids.js";

export const ATTRIBUTE_TYPES = ["text", "number", "date", "choice"] as const;
export const AttributeType = lazySchema(() => z.enum(ATTRIBUTE_TYPES));
export type AttributeType = z.infer<typeof AttributeType>;

export const AttributeTarget = lazySchema(() => z.enum(["document", "case"]));
export type AttributeTarget = z.infer<typeof AttributeTarget>;

export const AttributeName = lazySchema(() => z.string().trim().min(1).max(200));
export const AttributeChoices = lazySchema(() => z.array(z.string().trim().min(1).max(200)).max(200));

/**
 * A typed property the researcher gives documents or cases (partner country, year signed, source
 * type). Values live on the documents and cases themselves, keyed by the attribute's id.
 */
export const AttributeDefinition = lazySchema(() => z.object({
  id: AttributeId,
  name: AttributeName,
  appliesTo: AttributeTarget,
  type: AttributeType,
  /** The allowed values of a choice attribute, in display order. */
  choices: AttributeChoices.optional(),
  /** "sourceType": the document attribute triangulation reads (interview, official document, literature). */
  role: z.enum(["sourceType"]).optional(),
  createdAt: z.string().optional(),
}));
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

/** A text, choice or ISO date (`YYYY-MM-DD`) is a string; a number is a finite number. */
export const AttributeValue = lazySchema(() => z.union([z.string().max(5000), z.number()]));
export type AttributeValue = z.infer<typeof AttributeValue>;

/** Values by attribute id; optional on entities, so files written before attributes still validate. */
export const AttributeValues = lazySchema(() => z.record(z.string(), AttributeValue));
export type AttributeValues = Record<AttributeId, AttributeValue>;

/** The version of the project file format this build reads and writes. */
export const PROJECT_FORMAT = 1;

export const DocumentKind = lazySchema(() => z.enum(["txt", "md", "docx", "pdf"]));
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A paragraph or heading: a range of the document's text, with the PDF page it stands on. */
export const Block = lazySchema(() => z.object({
  start: TextOffset,
  end: TextOffset,
  kind: z.enum(["paragraph", "heading"]),
  level: z.number().int().min(1).max(6).optional(),
  page: z.number().int().positive().optional(),
}));
export type Block = z.infer<typeof Block>;

/**
 * The immutable body of a document, written once at import into its own file.
 * `text` is verbatim; blocks are ordered, non-overlapping ranges of it.
 */
export const DocumentContent = lazySchema(() => z.object({
  text: z.string(),
  blocks: z.array(Block),
}));
export type DocumentContent = z.infer<typeof DocumentContent>;

export const DocumentMeta = lazySchema(() => z.object({
  id: DocumentId,
  title: z.string().min(1),
  kind: DocumentKind,
  sourceName: z.string(),
  importedAt: z.string(),
  length: z.number().int().nonnegative(),
  blockCount: z.number().int().nonnegative(),
  pageCount: z.number().int().nonnegative().nullable(),
  /** How the bytes were decoded (txt/md), for the record. */
  encoding: z.string().optional(),
  attributes: AttributeValues.optional(),
  /** Position in the document list, set when the researcher reorders it; unset sorts after, by title. */
  order: z.number().optional(),
}));
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A coding shortcut: the digit keys 1–9. */
export const CodeKey = lazySchema(() => z.number().int().min(1).max(9));
export type CodeKey = z.infer<typeof CodeKey>;

export const CodeDescription = lazySchema(() => z.object({
  definition: z.string(),
  whenToUse: z.string(),
  whenNotToUse: z.string(),
}));
export type CodeDescription = z.infer<typeof CodeDescription>;

export const Code = lazySchema(() => z.object({
  id: CodeId,
  name: z.string().min(1).max(200),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  parentId: CodeId.nullable(),
  /** Position among its siblings; fractional so a move touches one code only. */
  order: z.number(),
  description: CodeDescription,
  createdAt: z.string(),
  /**
   * The framework indicator this code is evidence for. It may outlive its framework (removing a
   * framework keeps the researcher's codes and their links, so adding it again picks them up).
   */
  indicatorId: IndicatorId.optional(),
  /** The key 1–9 the researcher pinned this code to; it keeps it whatever is added, moved or merged. */
  key: CodeKey.optional(),
  /** false: a group of codes that cannot be applied itself (REFI-QDA `isCodable="false"`); unset: codable. */
  codable: z.literal(false).optional(),
}));
export type Code = z.infer<typeof Code>;

export const STANCES = ["supports", "contradicts"] as const;
export const Stance = lazySchema(() => z.enum(STANCES));
export type Stance = z.infer<typeof Stance>;

/** Standoff annotation: a code applied to [start, end) of a document's text. */
export const Coding = lazySchema(() => z.object({
  id: CodingId,
  documentId: DocumentId,
  codeId: CodeId,
  start: TextOffset,
  end: TextOffset,
  coder: z.string(),
  stance: Stance,
  createdAt: z.string(),
}));
export type Coding = z.infer<typeof Coding>;

export const MemoTarget = lazySchema(() => z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("project") }),
  z.object({ kind: z.literal("document"), id: DocumentId }),
  z.object({ kind: z.literal("code"), id: CodeId }),
  z.object({ kind: z.literal("coding"), id: CodingId }),
]));
export type MemoTarget = z.infer<typeof MemoTarget>;

export const Memo = lazySchema(() => z.object({
  target: MemoTarget,
  /** Tiptap JSON of the memo. */
  content: z.unknown(),
  /** The memo as plain text, for search and export. */
  text: z.string(),
  updatedAt: z.string(),
}));
export type Memo = z.infer<typeof Memo>;

export function memoKey(target: MemoTarget): string {
  return target.kind === "project" ? "project" : `${target.kind}:${target.id}`;
}

/** The unit of analysis (e.g. "Padang – Ba Ria-Vung Tau"): a named set of documents. */
export const Case = lazySchema(() => z.object({
  id: CaseId,
  name: z.string().trim().min(1).max(200),
  documentIds: z.array(DocumentId),
  createdAt: z.string(),
  attributes: AttributeValues.optional(),
}));
export type Case = z.infer<typeof Case>;

/** A named set of documents ("Wawancara", "Dokumen resmi"); a document may be in several. */
export const DocumentGroup = lazySchema(() => z.object({
  id: DocumentGroupId,
  name: z.string().trim().min(1).max(200),
  documentIds: z.array(DocumentId),
  createdAt: z.string(),
}));
export type DocumentGroup = z.infer<typeof DocumentGroup>;

export const ProjectState = lazySchema(() => z.object({
  format: z.literal(PROJECT_FORMAT),
  id: ProjectId,
  name: z.string().min(1),
  createdAt: z.string(),
  documents: z.record(z.string(), DocumentMeta),
  codes: z.record(z.string(), Code),
  codings: z.record(z.string(), Coding),
  memos: z.record(z.string(), Memo),
  cases: z.record(z.string(), Case),
  // Defaults, so that a project written before frameworks existed still opens as format 1.
  frameworks: z.record(z.string(), Framework).default({}),
  /** Keyed `overrideKey(caseId, indicatorId)`. */
  overrides: z.record(z.string(), StoredOverride).default({}),
  // Default, so that a project written before attributes existed still opens as format 1.
  attributes: z.record(z.string(), AttributeDefinition).default({}),
  // Default, so that a project written before document groups existed still opens as format 1.
  documentGroups: z.record(z.string(), DocumentGroup).default({}),
}));
export type ProjectState = {
  format: typeof PROJECT_FORMAT;
  id: ProjectId;
  name: string;
  createdAt: string;
  documents: Record<DocumentId, DocumentMeta>;
  codes: Record<CodeId, Code>;
  codings: Record<CodingId, Coding>;
  memos: Record<string, Memo>;
  cases: Record<CaseId, Case>;
  frameworks: Record<string, Framework>;
  overrides: Record<string, StoredOverride>;
  attributes: Record<AttributeId, AttributeDefinition>;
  documentGroups: Record<DocumentGroupId, DocumentGroup>;
};

export function emptyProject(id: ProjectId, name: string, now: string): ProjectState {
  return { format: PROJECT_FORMAT, id, name, createdAt: now, documents: {}, codes: {}, codings: {}, memos: {}, cases: {}, frameworks: {}, overrides: {}, attributes: {}, documentGroups: {} };
}
