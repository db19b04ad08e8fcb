import { computeIndicators } from "../frameworks/compute.js";
import { findIndicator } from "../frameworks/model.js";
import { verdictSentence } from "../frameworks/verdict.js";
import type { Language } from "../i18n/catalogues.js";
import { translate } from "../i18n/translate.js";
import type { CaseId, CodeId, DocumentId } from "../model/ids.js";
import { memoKey, type DocumentContent, type ProjectState } from "../model/project.js";
import { codePathIn, withCodeNamesIn } from "./codeNames.js";
import { codeCaseMatrix, codeDocumentMatrix, presence, type Matrix } from "./matrices.js";
import { checkCancelled, TABLES, type ExportControl, type TableName, type TableRequest } from "./model.js";
import { collectQuotes, type QuotedCoding } from "./quotes.js";
import { casesOfDocuments, resolveScope, type ResolvedScope } from "./scope.js";

/** A cell as every writer takes it: text, a number (kept a number in xlsx), or empty. */
export type Cell = string | number | null;

/** One sheet of a workbook or one CSV file; what a table says is decided here, the writers only dress it. */
export interface Table {
  /** "agreement": the intercoder agreement table (shared/agreement/table.ts), not one of a workbook's TABLES. */
  name: TableName | "agreement";
  /** Translated sheet name, already safe for Excel (≤ 31 characters, none of []:*?/\). */
  title: string;
  header: string[];
  rows: Cell[][];
}

/** Column keys (under `tables.column.*`), exported so writers can find a column by meaning. */
export const CODINGS_COLUMNS = ["document", "cases", "code", "indicatorId", "indicator", "stance", "coder", "start", "end", "page", "paragraph", "quote", "memo", "created"] as const;
export const INDICATOR_COLUMNS = ["case", "framework", "indicatorId", "indicator", "computed", "effective", "supporting", "contradicting", "documents", "justification", "verdict"] as const;

const column = (language: Language, key: string) => translate(language, `tables.column.${key}`);
const columns = (language: Language, keys: readonly string[]) => keys.map((key) => column(language, key));

/** Excel refuses sheet names over 31 characters, with []:*?/\ or starting/ending with an apostrophe. */
export function sheetTitle(text: string): string {
  const clean = text.replace(/[[\]:*?/\\]/g, " ").replace(/^'+|'+$/g, "").trim();
  return [...clean].slice(0, 31).join("").trim() || "Sheet";
}

const titleOf = (name: TableName, language: Language) => sheetTitle(translate(language, `tables.sheet.${name}`));

/**
 * Code paths (framework codes named in the export's language) are asked for once per code, not
 * once per coding (a project holds 100k codings).
 */
function pathsOf(state: ProjectState, language: Language): (id: CodeId) => string {
  const cache = new Map<CodeId, string>();
  return (id) => {
    let path = cache.get(id);
    if (path === undefined) cache.set(id, (path = state.codes[id] ? codePathIn(state, id, language) : ""));
    return path;
  };
}

/**
 * One row per coding, in the scope's order (document title, then position). Cases are those of the
 * export's scope the document belongs to, so an export narrowed to one case does not name others.
 */
export function codingsTable(state: ProjectState, scope: ResolvedScope, quoted: readonly QuotedCoding[], language: Language): Table {
  const inScope = new Set<CaseId>(scope.cases.map((c) => c.id));
  const casesOf = new Map<DocumentId, string>();
  for (const [documentId, found] of casesOfDocuments(state)) {
    casesOf.set(documentId, found.filter((c) => inScope.has(c.id)).map((c) => c.name).join("; "));
  }
  const pathOf = pathsOf(state, language);
  const stance = { supports: translate(language, "app.stance.supports"), contradicts: translate(language, "app.stance.contradicts") };
  const rows = quoted.map(({ coding, quote, location }): Cell[] => {
    const indicatorId = state.codes[coding.codeId]?.indicatorId ?? null;
    const indicator = indicatorId ? (findIndicator(state.frameworks, indicatorId)?.name[language] ?? null) : null;
    return [
      state.documents[coding.documentId]?.title ?? "",
      casesOf.get(coding.documentId) ?? "",
      pathOf(coding.codeId),
      indicatorId,
      indicator,
      stance[coding.stance],
      coding.coder,
      coding.start,
      coding.end,
      location.page,
      location.paragraph,
      quote,
      state.memos[memoKey({ kind: "coding", id: coding.id })]?.text ?? "",
      coding.createdAt,
    ];
  });
  return { name: "codings", title: titleOf("codings", language), header: columns(language, CODINGS_COLUMNS), rows };
}

/** Code paths down, documents or cases across, and each code's total at the end of its row. */
export function matrixTable(name: "codeDocument" | "codeCase", matrix: Matrix, language: Language): Table {
  const header = [column(language, "code"), ...matrix.columns.map((c) => c.label), column(language, "total")];
  const rows = matrix.rows.map((row, r): Cell[] => {
    const values = matrix.values[r]!;
    return [row.label, ...values, values.reduce((sum, v) => sum + v, 0)];
  });
  return { name, title: titleOf(name, language), header, rows };
}

/**
 * One row per case × framework × indicator of the scope. The evidence counts come from all of a
 * case's codings, not only those of codes chosen for the export: a status must not change with
 * which codes the user chose to list.
 */
export function indicatorTable(state: ProjectState, scope: ResolvedScope, language: Language): Table {
  const status = (s: string) => translate(language, `frameworks.status.${s}`);
  const results = new Map(computeIndicators(state, scope.frameworks).map((r) => [r.caseId, r]));
  const rows: Cell[][] = [];
  for (const found of scope.cases) {
    const result = results.get(found.id);
    scope.frameworks.forEach((framework, f) => {
      const outcome = result?.frameworks[f];
      if (!outcome) return;
      const verdict = verdictSentence(language, framework, outcome.verdict);
      framework.indicators.forEach((indicator, i) => {
        const r = outcome.indicators[i]!;
        rows.push([
          found.name,
          framework.name[language],
          indicator.id,
          indicator.name[language],
          status(r.computed),
          status(r.effective),
          r.supporting,
          r.contradicting,
          r.documents,
          r.override?.justification ?? "",
          verdict,
        ]);
      });
    });
  }
  return { name: "indicators", title: titleOf("indicators", language), header: columns(language, INDICATOR_COLUMNS), rows };
}

/**
 * The tables a request asks for: all four for a workbook, the one chosen for a CSV file. Documents
 * are read (for the quotes) only when the codings table is among them.
 */
export async function buildTables(
  state: ProjectState,
  request: TableRequest,
  read: (documentId: DocumentId) => Promise<DocumentContent>,
  control?: ExportControl,
): Promise<Table[]> {
  const scope = resolveScope(state, request.scope);
  const names: readonly TableName[] = request.format === "xlsx" ? TABLES : [request.table];
  const quoted = names.includes("codings") ? await collectQuotes(state, scope.codings, read, control) : [];
  const matrix = (m: Matrix) => (request.presence ? presence(m) : m);
  const build: Record<TableName, () => Table> = {
    codings: () => codingsTable(state, scope, quoted, request.language),
    codeDocument: () => matrixTable("codeDocument", matrix(withCodeNamesIn(state, codeDocumentMatrix(state, scope), request.language)), request.language),
    codeCase: () => matrixTable("codeCase", matrix(withCodeNamesIn(state, codeCaseMatrix(state, scope), request.language)), request.language),
    indicators: () => indicatorTable(state, scope, request.language),
  };
  const tables: Table[] = [];
  for (const name of names) {
    checkCancelled(control);
    control?.onProgress?.({ phase: "building", done: tables.length, total: names.length });
    tables.push(build[name]());
  }
  control?.onProgress?.({ phase: "building", done: tables.length, total: names.length });
  return tables;
}
