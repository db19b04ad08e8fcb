import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import { CaseId, CodeId, CodingId, DocumentGroupId, DocumentId } from "../model/ids.js";
import { isIdList, isInt, isObject, isTrimmed, keys, onlyKeys } from "../model/plain.js";
import type { Location } from "../text/blocks.js";
import { SEARCH_LANGUAGES } from "./stemmers.js";

/** The search request's bounds, for its schema and its quick check alike (searchRequestFrom). */
const SEARCH_LIMITS = { query: 2000, documentIds: 5000, caseIds: 1000, groupIds: 1000, codeIds: 1000, speaker: 100, limit: 1_000_000 } as const;

/**
 * What a search covers: documents (chosen ones, those of chosen cases and of chosen document groups;
 * none chosen: all), and
 * within them all text, only passages coded with some codes, or only text outside any coding.
 */
export const SearchScope = lazySchema(() => z
  .object({
    documentIds: z.array(DocumentId).max(SEARCH_LIMITS.documentIds).default([]),
    caseIds: z.array(CaseId).max(SEARCH_LIMITS.caseIds).default([]),
    groupIds: z.array(DocumentGroupId).max(SEARCH_LIMITS.groupIds).default([]),
    /** Only within passages coded with one of these codes (or codes nested under them). */
    codeIds: z.array(CodeId).max(SEARCH_LIMITS.codeIds).default([]),
    /** Only text no coding covers. */
    uncoded: z.boolean().default(false),
    /** Only turns of this speaker ("Narasumber", "Informan 1"), compared without case and accents. */
    speaker: z.string().trim().max(SEARCH_LIMITS.speaker).optional(),
  })
  .strict());
export type SearchScope = z.output<typeof SearchScope>;
export type SearchScopeInput = z.input<typeof SearchScope>;

export const SEARCH_SORTS = ["document", "after", "before"] as const;

export const SearchOptions = lazySchema(() => z
  .object({
    /** Match single words by stem (Indonesian or English, by the document's language). */
    stem: z.boolean().default(true),
    /** The query is a JavaScript regular expression over the verbatim text. */
    regex: z.boolean().default(false),
    /** Regular expressions only: distinguish upper and lower case (words always ignore both). */
    matchCase: z.boolean().default(false),
  })
  .strict());
export type SearchOptions = z.output<typeof SearchOptions>;

export const SearchRequest = lazySchema(() => z
  .object({
    query: z.string().max(SEARCH_LIMITS.query),
    options: SearchOptions.default({ stem: true, regex: false, matchCase: false }),
    scope: SearchScope.default({ documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false }),
    sort: z.enum(SEARCH_SORTS).default("document"),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(SEARCH_LIMITS.limit).default(200),
  })
  .strict());
export type SearchRequest = z.output<typeof SearchRequest>;
export type SearchRequestInput = z.input<typeof SearchRequest>;

/**
 * `input` as SearchRequest.parse returns it. A request with every field given, of its type and
 * within its bounds (as the CLI builds them) is returned as it is, with the offset's default, and
 * zod is not loaded: loading it and building this schema was ≈ 17 ms of a one-shot `tandai
 * search`'s ≈ 76 ms of CPU. Anything else goes through the schema (its refusal names the field).
 */
export function searchRequestFrom(input: SearchRequestInput): SearchRequest {
  return isPlainSearchRequest(input) ? { ...input, offset: input.offset ?? 0 } : SearchRequest.parse(input);
}

const REQUEST = keys("query", "options", "scope", "sort", "offset", "limit");
const OPTIONS = keys("stem", "regex", "matchCase");
const SCOPE = keys("documentIds", "caseIds", "groupIds", "codeIds", "uncoded", "speaker");
const idsUpTo = (v: unknown, max: number) => isIdList(v) && (v as unknown[]).length <= max;

/** Whether `input` is a request searchRequestFrom returns without the schema (exported for its test). */
export function isPlainSearchRequest(input: SearchRequestInput): input is SearchRequest {
  const r = input as Record<string, unknown>;
  if (!onlyKeys(r, REQUEST) || typeof r.query !== "string" || r.query.length > SEARCH_LIMITS.query) return false;
  const o = r.options;
  if (!isObject(o) || !onlyKeys(o, OPTIONS) || typeof o.stem !== "boolean" || typeof o.regex !== "boolean" || typeof o.matchCase !== "boolean") return false;
  const c = r.scope;
  if (!isObject(c) || !onlyKeys(c, SCOPE) || typeof c.uncoded !== "boolean") return false;
  if (!idsUpTo(c.documentIds, SEARCH_LIMITS.documentIds) || !idsUpTo(c.caseIds, SEARCH_LIMITS.caseIds) || !idsUpTo(c.groupIds, SEARCH_LIMITS.groupIds) || !idsUpTo(c.codeIds, SEARCH_LIMITS.codeIds)) return false;
  if ("speaker" in c && !isTrimmed(c.speaker, 0, SEARCH_LIMITS.speaker)) return false;
  if (!(SEARCH_SORTS as readonly unknown[]).includes(r.sort)) return false;
  return (r.offset === undefined || isInt(r.offset, 0, Number.MAX_SAFE_INTEGER)) && isInt(r.limit, 1, SEARCH_LIMITS.limit);
}

/** One hit as keyword-in-context: the matched text with a line of its paragraph either side. */
export interface SearchHit {
  documentId: DocumentId;
  document: string;
  start: number;
  end: number;
  text: string;
  before: string;
  after: string;
  location: Location;
  speaker: string | null;
  /** Codes of the codings that overlap the hit. */
  codeIds: CodeId[];
}

export interface DocumentCount {
  documentId: DocumentId;
  document: string;
  count: number;
}

export interface SearchResult {
  total: number;
  offset: number;
  hits: SearchHit[];
  perDocument: DocumentCount[];
  /** Documents searched (after the scope). */
  documents: number;
  /** A regular expression matched more often than anyone reads; the hits stop there. */
  truncated?: boolean;
  /** The speakers found in the searched documents' turns, to offer for the speaker scope. */
  speakers: string[];
}

export const AUTOCODE_UNITS = ["word", "sentence", "paragraph", "turn"] as const;
export type AutocodeUnit = (typeof AUTOCODE_UNITS)[number];

/** A hit the user ticked, by its range. */
export const HitRef = lazySchema(() => z.object({ documentId: DocumentId, start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict());
export type HitRef = z.infer<typeof HitRef>;

export const AutocodeRequest = lazySchema(() => z
  .object({
    search: SearchRequest,
    /** An existing code, or the path of a code to create ("Hambatan/Anggaran"). */
    codeId: CodeId.optional(),
    newCode: z.string().trim().min(1).max(500).optional(),
    unit: z.enum(AUTOCODE_UNITS),
    /** Only these hits; absent: every hit of the search. */
    hits: z.array(HitRef).max(1_000_000).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict());
export type AutocodeRequest = z.output<typeof AutocodeRequest>;
export type AutocodeRequestInput = z.input<typeof AutocodeRequest>;

export interface PlannedCoding {
  documentId: DocumentId;
  document: string;
  start: number;
  end: number;
  text: string;
}

export interface AutocodeResult {
  /** The codings added (or that would be). */
  count: number;
  codings: PlannedCoding[];
  /** Ranges skipped because a coding with the code already covers them. */
  skipped: PlannedCoding[];
  codeId: CodeId | null;
  code: string;
  createdCode: boolean;
  dryRun: boolean;
}

export const SimilarRequest = lazySchema(() => z
  .object({
    codeId: CodeId.optional(),
    codingId: CodingId.optional(),
    limit: z.number().int().min(1).max(500).default(20),
    scope: SearchScope.default({ documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false }),
  })
  .strict());
export type SimilarRequest = z.output<typeof SimilarRequest>;

export interface SimilarPassage {
  documentId: DocumentId;
  document: string;
  start: number;
  end: number;
  text: string;
  location: Location;
  score: number;
  /** The shared words that made it similar, most telling first. */
  terms: string[];
}

export const FrequencyRequest = lazySchema(() => z
  .object({
    scope: SearchScope.default({ documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false }),
    stem: z.boolean().default(true),
    limit: z.number().int().min(1).max(5000).default(100),
  })
  .strict());
export type FrequencyRequest = z.output<typeof FrequencyRequest>;

export interface WordFrequency {
  /** The most frequent form of the word (of the stem, when stemmed). */
  word: string;
  stem: string | null;
  count: number;
  documents: number;
}

export const SearchLanguageSchema = lazySchema(() => z.enum(SEARCH_LANGUAGES));
