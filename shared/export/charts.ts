import { cooccurrenceChart, frequencyChart, heatmapChart, indicatorGridChart, type Chart } from "../charts/charts.js";
import { TandaiError } from "../errors.js";
import { computeIndicators } from "../frameworks/compute.js";
import type { Language } from "../i18n/catalogues.js";
import type { Coding, ProjectState } from "../model/project.js";
import { withCodeNamesIn } from "./codeNames.js";
import { codeCaseMatrix, cooccurrenceMatrix } from "./matrices.js";
import type { ChartName, CooccurrenceUnit } from "./model.js";
import type { ReportChart } from "./report.js";
import type { ResolvedScope } from "./scope.js";

export interface ChartOptions {
  language: Language;
  unit: CooccurrenceUnit;
  /** A coding's first and last paragraph, for co-occurrence by paragraph. */
  paragraphsOf?: (coding: Coding) => readonly [number, number];
  presence?: boolean;
}

/** The status grid of each framework in scope, by framework id. */
export function indicatorGrids(state: ProjectState, scope: ResolvedScope, language: Language): Map<string, Chart> {
  const results = computeIndicators(state, scope.frameworks);
  return new Map(scope.frameworks.map((f) => [f.id, indicatorGridChart(f, scope.cases, results, language)]));
}

/**
 * One chart of the project, as the app shows it but with framework codes named in the export's
 * language, as the report's codebook names them; an indicator grid needs one framework in scope.
 */
export function chartOf(state: ProjectState, scope: ResolvedScope, name: ChartName, options: ChartOptions): Chart {
  const { language } = options;
  const named = (matrix: Parameters<typeof withCodeNamesIn>[1]) => withCodeNamesIn(state, matrix, language);
  switch (name) {
    case "frequencies":
      return frequencyChart(named(codeCaseMatrix(state, scope)), language);
    case "heatmap":
      return heatmapChart(named(codeCaseMatrix(state, scope)), language, { presence: options.presence });
    case "cooccurrence":
      return cooccurrenceChart(named(cooccurrenceMatrix(state, scope, options.unit, options.paragraphsOf)), options.unit, language);
    case "indicatorGrid": {
      if (scope.frameworks.length !== 1) throw new TandaiError("export.errors.oneFramework", { count: scope.frameworks.length });
      return indicatorGrids(state, scope, language).get(scope.frameworks[0]!.id)!;
    }
  }
}

/** The charts a report carries: a status grid beside each framework, and the project-wide ones. */
export function reportCharts(state: ProjectState, scope: ResolvedScope, options: ChartOptions): { grids: Map<string, ReportChart>; overview: ReportChart[] } {
  return {
    grids: indicatorGrids(state, scope, options.language),
    overview: (["frequencies", "heatmap", "cooccurrence"] as const).map((name) => chartOf(state, scope, name, options)),
  };
}
