import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  codeCaseMatrix,
  cooccurrenceMatrix,
  emptyProject,
  newCodingId,
  newProjectId,
  offset,
  resolveScope,
  TandaiError,
  type CooccurrenceUnit,
  type Coding,
  type DocumentContent,
  type ExportRequestInput,
  type ExportScope,
  type ProjectState,
} from "../../shared/index.js";
import { ChartsView } from "../../renderer/components/charts/index.js";
import { Workspace } from "../../renderer/components/Workspace.js";
import { exportFixture, type ExportFixture } from "../shared/exportFixture.js";
import { $, $$, choose, click, NOW, render, type Rendered } from "./harness.js";

// The backend's co-occurrence, counted from the mirror's state as the backend would (paragraphs from the documents' blocks).
const backend = vi.hoisted(() => ({ asked: [] as { scope: unknown; unit: string }[], state: null as unknown, contents: new Map<string, unknown>(), fail: null as unknown }));
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    cooccurrence: (args: { scope: ExportScope; unit: CooccurrenceUnit }) => {
      backend.asked.push(args);
      if (backend.fail) return Promise.reject(backend.fail);
      const state = backend.state as ProjectState;
      const paragraphsOf = (c: Coding) => {
        const blocks = (backend.contents.get(c.documentId) as DocumentContent).blocks;
        const at = (offset: number) => Math.max(0, blocks.findIndex((b) => b.start <= offset && offset <= b.end));
        return [at(c.start), at(c.end)] as const;
      };
      return Promise.resolve(cooccurrenceMatrix(state, resolveScope(state, args.scope), args.unit, paragraphsOf));
    },
    documentContent: ({ documentId }: { documentId: string }) => Promise.resolve(backend.contents.get(documentId)),
  },
}));

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  backend.asked.length = 0;
  backend.fail = null;
});

async function show(fx: ExportFixture | null, options: { language?: "en" | "id"; workspace?: boolean } = {}) {
  const state = fx?.state ?? emptyProject(newProjectId(), "Skripsi", NOW);
  backend.contents = fx?.contents ?? new Map();
  // The mirror applies operations to this same object, in place.
  backend.state = state;
  const onExport = vi.fn<(request: ExportRequestInput) => void>();
  view = await render(options.workspace ? <Workspace onExport={onExport} /> : <ChartsView onExport={onExport} />, { state, language: options.language });
  expect(view.mirror.state).toBe(state);
  // The first co-occurrence answer arrives after the first render.
  await act(async () => {});
  return { onExport, mirror: view.mirror, host: view.host };
}

const chart = (id: string) => $(view!.host, `[data-testid=${id}]`);
/** The SVG's own title (the chart's name). */
const chartTitle = (id: string) => chart(id).querySelector("svg > title")!.textContent;
const drawnTexts = (id: string) => $$(chart(id), "svg text").map((t) => t.textContent);
/** The text drawn in the cell or bar whose hover title is `title`. */
function cell(id: string, title: string): string | null {
  const g = $$(chart(id), "svg g").find((el) => el.querySelector(":scope > title")?.textContent === title && el.querySelector(":scope > rect"));
  return g ? g.querySelector(":scope > text")!.textContent : null;
}

const VUNG_TAU = "Padang – Bà Rịa–Vũng Tàu";
const BUSAN = "Surabaya – Busan (부산)";
const economicPath = (fx: ExportFixture) => codeCaseMatrix(fx.state, resolveScope(fx.state, { caseIds: [], codeIds: [], frameworkIds: [] })).rows.find((r) => r.label.endsWith("Motif ekonomi"))!.label;

describe("the charts view", () => {
  it("draws the four charts of the project as SVG elements, one indicator grid per framework", async () => {
    const fx = exportFixture();
    const errors = vi.spyOn(console, "error");
    await show(fx);
    expect(chart("charts-view")).toBeTruthy();
    expect(chartTitle("chart-frequencies")).toBe("Code frequencies per case");
    expect(chartTitle("chart-heatmap")).toBe("Codes × cases: number of codings");
    expect(chartTitle("chart-cooccurrence")).toBe("Code co-occurrence: same paragraph");
    expect(chartTitle("chart-indicatorGrid-keating")).toBe("Motives of paradiplomacy (Keating): indicator status per case");
    expect(drawnTexts("chart-frequencies")).toEqual(expect.arrayContaining([VUNG_TAU, BUSAN]));
    const economic = economicPath(fx);
    expect(cell("chart-heatmap", `${economic} in ${VUNG_TAU}: 2`)).toBe("2");
    expect(cell("chart-indicatorGrid-keating", `Political motive in ${BUSAN}: Met (researcher's decision)`)).toBe("Met *");
    // Real SVG elements in the SVG namespace, not markup.
    const svg = chart("chart-heatmap").querySelector("svg")!;
    expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(svg.getAttribute("font-family")).toMatch(/Noto Sans/);
    expect(svg.querySelector("text")!.getAttribute("font-size")).toBeTruthy();
    expect(backend.asked).toEqual([{ scope: { caseIds: [], codeIds: [], frameworkIds: [] }, unit: "paragraph" }]);
    expect(errors.mock.calls.filter(([message]) => String(message).includes("Invalid DOM property"))).toEqual([]);
    errors.mockRestore();
  });

  it("redraws when a coding is added", async () => {
    const fx = exportFixture();
    const { mirror } = await show(fx);
    const economic = economicPath(fx);
    const text = fx.contents.get(fx.docs.busan)!.text;
    const start = text.indexOf(fx.quotes.korean);
    const coding: Coding = { id: newCodingId(), documentId: fx.docs.busan, codeId: fx.codes.covid.id, start: offset(start), end: offset(start + 5), coder: "Rani", stance: "supports", createdAt: NOW };
    await act(async () => mirror.externalChange({ type: "addCoding", coding }));
    await act(async () => {});
    const covid = "Hambatan/Pandemi Covid-19";
    expect(cell("chart-heatmap", `${covid} in ${BUSAN}: 1`)).toBe("1");
    expect(cell("chart-frequencies", `${covid} in ${BUSAN}: 1`)).toBe("1");
    // Co-occurrence asked again: the new coding shares the Korean paragraph with the economic motive.
    expect(backend.asked).toHaveLength(2);
    expect(cell("chart-cooccurrence", `${covid} with ${economic}: 1`)).toBe("1");
  });

  it("switches the heatmap to presence and co-occurrence to overlapping codings", async () => {
    const fx = exportFixture();
    const shown = await show(fx, { language: "id" });
    await choose($(view!.host, "[data-testid=charts-presence]") as HTMLSelectElement, "presence");
    expect(chartTitle("chart-heatmap")).toBe("Kode × kasus: dikodekan atau tidak");
    expect(cell("chart-heatmap", `${economicPath(fx)} pada ${VUNG_TAU}: 1`)).toBe("1");
    // Exported as shown: presence, not counts.
    const { onExport } = shown;
    await click($(view!.host, "[data-testid=chart-heatmap-svg]"));
    expect(onExport).toHaveBeenLastCalledWith(expect.objectContaining({ chart: "heatmap", presence: true }));

    await choose($(view!.host, "[data-testid=charts-unit]") as HTMLSelectElement, "overlap");
    await act(async () => {});
    expect(backend.asked.at(-1)!.unit).toBe("overlap");
    expect(chartTitle("chart-cooccurrence")).toBe("Kemunculan bersama kode: pengodean tumpang tindih");
    expect(drawnTexts("chart-cooccurrence")).toContain("Diagonal abu-abu berarsir: jumlah pengodean masing-masing kode itu sendiri.");
  });

  it("asks for SVG and PNG exports with the chart, language, cases and unit shown", async () => {
    const fx = exportFixture();
    const { onExport } = await show(fx);
    await click($(view!.host, "[data-testid=chart-heatmap-png]"));
    expect(onExport).toHaveBeenLastCalledWith({ kind: "chart", format: "png", language: "en", scope: { caseIds: [], codeIds: [], frameworkIds: [] }, chart: "heatmap", unit: "paragraph", presence: false });
    await click($(view!.host, "[data-testid=chart-indicatorGrid-keating-svg]"));
    expect(onExport).toHaveBeenLastCalledWith({ kind: "chart", format: "svg", language: "en", scope: { caseIds: [], codeIds: [], frameworkIds: ["keating"] }, chart: "indicatorGrid", unit: "paragraph", presence: false });

    // Only Busan, co-occurrence by overlap: the export covers what is on screen.
    await click($(view!.host, `[data-testid=charts-case-${fx.cases.vungTau}]`));
    await choose($(view!.host, "[data-testid=charts-unit]") as HTMLSelectElement, "overlap");
    await act(async () => {});
    expect(drawnTexts("chart-frequencies")).not.toContain(VUNG_TAU);
    expect(backend.asked.at(-1)).toEqual({ scope: { caseIds: [fx.cases.busan], codeIds: [], frameworkIds: [] }, unit: "overlap" });
    await click($(view!.host, "[data-testid=chart-cooccurrence-svg]"));
    expect(onExport).toHaveBeenLastCalledWith({ kind: "chart", format: "svg", language: "en", scope: { caseIds: [fx.cases.busan], codeIds: [], frameworkIds: [] }, chart: "cooccurrence", unit: "overlap", presence: false });
    await click($(view!.host, "[data-testid=chart-frequencies-png]"));
    expect(onExport).toHaveBeenLastCalledWith(expect.objectContaining({ chart: "frequencies", format: "png", scope: { caseIds: [fx.cases.busan], codeIds: [], frameworkIds: [] } }));
    // The last case shown cannot be unticked.
    expect(($(view!.host, `[data-testid=charts-case-${fx.cases.busan}]`) as HTMLInputElement).disabled).toBe(true);
    expect(onExport).toHaveBeenCalledTimes(4);
  });

  it("says so when the backend cannot count co-occurrences, and shows the error", async () => {
    backend.fail = new TandaiError("errors.unexpected", {});
    await show(exportFixture());
    expect(chart("chart-cooccurrence").textContent).toContain("The co-occurrence matrix could not be computed.");
    expect(chart("chart-cooccurrence").querySelector("svg")).toBeNull();
    expect(($(view!.host, "[data-testid=chart-cooccurrence-svg]") as HTMLButtonElement).disabled).toBe(true);
    expect(view!.app.errors).toHaveLength(1);
    // The other charts do not depend on it.
    expect(chartTitle("chart-heatmap")).toBe("Codes × cases: number of codings");
  });

  it("says there is no data in an empty project", async () => {
    await show(null, { language: "id" });
    expect(drawnTexts("chart-frequencies")).toEqual(expect.arrayContaining(["Tidak ada data", "Buku kode belum memiliki kode."]));
    expect(drawnTexts("chart-heatmap")).toContain("Tidak ada data");
    expect(drawnTexts("chart-cooccurrence")).toContain("Tidak ada data");
    expect(view!.host.textContent).toContain("Proyek ini belum memiliki kerangka analisis");
    expect($$(view!.host, "[data-testid^=chart-indicatorGrid-]")).toEqual([]);
  });

  it("is reached from the workspace with the Charts toggle, and a chosen document brings the text back", async () => {
    const fx = exportFixture();
    const { onExport } = await show(fx, { workspace: true });
    expect($$(view!.host, "[data-testid=charts-view]")).toEqual([]);
    await click($(view!.host, "[data-testid=charts-toggle]"));
    await act(async () => {});
    expect(chartTitle("chart-frequencies")).toBe("Code frequencies per case");
    expect($(view!.host, "[data-testid=charts-toggle]").getAttribute("aria-pressed")).toBe("true");
    await click($(view!.host, "[data-testid=chart-heatmap-svg]"));
    expect(onExport).toHaveBeenCalledWith(expect.objectContaining({ kind: "chart", chart: "heatmap", format: "svg" }));

    await click($(view!.host, "[data-testid=document-toggle]"));
    expect($$(view!.host, "[data-testid=charts-view]")).toEqual([]);
    await click($(view!.host, "[data-testid=charts-toggle]"));
    await act(async () => {});
    expect($$(view!.host, "[data-testid=charts-view]")).toHaveLength(1);
    const documentButton = $$(view!.host, ".document-list button").find((b) => b.textContent?.includes("Busan interview notes"))!;
    await click(documentButton);
    expect($$(view!.host, "[data-testid=charts-view]")).toEqual([]);
  });
});
