import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Chart } from "../../../shared/charts/frame.js";
import { SvgView } from "./SvgView.js";

/** One chart with its own controls and its export buttons; `chart` null while it is being counted. */
export function ChartCard({
  testId,
  chart,
  controls,
  status,
  onExport,
}: {
  testId: string;
  chart: Chart | null;
  controls?: ReactNode;
  /** A line above the chart: still counting, or failed. */
  status?: string | null;
  onExport(format: "svg" | "png"): void;
}) {
  const { t } = useTranslation();
  const title = chart?.title ?? "";
  return (
    <section className="chart-card" data-testid={testId} aria-label={title || undefined} aria-busy={chart ? undefined : true}>
      <div className="chart-toolbar">
        <div className="chart-controls">{controls}</div>
        <div className="chart-export">
          <button type="button" disabled={!chart} onClick={() => onExport("svg")} title={t("charts.view.exportSvgHint", { title })} data-testid={`${testId}-svg`}>
            {t("charts.view.exportSvg")}
          </button>
          <button type="button" disabled={!chart} onClick={() => onExport("png")} title={t("charts.view.exportPngHint", { title })} data-testid={`${testId}-png`}>
            {t("charts.view.exportPng")}
          </button>
        </div>
      </div>
      {status && <p className="chart-status muted">{status}</p>}
      {chart && (
        <div className="chart-scroll">
          {/* Shrinks to the pane's width, but not below 75% of its size (text stays legible): then it scrolls. */}
          <div className="chart-fit" style={{ minWidth: Math.round(chart.width * 0.75) }}>
            <SvgView node={chart.svg} />
          </div>
        </div>
      )}
    </section>
  );
}
