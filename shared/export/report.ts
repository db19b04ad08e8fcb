import { activeSourceTypes, sourceTypeMatcher } from "../attributes/index.js";
import { codeInLanguage, codePathIn } from "./codeNames.js";
import { computeIndicators, type CaseResult } from "../frameworks/compute.js";
import { findIndicator, indicatorName, type Framework } from "../frameworks/model.js";
import { describeResult, verdictSentence } from "../frameworks/verdict.js";
import type { Language } from "../i18n/catalogues.js";
import { countWords } from "../i18n/counts.js";
import { translate } from "../i18n/translate.js";
import type { CodeId, DocumentId } from "../model/ids.js";
import { memoKey, type Case, type ProjectState, type Stance } from "../model/project.js";
import type { ReportBlock, Report, ReportRequest } from "./model.js";
import type { QuotedCoding } from "./quotes.js";
import { casesOfDocuments, type ResolvedScope } from "./scope.js";

/** A chart as a report carries it (the `chart` block without its type). */
export type ReportChart = Omit<Extract<ReportBlock, { type: "chart" }>, "type">;

export interface ReportInput {
  state: ProjectState;
  request: ReportRequest;
  scope: ResolvedScope;
  /** The quotes of `scope.codings`, in the same order. */
  quoted: readonly QuotedCoding[];
  /** Charts drawn by the caller: one status grid per framework id, and the project-wide ones. */
  charts?: { grids: ReadonlyMap<string, ReportChart>; overview: readonly ReportChart[] };
  /** When the report was made, as an ISO string (the caller's clock, so tests are stable). */
  now: string;
}

/**
 * The coded summary a thesis chapter is written from, decided once for every format: per framework
 * and case the verdict and each indicator's status with its evidence or override, then the quotes
 * behind it, each cited with document, case, page or paragraph and coder; then the other codes'
 * passages, charts, the codebook, memos and the list of documents cited.
 */
export function buildReport({ state, request, scope, quoted, charts, now }: ReportInput): Report {
  const language = request.language;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(language, `export.report.${key}`, params);
  const blocks: ReportBlock[] = [{ type: "toc", title: t("contents") }];
  const casesOf = casesOfDocuments(state);
  const cite = citation(state, language, casesOf);
  const codeName = (id: CodeId) => codePathIn(state, id, language);
  const limit = request.include.quotesPerItem;

  /** Supporting, then contradicting quotes, each group introduced by its count. */
  const quoteGroups = (items: readonly QuotedCoding[]) => {
    for (const stance of ["supports", "contradicts"] as Stance[]) {
      const group = items.filter((q) => q.coding.stance === stance);
      if (!group.length) continue;
      const shown = limit === null ? group : spreadOverDocuments(group, (q) => q.coding.documentId).slice(0, limit);
      const label = t(stance === "supports" ? "supporting" : "contradicting", { count: group.length });
      const more = shown.length < group.length ? ` ${t("showing", { shown: shown.length, total: group.length })}` : "";
      blocks.push({ type: "paragraph", runs: [{ text: label + more, italic: true }] });
      for (const q of shown) blocks.push({ type: "quote", text: q.quote, citation: cite(q), stance });
    }
  };

  // Frameworks: one section each, its status grid, then one section per case.
  const results = computeIndicators(state, scope.frameworks);
  const resultOf = new Map<string, CaseResult>(results.map((r) => [r.caseId, r]));
  const byCode = groupBy(quoted, (q) => q.coding.codeId);
  const shownCodes = new Set<CodeId>();
  for (const framework of scope.frameworks) {
    blocks.push({ type: "heading", level: 1, text: framework.name[language] });
    const { minCodings, minDocuments } = framework.thresholds;
    blocks.push({ type: "paragraph", runs: [{ text: t("thresholds", countsIn(language, { supportingCodings: minCodings, documents: minDocuments })) }] });
    if (!scope.cases.length) {
      blocks.push({ type: "paragraph", runs: [{ text: t("noCases"), italic: true }] });
      continue;
    }
    blocks.push(statusGrid(language, framework, scope.cases, resultOf));
    const grid = charts?.grids.get(framework.id);
    if (grid) blocks.push({ type: "chart", ...grid });

    const linked = Object.values(state.codes).filter((c) => c.indicatorId && findIndicator({ [framework.id]: framework }, c.indicatorId));
    for (const code of linked) shownCodes.add(code.id);
    const counted = countedDocuments(state, framework);
    for (const found of scope.cases) {
      const result = resultOf.get(found.id)?.frameworks.find((f) => f.frameworkId === framework.id);
      if (!result) continue;
      blocks.push({ type: "heading", level: 2, text: `${found.name} — ${framework.name[language]}` });
      blocks.push({ type: "paragraph", runs: [{ text: `${upperFirst(verdictSentence(language, framework, result.verdict))}.`, bold: true }] });
      blocks.push({
        type: "table",
        header: [t("indicator"), t("status"), t("evidence"), t("justification")],
        rows: result.indicators.map((r) => [
          indicatorName(state.frameworks, r.indicatorId, language),
          translate(language, `frameworks.status.${r.effective}`) + (r.override ? ` ${t("overridden")}` : ""),
          describeResult(language, { ...r, override: null }),
          r.override?.justification ?? "",
        ]),
      });
      const inCase = new Set(found.documentIds);
      for (const indicator of framework.indicators) {
        const codes = linked.filter((c) => c.indicatorId === indicator.id);
        const items = codes
          .flatMap((c) => byCode.get(c.id) ?? [])
          .filter((q) => inCase.has(q.coding.documentId) && counted(q.coding.documentId))
          .sort(byPosition(scope));
        if (!items.length) continue;
        blocks.push({ type: "heading", level: 3, text: indicator.name[language] });
        quoteGroups(items);
      }
    }
  }

  // Codes not already quoted under an indicator above.
  const otherCodes = scope.codes.filter((c) => !shownCodes.has(c.id) && byCode.has(c.id));
  if (otherCodes.length) {
    blocks.push({ type: "heading", level: 1, text: t("codes") });
    for (const code of otherCodes) {
      const items = byCode.get(code.id)!;
      blocks.push({ type: "heading", level: 2, text: codeName(code.id) });
      const { definition } = codeInLanguage(state, code, language);
      if (definition) blocks.push({ type: "paragraph", runs: [{ text: definition }] });
      quoteGroups(items);
    }
  }

  if (charts?.overview.length) {
    blocks.push({ type: "heading", level: 1, text: t("charts") });
    for (const chart of charts.overview) blocks.push({ type: "chart", ...chart });
  }

  if (request.include.codebook) {
    blocks.push({ type: "heading", level: 1, text: t("codebook") });
    const counts = countBy(scope.codings, (c) => c.codeId);
    blocks.push(
      withoutEmptyColumns({
        type: "table",
        header: [t("code"), t("definition"), t("whenToUse"), t("whenNotToUse"), t("indicator"), t("codings")],
        rows: scope.codes.map((code) => {
          const local = codeInLanguage(state, code, language);
          return [
            codeName(code.id),
            local.definition,
            local.whenToUse,
            local.whenNotToUse,
            code.indicatorId ? indicatorName(state.frameworks, code.indicatorId, language) : "",
            String(counts.get(code.id) ?? 0),
          ];
        }),
      }),
    );
  }

  if (request.include.memos) memoBlocks(state, scope, quoted, language, cite, blocks);

  blocks.push({ type: "heading", level: 1, text: t("documents") });
  const perDocument = countBy(scope.codings, (c) => c.documentId);
  blocks.push({
    type: "table",
    header: [t("document"), t("case"), t("kind"), t("pages"), t("codings")],
    rows: scope.documentIds.map((id) => {
      const doc = state.documents[id]!;
      return [doc.title, (casesOf.get(id) ?? []).map((c) => c.name).join("; "), doc.kind.toUpperCase(), doc.pageCount ? String(doc.pageCount) : "", String(perDocument.get(id) ?? 0)];
    }),
  });

  return { language, title: t("title", { project: state.name }), subtitle: subtitle(state, scope, language, now), blocks };
}

/** "Padang – Bà Rịa–Vũng Tàu, Wawancara Bappeda, hlm. 2, par. 4; Rani" */
function citation(state: ProjectState, language: Language, casesOf: Map<DocumentId, Case[]>) {
  const t = (key: string, params: Record<string, string | number>) => translate(language, `export.citation.${key}`, params);
  return ({ coding, location }: QuotedCoding) => {
    const parts = [state.documents[coding.documentId]?.title ?? ""];
    const cases = casesOf.get(coding.documentId);
    if (cases?.length) parts.push(cases.map((c) => c.name).join("; "));
    if (location.page) parts.push(t("page", { page: location.page }));
    parts.push(t("paragraph", { paragraph: location.paragraph }));
    return `${parts.join(", ")}; ${t("coder", { coder: coding.coder || "—" })}`;
  };
}

function subtitle(state: ProjectState, scope: ResolvedScope, language: Language, now: string): string[] {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(language, `export.report.${key}`, params);
  const list = (narrowed: boolean, names: () => string[], all: string, count: number) => (narrowed ? names().join("; ") : t(all, { count }));
  // Chosen codes are named by the top of each chosen branch (its descendants came with it).
  const chosenCodes = () => scope.codes.filter((c) => !scope.codes.some((p) => p.id === c.parentId)).map((c) => codePathIn(state, c.id, language));
  return [
    t("generated", { date: new Date(now).toLocaleDateString(language === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) }),
    `${t("scopeCases")}: ${list(scope.narrowed.cases, () => scope.cases.map((c) => c.name), "allCases", scope.cases.length)}`,
    `${t("scopeFrameworks")}: ${list(scope.narrowed.frameworks, () => scope.frameworks.map((f) => f.name[language]), "allFrameworks", scope.frameworks.length)}`,
    `${t("scopeCodes")}: ${list(scope.narrowed.codes, chosenCodes, "allCodes", scope.codes.length)}`,
    ...(scope.narrowed.documentGroups ? [`${translate(language, "documents.scope.reportLine")}: ${scope.documentGroups.map((g) => g.name).join("; ")}`] : []),
    t("totals", countsIn(language, { documents: scope.documentIds.length, codings: scope.codings.length })),
  ];
}

/** `countWords` in the report's language. */
function countsIn<K extends string>(language: Language, counts: Record<K, number>): Record<K, string> {
  return countWords((key, params) => translate(language, key, params), counts);
}

/** Indicators down, cases across: each cell the effective status, marked when the researcher overrode it. */
function statusGrid(language: Language, framework: Framework, cases: Case[], resultOf: Map<string, CaseResult>): ReportBlock {
  const t = (key: string) => translate(language, `export.report.${key}`);
  return {
    type: "table",
    header: [t("indicator"), ...cases.map((c) => c.name)],
    rows: framework.indicators.map((indicator) => [
      indicator.name[language],
      ...cases.map((c) => {
        const r = resultOf.get(c.id)?.frameworks.find((f) => f.frameworkId === framework.id)?.indicators.find((i) => i.indicatorId === indicator.id);
        return r ? translate(language, `frameworks.status.${r.effective}`) + (r.override ? ` ${t("overridden")}` : "") : "";
      }),
    ]),
  };
}

function memoBlocks(state: ProjectState, scope: ResolvedScope, quoted: readonly QuotedCoding[], language: Language, cite: (q: QuotedCoding) => string, blocks: ReportBlock[]) {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(language, `export.report.${key}`, params);
  const text = (key: string) => state.memos[key]?.text.trim() ?? "";
  const sections: ReportBlock[] = [];
  const memo = (heading: string, body: string) => {
    if (!body) return;
    sections.push({ type: "heading", level: 2, text: heading }, ...paragraphs(body));
  };
  memo(t("memoProject"), text(memoKey({ kind: "project" })));
  for (const id of scope.documentIds) memo(t("memoDocument", { name: state.documents[id]!.title }), text(memoKey({ kind: "document", id })));
  for (const code of scope.codes) memo(t("memoCode", { name: codePathIn(state, code.id, language) }), text(memoKey({ kind: "code", id: code.id })));
  const codingMemos = quoted.filter((q) => text(memoKey({ kind: "coding", id: q.coding.id })));
  if (codingMemos.length) {
    sections.push({ type: "heading", level: 2, text: t("memoCodings") });
    for (const q of codingMemos) {
      sections.push({ type: "quote", text: q.quote, citation: cite(q), stance: q.coding.stance });
      sections.push(...paragraphs(text(memoKey({ kind: "coding", id: q.coding.id }))));
    }
  }
  if (sections.length) blocks.push({ type: "heading", level: 1, text: t("memos") }, ...sections);
}

/** The table without the columns no row fills (a codebook nobody wrote "when not to use" for). */
function withoutEmptyColumns(table: Extract<ReportBlock, { type: "table" }>): Extract<ReportBlock, { type: "table" }> {
  const kept = table.header.map((_, c) => c).filter((c) => c === 0 || table.rows.some((row) => (row[c] ?? "").trim() !== ""));
  return { ...table, header: kept.map((c) => table.header[c]!), rows: table.rows.map((row) => kept.map((c) => row[c] ?? "")) };
}

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

const paragraphs = (text: string): ReportBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: "paragraph", runs: [{ text: p }] }));

/** Whether a document counts for the framework (triangulation may count only some source types). */
function countedDocuments(state: ProjectState, framework: Framework): (id: DocumentId) => boolean {
  const active = activeSourceTypes(state, framework);
  if (!active) return () => true;
  const matches = sourceTypeMatcher(active.sourceTypes);
  return (id) => matches(state.documents[id]?.attributes?.[active.attribute.id]);
}

/**
 * One quote from each document first, then the rest in document order: when only some can be
 * shown, evidence from several sources reads stronger than several lines from one interview.
 */
export function spreadOverDocuments<T>(items: readonly T[], documentOf: (item: T) => DocumentId): T[] {
  const seen = new Set<DocumentId>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) {
    if (seen.has(documentOf(item))) rest.push(item);
    else {
      seen.add(documentOf(item));
      first.push(item);
    }
  }
  return [...first, ...rest];
}

/**
 * The strongest quotes of an indicator, both sides: up to `limit` supporting ones, then up to
 * `limit` contradicting ones, each side one from each document first. A contested indicator then
 * shows the evidence against beside the evidence for, never the supporting side alone.
 */
export function strongestQuotes<T extends { stance: Stance; documentId: DocumentId }>(items: readonly T[], limit: number): T[] {
  const side = (stance: Stance) =>
    spreadOverDocuments(
      items.filter((item) => item.stance === stance),
      (item) => item.documentId,
    ).slice(0, limit);
  return [...side("supports"), ...side("contradicts")];
}

function byPosition(scope: ResolvedScope) {
  const rank = new Map(scope.documentIds.map((id, i) => [id, i]));
  return (a: QuotedCoding, b: QuotedCoding) => rank.get(a.coding.documentId)! - rank.get(b.coding.documentId)! || a.coding.start - b.coding.start;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

function countBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + 1);
  return out;
}
