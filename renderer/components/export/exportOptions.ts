import type { AGREEMENT_FORMATS, AgreementUnit, CaseId, CodeId, DocumentGroupId, ExportRequestInput, Language, TableName } from "../../../shared/index.js";

export type ReportFormat = "docx" | "md" | "html" | "pdf";
export type TableFormat = "xlsx" | "csv";
export type AgreementFormat = (typeof AGREEMENT_FORMATS)[number];

/** The Agreement tab's choices, as the export dialog offers them. */
export interface AgreementChoice {
  coders: string[];
  unit: AgreementUnit;
  /** A parent code whose children are compared as one variable; null: each code present or absent. */
  categories: CodeId | null;
  excludeUncoded: boolean;
}

/** What the export dialog's fields hold; turned into an ExportRequest by `toRequest`. */
export interface ExportOptions {
  kind: "report" | "table" | "agreement";
  reportFormat: ReportFormat;
  tableFormat: TableFormat;
  agreementFormat: AgreementFormat;
  agreement: AgreementChoice;
  table: TableName;
  language: Language;
  /** The ticked cases, frameworks and top-level codes. */
  caseIds: CaseId[];
  frameworkIds: string[];
  codeIds: CodeId[];
  codebook: boolean;
  memos: boolean;
  charts: boolean;
  /** null: every quote. */
  quotesPerItem: number | null;
  presence: boolean;
  /** Only the documents of this document group (unset: every document). */
  documentGroupId?: DocumentGroupId | null;
}

export interface Choices {
  caseIds: CaseId[];
  frameworkIds: string[];
  codeIds: CodeId[];
}

/** `coders`: the project's coders, all compared at first (as in the Agreement tab). */
export function defaultOptions(language: Language, all: Choices, coders: string[] = []): ExportOptions {
  return {
    kind: "report",
    reportFormat: "docx",
    tableFormat: "xlsx",
    agreementFormat: "docx",
    agreement: { coders, unit: "paragraph", categories: null, excludeUncoded: false },
    table: "codings",
    language,
    ...all,
    codebook: true,
    memos: false,
    charts: true,
    quotesPerItem: null,
    presence: false,
  };
}

/** Everything ticked is sent as an empty list, which means "all" — and so keeps meaning it for items added later. */
const chosen = <T>(ticked: T[], all: T[]): T[] => (all.every((id) => ticked.includes(id)) ? [] : all.filter((id) => ticked.includes(id)));

export function toRequest(options: ExportOptions, all: Choices): Exclude<ExportRequestInput, { kind: "agreement" }> {
  const scope = {
    caseIds: chosen(options.caseIds, all.caseIds),
    frameworkIds: chosen(options.frameworkIds, all.frameworkIds),
    codeIds: chosen(options.codeIds, all.codeIds),
    ...(options.documentGroupId ? { documentGroupIds: [options.documentGroupId] } : {}),
  };
  if (options.kind === "report") {
    const { codebook, memos, charts, quotesPerItem } = options;
    return { kind: "report", format: options.reportFormat, language: options.language, scope, include: { codebook, memos, charts, quotesPerItem } };
  }
  return { kind: "table", format: options.tableFormat, language: options.language, scope, table: options.table, presence: options.presence };
}

/** The agreement report the dialog asks for: over every document the chosen coders all coded, every code. */
export function toAgreementRequest(options: ExportOptions): ExportRequestInput {
  const { coders, unit, categories, excludeUncoded } = options.agreement;
  return { kind: "agreement", format: options.agreementFormat, language: options.language, agreement: { coders, unit, codeIds: [], categories, documentIds: [], excludeUncoded } };
}

/** A list left with nothing ticked would export nothing, and agreement needs two coders; the dialog asks for them. */
export function nothingChosen(options: ExportOptions, all: Choices): boolean {
  if (options.kind === "agreement") return options.agreement.coders.length < 2;
  return (["caseIds", "frameworkIds", "codeIds"] as const).some((key) => all[key].length > 0 && options[key].length === 0);
}
