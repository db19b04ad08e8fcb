import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  computeFrequencies,
  escapeCodeName,
  formatCodePath,
  formatShare,
  frequencyGrid,
  gridToHtml,
  gridToTsv,
  sortFrequencyRows,
  type DocumentGroupId,
  type FrequencyAxis,
  type FrequencyCache,
  type FrequencyMetric,
  type FrequencySort,
} from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { copyTable } from "./clipboard.js";
import "./frequency.css";

const INDENT = 14;

/**
 * Codes × documents (or cases): the number of codings and the share of the text they cover, each
 * column sortable, the whole table copyable into Word or a spreadsheet. Counted from the coding
 * index in shared/ (computeFrequencies), narrowed to the charts' document group.
 */
export function FrequencyTable({ documentGroupId }: { documentGroupId: DocumentGroupId | null }) {
  const { t, i18n } = useTranslation();
  const { state, version, index } = useProject();
  const [axis, setAxis] = useState<FrequencyAxis>("documents");
  const [sort, setSort] = useState<FrequencySort>({ key: "code", metric: "count", descending: false });
  const [status, setStatus] = useState<string | null>(null);

  // Per-document counts survive between operations: after a coding only its document is recounted.
  const cache = useRef<FrequencyCache>(new Map());
  const table = useMemo(
    () => computeFrequencies(state, index, { axis, documentGroupIds: documentGroupId ? [documentGroupId] : [] }, cache.current),
    [state, version, index, axis, documentGroupId],
  );
  const columns = table.columns.length;
  const safeSort = typeof sort.key === "number" && sort.key >= columns ? { ...sort, key: "code" as const } : sort;
  const rows = useMemo(() => sortFrequencyRows(table, safeSort), [table, safeSort.key, safeSort.metric, safeSort.descending]);

  const sortBy = (key: FrequencySort["key"], metric: FrequencyMetric) =>
    setSort((before) => ({ key, metric, descending: before.key === key && before.metric === metric ? !before.descending : key !== "code" }));
  const ariaSort = (key: FrequencySort["key"], metric: FrequencyMetric) =>
    safeSort.key === key && (key === "code" || safeSort.metric === metric) ? (safeSort.descending ? "descending" : "ascending") : undefined;
  const arrow = (key: FrequencySort["key"], metric: FrequencyMetric) => (ariaSort(key, metric) ? (safeSort.descending ? " ▼" : " ▲") : "");

  const copy = async () => {
    const grid = frequencyGrid(
      table,
      rows,
      { code: t("documents.frequency.code"), total: t("documents.frequency.total"), count: (column) => t("documents.frequency.headerCount", { column }), share: (column) => t("documents.frequency.headerShare", { column }) },
      i18n.language,
    );
    try {
      await copyTable(gridToHtml(grid), gridToTsv(grid));
      setStatus(t("documents.frequency.copied", { rows: t("documents.frequency.copiedSize.rows", { count: rows.length }), columns: t("documents.frequency.copiedSize.columns", { count: columns + 1 }) }));
    } catch {
      setStatus(t("documents.frequency.copyFailed"));
    }
  };

  const header = (label: string, testId: string) => (
    <th key={`${testId}-name`} colSpan={2} scope="colgroup" className="frequency-column" title={label}>
      {label}
    </th>
  );
  const metricHeaders = (key: FrequencySort["key"], label: string, testId: string) =>
    (["count", "share"] as const).map((metric) => (
      <th key={`${testId}-${metric}`} scope="col" aria-sort={ariaSort(key, metric)} className="num">
        <button type="button" className="frequency-sort" onClick={() => sortBy(key, metric)} title={`${t("documents.frequency.sortBy", { column: label })} · ${t(`documents.frequency.${metric}Hint`)}`} data-testid={`sort-${testId}-${metric}`}>
          {t(`documents.frequency.${metric}`)}
          {arrow(key, metric)}
        </button>
      </th>
    ));

  const empty = table.rows.length === 0 ? t("documents.frequency.noCodes") : columns === 0 ? t(axis === "cases" && Object.keys(state.cases).length === 0 ? "documents.frequency.noCases" : "documents.frequency.noColumns") : null;

  return (
    <section className="chart-card frequency-card" data-testid="frequency-table" aria-label={t("documents.frequency.title")}>
      <div className="chart-toolbar">
        <h3 className="frequency-title">{t("documents.frequency.title")}</h3>
        <div className="chart-controls" role="radiogroup" aria-label={t("documents.frequency.axis")}>
          {t("documents.frequency.axis")}{" "}
          {(["documents", "cases"] as const).map((value) => (
            <label key={value} className="checkbox frequency-axis">
              <input type="radio" name="frequency-axis" checked={axis === value} onChange={() => setAxis(value)} data-testid={`frequency-axis-${value}`} />
              {t(`documents.frequency.${value}`)}
            </label>
          ))}
        </div>
        <div className="chart-export">
          <button type="button" onClick={() => void copy()} disabled={empty !== null} title={t("documents.frequency.copyHint")} data-testid="frequency-copy">
            {t("documents.frequency.copy")}
          </button>
        </div>
      </div>
      {status && (
        <p className="chart-status muted" role="status" data-testid="frequency-status">
          {status}
        </p>
      )}
      {empty ? (
        <p className="empty">{empty}</p>
      ) : (
        <div className="frequency-scroll">
          <table className="frequency">
            <thead>
              <tr>
                <th rowSpan={2} scope="col" aria-sort={ariaSort("code", "count")}>
                  <button type="button" className="frequency-sort" onClick={() => sortBy("code", "count")} data-testid="sort-code">
                    {t("documents.frequency.code")}
                    {arrow("code", "count")}
                  </button>
                </th>
                {table.columns.map((c, i) => header(c.label, `c${i}`))}
                {header(t("documents.frequency.total"), "total")}
              </tr>
              <tr>
                {table.columns.flatMap((c, i) => metricHeaders(i, c.label, `c${i}`))}
                {metricHeaders("total", t("documents.frequency.total"), "total")}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code.id} data-testid="frequency-row" data-code-id={row.code.id}>
                  <th scope="row" title={formatCodePath(row.path)}>
                    <span className="frequency-code" style={{ paddingLeft: safeSort.key === "code" ? row.depth * INDENT : 0 }}>
                      <span className="swatch" style={{ background: row.code.color }} aria-hidden="true" />
                      {safeSort.key === "code" ? escapeCodeName(row.code.name) : formatCodePath(row.path)}
                    </span>
                  </th>
                  {[...row.cells, row.total].flatMap((c, i) => [
                    <td key={`n${i}`} className={`num${c.count === 0 ? " zero" : ""}`}>{c.count}</td>,
                    <td key={`s${i}`} className={`num${c.count === 0 ? " zero" : ""}`}>{formatShare(c.share, i18n.language)}</td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
