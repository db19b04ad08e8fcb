import type { CaseId, CodeId, DocumentGroupId, ExportRequestInput, Language, TableName } from "../../../shared/index.js";

export type ReportFormat = "docx" | "md" | "html" | "pdf";
export type TableFormat = "xlsx" | "csv";

/** What the export dialog's fields hold; turned into an ExportRequest by `toRequest`. */
export interface ExportOptions {
  kind: "report" | "table";
  reportFormat: ReportFormat;
  tableFormat: TableFormat;
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

export function defaultOptions(language: Language, all: Choices): ExportOptions {
  return {
    kind: "report",
    reportFormat: "docx",
    tableFormat: "xlsx",
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

export function toRequest(options: ExportOptions, all: Choices): ExportRequestInput {
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

/** A list left with nothing ticked would export nothing; the dialog asks for at least one. */
export function nothingChosen(options: ExportOptions, all: Choices): boolean {
  return (["caseIds", "frameworkIds", "codeIds"] as const).some((key) => all[key].length > 0 && options[key].length === 0);
}
