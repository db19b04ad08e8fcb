import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { cooccurrenceChart, frequencyChart, heatmapChart, indicatorGridChart } from "../../../shared/charts/index.js";
import { type CaseId, type ChartName, type DocumentGroupId, codeCaseMatrix, computeIndicators, COOCCURRENCE_UNITS, type CooccurrenceUnit, type ExportRequestInput, type ExportScope, languageFromLocale, type Matrix, resolveScope, toErrorPayload } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";
import { GroupScopePicker, groupIds } from "../documents/GroupScopePicker.js";
import { FrequencyTable } from "../frequency/FrequencyTable.js";
import { ChartCard } from "./ChartCard.js";
import "./charts.css";


export interface ChartsViewProps {
  /** Saves a chart as a file; the workspace hands it to the export job runner. */
  onExport(request: ExportRequestInput): void;
}

/**
 * The project at a glance: code frequencies per case, the code × case heatmap, code co-occurrence
 * and one indicator grid per framework, drawn by the same functions as the exported files and
 * reports, and redrawn after every operation (the mirror's version changes).
 */
export function ChartsView({ onExport }: ChartsViewProps) {
  const { t, i18n } = useTranslation();
  const language = languageFromLocale(i18n.language);
  const { state, version, index } = useProject();
  // Cases the researcher unticked; a case created later is shown until unticked.
  const [hidden, setHidden] = useState<ReadonlySet<CaseId>>(() => new Set());
  const [unit, setUnit] = useState<CooccurrenceUnit>("paragraph");
  const [presence, setPresence] = useState(false);

  const cases = useMemo(() => Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name)), [state, version]);
  const shown = useMemo(() => cases.filter((c) => !hidden.has(c.id)), [cases, hidden]);
  // Every case shown: an empty list, which means "all" and so keeps meaning it in an export.
  const caseIds = shown.length < cases.length ? shown.map((c) => c.id) : [];
  const [chosenGroup, setGroup] = useState<DocumentGroupId | null>(null);
  // A group an undo removed stops narrowing at once (the picker also falls back to all).
  const group = chosenGroup && state.documentGroups[chosenGroup] ? chosenGroup : null;
  const scopeKey = caseIds.join(",");
  const scope = useMemo<ExportScope>(
    () => ({ caseIds: scopeKey ? (scopeKey.split(",") as CaseId[]) : [], codeIds: [], frameworkIds: [], ...(group ? { documentGroupIds: groupIds(group) } : {}) }),
    [scopeKey, group],
  );

  const byCase = useMemo(() => codeCaseMatrix(state, resolveScope(state, scope), index), [state, version, scope, index]);
  const frequencies = useMemo(() => frequencyChart(byCase, language), [byCase, language]);
  const heatmap = useMemo(() => heatmapChart(byCase, language, { presence }), [byCase, language, presence]);
  const cooccurrence = useCooccurrence(scope, unit, version);
  const cooccurrenceDrawn = useMemo(() => cooccurrence.matrix && cooccurrenceChart(cooccurrence.matrix, cooccurrence.unit, language), [cooccurrence, language]);

  // The coding index holds the evidence per code and document, kept current per operation.
  const results = useMemo(() => computeIndicators(state, undefined, undefined, undefined, index), [state, version, index]);
  const grids = useMemo(
    () => Object.values(state.frameworks).map((framework) => ({ framework, chart: indicatorGridChart(framework, shown, results, language) })),
    [state, version, results, shown, language],
  );

  const exportChart = (chart: ChartName, format: "svg" | "png", frameworkIds: string[] = []) =>
    onExport({ kind: "chart", format, language, scope: { caseIds: [...caseIds], codeIds: [], frameworkIds, ...(group ? { documentGroupIds: groupIds(group) } : {}) }, chart, unit, presence });

  const toggleCase = (id: CaseId, visible: boolean) =>
    setHidden((before) => {
      const next = new Set(before);
      if (visible) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="charts-view" data-testid="charts-view">
      <h2 className="charts-heading">{t("charts.view.title")}</h2>
      <GroupScopePicker value={group} onChange={setGroup} testId="charts-group" />
      {cases.length > 0 && (
        <fieldset className="charts-cases" data-testid="charts-cases">
          <legend>{t("charts.view.cases")}</legend>
          {cases.map((c) => {
            const on = !hidden.has(c.id);
            const last = on && shown.length === 1;
            return (
              <label key={c.id} className="checkbox" title={last ? t("charts.view.keepOne") : undefined}>
                <input type="checkbox" checked={on} disabled={last} onChange={(e) => toggleCase(c.id, e.target.checked)} data-testid={`charts-case-${c.id}`} />
                {c.name}
              </label>
            );
          })}
        </fieldset>
      )}

      <FrequencyTable documentGroupId={group} />

      <ChartCard testId="chart-frequencies" chart={frequencies} onExport={(format) => exportChart("frequencies", format)} />

      <ChartCard
        testId="chart-heatmap"
        chart={heatmap}
        onExport={(format) => exportChart("heatmap", format)}
        controls={
          <label>
            {t("charts.view.heatmapValues")}{" "}
            <select value={presence ? "presence" : "counts"} onChange={(e) => setPresence(e.target.value === "presence")} data-testid="charts-presence">
              <option value="counts">{t("charts.view.counts")}</option>
              <option value="presence">{t("charts.view.presence")}</option>
            </select>
          </label>
        }
      />

      <ChartCard
        testId="chart-cooccurrence"
        chart={cooccurrenceDrawn}
        status={cooccurrence.failed ? t("charts.view.failed") : cooccurrence.loading ? t("charts.view.loading") : null}
        onExport={(format) => exportChart("cooccurrence", format)}
        controls={
          <label>
            {t("charts.view.unit")}{" "}
            <select value={unit} onChange={(e) => setUnit(e.target.value as CooccurrenceUnit)} data-testid="charts-unit">
              {COOCCURRENCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`charts.unit.${u}`)}
                </option>
              ))}
            </select>
          </label>
        }
      />

      {grids.length === 0 && <p className="empty">{t("charts.view.noFrameworks")}</p>}
      {grids.map(({ framework, chart }) => (
        <ChartCard key={framework.id} testId={`chart-indicatorGrid-${framework.id}`} chart={chart} onExport={(format) => exportChart("indicatorGrid", format, [framework.id])} />
      ))}
    </div>
  );
}

interface Cooccurrence {
  matrix: Matrix | null;
  /** The unit `matrix` was counted in (the chosen one may be newer). */
  unit: CooccurrenceUnit;
  loading: boolean;
  failed: boolean;
}

/**
 * Co-occurrence comes from the backend: by paragraph it needs the documents' paragraphs, which the
 * renderer does not hold. Asked again after every operation; the last matrix stays on screen while
 * the next is counted, so the chart does not flicker.
 */
function useCooccurrence(scope: ExportScope, unit: CooccurrenceUnit, version: number): Cooccurrence {
  const app = useApp();
  const [result, setResult] = useState<Cooccurrence>({ matrix: null, unit, loading: true, failed: false });
  useEffect(() => {
    let live = true;
    setResult((before) => ({ ...before, loading: true, failed: false }));
    api.cooccurrence({ scope, unit }).then(
      (matrix) => live && setResult({ matrix, unit, loading: false, failed: false }),
      (error: unknown) => {
        if (!live) return;
        setResult({ matrix: null, unit, loading: false, failed: true });
        app.showError(toErrorPayload(error));
      },
    );
    return () => {
      live = false;
    };
  }, [scope, unit, version, app]);
  return result;
}
