import { presence, type Matrix } from "../export/matrices.js";
import type { CooccurrenceUnit } from "../export/model.js";
import type { CaseResult } from "../frameworks/compute.js";
import type { Framework, IndicatorStatus } from "../frameworks/model.js";
import type { Language } from "../i18n/catalogues.js";
import type { Case } from "../model/project.js";
import { cap, frame, hatch, INK, label, mix, MUTED, noData, OKABE_ITO, PAD, r1, REPORT_WIDTH, RULE, sequential, t, text, textWidth, ticks, titled, type Chart } from "./frame.js";
import { grid, legendRow, type Drawn, type LegendEntry } from "./grid.js";
import type { SvgNode } from "./svg.js";

export type { Chart } from "./frame.js";

/*
 * The four charts of a project. Each takes data already counted (the matrices of
 * shared/export/matrices.ts, the indicator results of shared/frameworks) and only draws, so the
 * app, the exported files and the reports show the same numbers as the spreadsheets.
 * Large projects are capped (first N in codebook / case order) with a note saying so: a chart
 * of 300 codes is a table no one reads, and the spreadsheet export has them all.
 */
const MAX_BAR_CODES = 40;
/** One Okabe–Ito colour per case; beyond eight, colours would repeat. */
const MAX_BAR_CASES = OKABE_ITO.length;
const MAX_GRID_CODES = 60;
const MAX_GRID_CASES = 30;
const MAX_COOCCURRENCE_CODES = 40;
/** Co-occurrence cells and their numbers: the size they are read at in a printed report. */
const COOCCURRENCE_TEXT = 12;
const COOCCURRENCE_MIN_CELL = 22;
const COOCCURRENCE_ROW_LABEL = { min: 140, max: 280 };

const ZERO = { fill: "#f6f8fa", ink: MUTED };

function emptyReason(matrix: Matrix, language: Language): string | null {
  if (!matrix.rows.length) return t(language, "empty.noCodes");
  if (!matrix.columns.length) return t(language, "empty.noCases");
  return null;
}

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

// ——— Frequencies: one group of horizontal bars per code, one bar per case.

const BAR = 12;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const PLOT_WIDTH = 320;
const LEGEND_LABEL = 200;
const ROW_LABEL = 260;

/** The cases' colours above the bars, wrapping at `width`, in the bars' order within each group. */
function caseLegend(names: string[], caption: string, width: number): Drawn {
  const nodes: SvgNode[] = [text(caption, { x: 0, y: 12, "font-size": 11, "font-weight": "bold", fill: MUTED })];
  let [x, y] = [textWidth(caption, 11) + 10, 0];
  names.forEach((name, k) => {
    const entry = 20 + Math.min(LEGEND_LABEL, textWidth(name, 12)) + 16;
    if (k > 0 && x + entry > width) [x, y] = [textWidth(caption, 11) + 10, y + 20];
    nodes.push({ tag: "rect", attrs: { x: r1(x), y, width: 14, height: 14, fill: OKABE_ITO[k]!, stroke: INK, "stroke-width": 0.5 } });
    nodes.push(label(name, LEGEND_LABEL, 12, { x: r1(x + 20), y: y + 12, fill: INK }));
    x += entry;
  });
  return { nodes, width, height: y + 16 };
}

export function frequencyChart(matrix: Matrix, language: Language): Chart {
  const title = t(language, "frequencies.title");
  const empty = emptyReason(matrix, language);
  if (empty) return noData(title, empty, language);
  const codes = cap(indices(matrix.rows.length), MAX_BAR_CODES, language, "codes");
  const cases = cap(indices(matrix.columns.length), MAX_BAR_CASES, language, "cases");
  const value = (i: number, j: number) => matrix.values[i]![j]!;
  const steps = ticks(Math.max(0, ...codes.shown.flatMap((i) => cases.shown.map((j) => value(i, j)))));
  const top = steps.at(-1)!;

  const rowLabelWidth = Math.min(ROW_LABEL, Math.max(...codes.shown.map((i) => textWidth(matrix.rows[i]!.label, 12)))) + 10;
  // Room after the longest bar for its count.
  const width = rowLabelWidth + PLOT_WIDTH + 10 + textWidth(String(top), 10);
  const legend = caseLegend(
    cases.shown.map((j) => matrix.columns[j]!.label),
    t(language, "frequencies.legend"),
    width,
  );
  const header = legend.height + 26;
  const groupHeight = cases.shown.length * (BAR + BAR_GAP) - BAR_GAP;
  const plotHeight = codes.shown.length * (groupHeight + GROUP_GAP) - GROUP_GAP;
  const x = (v: number) => r1(rowLabelWidth + (v / top) * PLOT_WIDTH);
  const axisY = header + plotHeight + 6;
  const nodes: SvgNode[] = [
    ...legend.nodes,
    text(t(language, "frequencies.codes"), { x: rowLabelWidth - 8, y: header - 8, "text-anchor": "end", "font-size": 11, "font-weight": "bold", fill: MUTED }),
  ];

  for (const v of steps) {
    nodes.push({ tag: "line", attrs: { x1: x(v), y1: header - 4, x2: x(v), y2: axisY, stroke: RULE, "stroke-width": 1 } });
    nodes.push(text(String(v), { x: x(v), y: axisY + 15, "text-anchor": "middle", "font-size": 11, fill: MUTED }));
  }
  nodes.push({ tag: "line", attrs: { x1: rowLabelWidth, y1: axisY, x2: x(top), y2: axisY, stroke: INK, "stroke-width": 1 } });
  nodes.push(text(t(language, "frequencies.axis"), { x: r1(rowLabelWidth + PLOT_WIDTH / 2), y: axisY + 34, "text-anchor": "middle", "font-size": 12, fill: INK }));

  codes.shown.forEach((i, g) => {
    const groupTop = header + g * (groupHeight + GROUP_GAP);
    const code = matrix.rows[i]!.label;
    nodes.push(label(code, ROW_LABEL, 12, { x: rowLabelWidth - 8, y: r1(groupTop + groupHeight / 2 + 4), "text-anchor": "end", fill: INK }, true));
    cases.shown.forEach((j, k) => {
      const y = groupTop + k * (BAR + BAR_GAP);
      const v = value(i, j);
      nodes.push(
        titled(
          t(language, "frequencies.bar", { code, case: matrix.columns[j]!.label, value: v }),
          // A dark outline keeps the pale colours (yellow, sky blue) visible on white.
          { tag: "rect", attrs: { x: rowLabelWidth, y, width: r1(x(v) - rowLabelWidth), height: BAR, fill: OKABE_ITO[k]!, stroke: INK, "stroke-width": 0.5 } },
          text(String(v), { x: r1(x(v) + 4), y: y + 10, "font-size": 10, fill: INK }),
        ),
      );
    });
  });

  return frame({ title, body: nodes, width: Math.ceil(width), height: axisY + 40, notes: [...codes.note, ...cases.note] });
}

// ——— Heatmaps: counts in cells, shaded by one hue.

/** Up to five example counts from 1 to `max`, for the legend. */
function scaleSteps(max: number): number[] {
  return [...new Set([1, 0.25, 0.5, 0.75, 1].map((f, i) => (i === 0 ? 1 : Math.max(1, Math.round(max * f)))))].filter((v) => v <= max);
}

/** 0 is pale grey; 1 … max go from light to dark blue. */
function shade(v: number, max: number): { fill: string; ink: string } {
  return v <= 0 ? ZERO : sequential(max <= 1 ? 1 : 0.15 + (0.85 * v) / max);
}

/** A legend line under a grid: a caption, then its swatches. */
function legendUnder(drawn: Drawn, caption: string, entries: LegendEntry[]): Drawn {
  const y = drawn.height + 14;
  const captionWidth = caption ? textWidth(caption, 11) + 10 : 0;
  const row = legendRow(entries, captionWidth, y);
  return {
    nodes: [...drawn.nodes, ...(caption ? [text(caption, { x: 0, y: y + 12, "font-size": 11, fill: MUTED })] : []), ...row.nodes],
    width: Math.max(drawn.width, captionWidth + row.width),
    height: y + row.height,
  };
}

export function heatmapChart(matrix: Matrix, language: Language, options: { presence?: boolean } = {}): Chart {
  const title = t(language, options.presence ? "heatmap.titlePresence" : "heatmap.title");
  const empty = emptyReason(matrix, language);
  if (empty) return noData(title, empty, language);
  const data = options.presence ? presence(matrix) : matrix;
  const codes = cap(indices(data.rows.length), MAX_GRID_CODES, language, "codes");
  const cases = cap(indices(data.columns.length), MAX_GRID_CASES, language, "cases");
  const max = Math.max(0, ...codes.shown.flatMap((i) => cases.shown.map((j) => data.values[i]![j]!)));

  const drawn = grid({
    rows: codes.shown.map((i) => data.rows[i]!.label),
    columns: cases.shown.map((j) => data.columns[j]!.label),
    rowsAreCodes: true,
    cellWidth: Math.max(44, textWidth(String(max), 11) + 14),
    cell: (r, c) => {
      const [i, j] = [codes.shown[r]!, cases.shown[c]!];
      const v = data.values[i]![j]!;
      return { ...shade(v, max), text: String(v), title: t(language, "heatmap.cell", { row: data.rows[i]!.label, column: data.columns[j]!.label, value: v }) };
    },
  });
  const full = options.presence
    ? legendUnder(drawn, "", [
        { ...ZERO, mark: "0", label: t(language, "heatmap.absent") },
        { ...shade(1, 1), mark: "1", label: t(language, "heatmap.present") },
      ])
    : legendUnder(drawn, t(language, "heatmap.legend"), [{ ...ZERO, mark: "0", label: "" }, ...scaleSteps(max).map((v) => ({ ...shade(v, max), mark: String(v), label: "" }))]);
  return frame({ title, body: full.nodes, width: full.width, height: full.height, notes: [...codes.note, ...cases.note] });
}

// ——— Co-occurrence: code × code; the diagonal (a code with itself) is hatched grey and left out of the shading.

export function cooccurrenceChart(matrix: Matrix, unit: CooccurrenceUnit, language: Language): Chart {
  const title = t(language, unit === "overlap" ? "cooccurrence.titleOverlap" : "cooccurrence.titleParagraph");
  if (!matrix.rows.length || !matrix.columns.length) return noData(title, t(language, "empty.noCodes"), language);
  const codes = cap(indices(Math.min(matrix.rows.length, matrix.columns.length)), MAX_COOCCURRENCE_CODES, language, "codes");
  const v = (i: number, j: number) => matrix.values[i]![j]!;
  // The diagonal dwarfs the pairs, so the shading is scaled on the pairs alone.
  const max = Math.max(0, ...codes.shown.flatMap((i) => codes.shown.filter((j) => j !== i).map((j) => v(i, j))));
  const widest = Math.max(0, ...codes.shown.map((i) => v(i, i)));
  const diagonal = "tandai-cooccurrence-diagonal";
  // Upright column labels and narrow cells, the row labels taking what is left of a report page's
  // width, so ~20 codes are printed at their own size, not scaled down to unreadable numbers.
  const cellWidth = Math.ceil(Math.max(COOCCURRENCE_MIN_CELL, textWidth(String(Math.max(max, widest)), COOCCURRENCE_TEXT) + 6));
  const rowRoom = REPORT_WIDTH - 2 * PAD - codes.shown.length * cellWidth - 10;

  const drawn = grid({
    rows: codes.shown.map((i) => matrix.rows[i]!.label),
    columns: codes.shown.map((j) => matrix.columns[j]!.label),
    rowsAreCodes: true,
    columnsAreCodes: true,
    verticalColumns: true,
    maxRowLabel: Math.min(COOCCURRENCE_ROW_LABEL.max, Math.max(COOCCURRENCE_ROW_LABEL.min, rowRoom)),
    cellText: COOCCURRENCE_TEXT,
    cellWidth,
    cell: (r, c) => {
      const [i, j] = [codes.shown[r]!, codes.shown[c]!];
      const cellTitle = t(language, "cooccurrence.cell", { row: matrix.rows[i]!.label, column: matrix.columns[j]!.label, value: v(i, j) });
      if (i === j) return { fill: `url(#${diagonal})`, ink: INK, bold: true, text: String(v(i, j)), title: cellTitle };
      return { ...shade(v(i, j), max), text: String(v(i, j)), title: cellTitle };
    },
  });
  const full = legendUnder(drawn, t(language, "cooccurrence.legend"), [
    { ...ZERO, mark: "0", label: "" },
    ...scaleSteps(max).map((n) => ({ ...shade(n, max), mark: String(n), label: "" })),
  ]);
  return frame({
    title,
    defs: [hatch(diagonal, "#e6e6e6", "#c4c4c4")],
    body: full.nodes,
    width: full.width,
    height: full.height,
    notes: [t(language, unit === "overlap" ? "cooccurrence.diagonalOverlap" : "cooccurrence.diagonalParagraph"), ...codes.note],
  });
}

// ——— Indicator grid: indicators × cases, each cell naming its status in words.

const STATUS_FILL: Record<IndicatorStatus, { fill: string; ink: string }> = {
  met: { fill: mix("#ffffff", "#009E73", 0.4), ink: INK },
  contested: { fill: mix("#ffffff", "#E69F00", 0.35), ink: INK },
  not_met: ZERO,
};

export function indicatorGridChart(framework: Framework, cases: Case[], results: CaseResult[], language: Language): Chart {
  const title = t(language, "indicators.title", { framework: framework.name[language] });
  if (!cases.length) return noData(title, t(language, "empty.noCases"), language);
  const shownCases = cap(cases, MAX_GRID_CASES, language, "cases");
  const resultOf = new Map(results.map((r) => [r.caseId, r.frameworks.find((f) => f.frameworkId === framework.id)]));
  const word = (status: IndicatorStatus) => t(language, `indicators.${status}`);
  // Contested cells are hatched too, so they differ from met ones without colour.
  const contested = `tandai-indicators-${framework.id}-contested`;
  let overridden = false;

  const drawn = grid({
    rows: framework.indicators.map((i) => i.name[language]),
    columns: shownCases.shown.map((c) => c.name),
    cellWidth: Math.max(84, ...(["met", "contested", "not_met"] as const).map((s) => textWidth(`${word(s)} *`, 11) + 18)),
    cell: (r, c) => {
      const indicator = framework.indicators[r]!;
      const found = shownCases.shown[c]!;
      // No result (a case without documents): nothing supports the indicator.
      const result = resultOf.get(found.id)?.indicators.find((i) => i.indicatorId === indicator.id);
      const status = result?.effective ?? "not_met";
      const override = Boolean(result?.override);
      overridden ||= override;
      const params = { indicator: indicator.name[language], case: found.name, status: word(status) };
      return {
        ...STATUS_FILL[status],
        overlay: status === "contested" ? `url(#${contested})` : undefined,
        text: override ? `${word(status)} *` : word(status),
        marked: override,
        title: t(language, override ? "indicators.cellOverride" : "indicators.cell", params),
      };
    },
  });
  const full = legendUnder(
    drawn,
    "",
    (["met", "contested", "not_met"] as const).map((s) => ({ ...STATUS_FILL[s], overlay: s === "contested" ? `url(#${contested})` : undefined, label: word(s) })),
  );
  return frame({
    title,
    defs: [hatch(contested, "none", mix("#ffffff", "#E69F00", 0.75))],
    body: full.nodes,
    width: full.width,
    height: full.height,
    notes: [...(overridden ? [t(language, "indicators.override")] : []), ...shownCases.note],
  });
}
