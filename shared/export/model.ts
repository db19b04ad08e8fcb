import { z } from "zod";
import { lazySchema } from "../model/lazySchema.js";
import type { SvgNode } from "../charts/svg.js";
import { TandaiError } from "../errors.js";
import { LANGUAGES, type Language } from "../i18n/catalogues.js";
import { CaseId, CodeId, DocumentGroupId } from "../model/ids.js";
import type { Stance } from "../model/project.js";
import { FrameworkId } from "../frameworks/model.js";
import { AgreementRequestSchema } from "../agreement/model.js";

/**
 * What can be exported, as data: the renderer's export dialog, the CLI and the tests all build one
 * of these requests, and the backend runs it as a job with progress and cancel.
 */
export const REPORT_FORMATS = ["docx", "md", "html", "pdf"] as const;
export const TABLE_FORMATS = ["xlsx", "csv"] as const;
export const CHART_FORMATS = ["svg", "png"] as const;
/** The agreement report: a document (its table and disagreements) or its one table. */
export const AGREEMENT_FORMATS = ["docx", "xlsx", "csv", "md", "html"] as const;
export const EXPORT_FORMATS = [...REPORT_FORMATS, ...TABLE_FORMATS, ...CHART_FORMATS] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The tables of a spreadsheet export; a CSV file holds one of them. */
export const TABLES = ["codings", "codeDocument", "codeCase", "indicators"] as const;
export type TableName = (typeof TABLES)[number];

export const CHARTS = ["frequencies", "heatmap", "cooccurrence", "indicatorGrid"] as const;
export type ChartName = (typeof CHARTS)[number];

/** Codes co-occur when their codings overlap, or (looser) when they fall in the same paragraph. */
export const COOCCURRENCE_UNITS = ["overlap", "paragraph"] as const;
export type CooccurrenceUnit = (typeof COOCCURRENCE_UNITS)[number];

/** What part of the project an export covers; an empty list means all of it. */
export const ExportScope = lazySchema(() => z
  .object({
    caseIds: z.array(CaseId).max(10_000).default([]),
    /** Codes nested under a chosen code come with it. */
    codeIds: z.array(CodeId).max(10_000).default([]),
    frameworkIds: z.array(FrameworkId).max(200).default([]),
    /** Only the documents in these groups (any of them); with cases, those of the cases in them. */
    documentGroupIds: z.array(DocumentGroupId).max(1000).optional(),
  })
  .strict());
export type ExportScope = z.infer<typeof ExportScope>;

/** Built inside each request's schema (a factory, so nothing is built as the module loads). */
const common = () => ({
  language: z.enum(LANGUAGES),
  scope: ExportScope.default({ caseIds: [], codeIds: [], frameworkIds: [] }),
});

export const ReportRequest = lazySchema(() => z
  .object({
    kind: z.literal("report"),
    format: z.enum(REPORT_FORMATS),
    ...common(),
    include: z
      .object({
        codebook: z.boolean().default(true),
        memos: z.boolean().default(false),
        charts: z.boolean().default(true),
        /** Quotes per indicator or code and stance; null: all of them. */
        quotesPerItem: z.number().int().min(1).max(100_000).nullable().default(null),
      })
      .strict()
      .default({ codebook: true, memos: false, charts: true, quotesPerItem: null }),
  })
  .strict());
export type ReportRequest = z.infer<typeof ReportRequest>;

export const TableRequest = lazySchema(() => z
  .object({
    kind: z.literal("table"),
    format: z.enum(TABLE_FORMATS),
    ...common(),
    /** The table a CSV file holds; a workbook holds all of them. */
    table: z.enum(TABLES).default("codings"),
    /** Matrices of 0/1 presence instead of counts. */
    presence: z.boolean().default(false),
  })
  .strict());
export type TableRequest = z.infer<typeof TableRequest>;

export const ChartRequest = lazySchema(() => z
  .object({
    kind: z.literal("chart"),
    format: z.enum(CHART_FORMATS),
    ...common(),
    chart: z.enum(CHARTS),
    unit: z.enum(COOCCURRENCE_UNITS).default("paragraph"),
    /** A heatmap of 0/1 presence instead of counts. */
    presence: z.boolean().default(false),
  })
  .strict());
export type ChartRequest = z.infer<typeof ChartRequest>;

/**
 * The intercoder agreement report (issue 12), with the Agreement tab's own choices (coders, unit,
 * categories, exclusion) rather than an export scope: what it compares is the coders' documents.
 */
export const AgreementExportRequest = lazySchema(() => z
  .object({
    kind: z.literal("agreement"),
    format: z.enum(AGREEMENT_FORMATS),
    language: z.enum(LANGUAGES),
    agreement: AgreementRequestSchema,
  })
  .strict());
export type AgreementExportRequest = z.infer<typeof AgreementExportRequest>;

export const ExportRequest = lazySchema(() => z.discriminatedUnion("kind", [ReportRequest, TableRequest, ChartRequest, AgreementExportRequest]));
export type ExportRequest = z.infer<typeof ExportRequest>;
export type ExportRequestInput = z.input<typeof ExportRequest>;

/** The request kind a format belongs to (an agreement report is asked for by its own command). */
export function kindOfFormat(format: ExportFormat): "report" | "table" | "chart" {
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return "report";
  if ((TABLE_FORMATS as readonly string[]).includes(format)) return "table";
  return "chart";
}

/** A run of text in a paragraph. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * A report as a sequence of blocks that every writer (DOCX, Markdown, HTML) knows how to lay out,
 * so what a report says is decided once, in `buildReport`, and the writers only dress it.
 */
export type ReportBlock =
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "paragraph"; runs: Inline[] }
  /** A table of text; the first row is the header. */
  | { type: "table"; header: string[]; rows: string[][] }
  /** A coded passage, verbatim, and where it comes from ("Title, Case, p. 3, ¶ 12; coder"). */
  | { type: "quote"; text: string; citation: string; stance: Stance }
  | { type: "chart"; title: string; svg: SvgNode; width: number; height: number }
  /** A table of contents built from the headings (a field in DOCX, a list of links elsewhere). */
  | { type: "toc"; title: string };

export interface Report {
  language: Language;
  title: string;
  /** Lines under the title: project, scope, date. */
  subtitle: string[];
  blocks: ReportBlock[];
}

export interface ExportProgress {
  /** reading: documents for their quotes; building: the report or tables; writing: the file. */
  phase: "reading" | "building" | "writing";
  done: number;
  total: number;
}

/** How a long export reports what it has done and learns that the user cancelled it. */
export interface ExportControl {
  onProgress?: (progress: ExportProgress) => void;
  // Structural, so shared/ (no DOM or Node types) can take an AbortSignal from either side.
  signal?: { readonly aborted: boolean };
}

/** Stops work the user cancelled; called between units of work (a document, a sheet, a file). */
export function checkCancelled(control: ExportControl | undefined): void {
  if (control?.signal?.aborted) throw new TandaiError("export.errors.cancelled");
}
