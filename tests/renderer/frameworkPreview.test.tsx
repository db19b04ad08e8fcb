import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { IndicatorsPanel } from "../../renderer/components/indicators/index.js";
import { emptyProject, newCaseId, newCodeId, newCodingId, newDocumentId, newProjectId, offset, type Code, type CodeId, type ProjectState } from "../../shared/index.js";
import { $, $$, choose, click, NOW, render, type Rendered } from "./harness.js";

/** The reported project: “Motif ekonomi” coded twice in an interview of the case, before any framework. */
function coded() {
  const state: ProjectState = emptyProject(newProjectId(), "Skripsi HI", NOW);
  const doc = newDocumentId();
  state.documents[doc] = { id: doc, title: "Wawancara Bappeda", kind: "txt", sourceName: "w.txt", importedAt: NOW, length: 1000, blockCount: 1, pageCount: null };
  const caseId = newCaseId();
  state.cases[caseId] = { id: caseId, name: "Padang – Ba Ria-Vung Tau", documentIds: [doc], createdAt: NOW };
  const code = (name: string, order: number): CodeId => {
    const c: Code = { id: newCodeId(), name, color: "#0072b2", parentId: null, order, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
    state.codes[c.id] = c;
    return c.id;
  };
  const economic = code("Motif ekonomi", 0);
  const notes = code("Catatan budaya", 1);
  for (const start of [0, 100]) {
    const id = newCodingId();
    state.codings[id] = { id, documentId: doc, codeId: economic, start: offset(start), end: offset(start + 20), coder: "Rani", stance: "supports", createdAt: NOW };
  }
  return { state, economic, notes };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  document.body.innerHTML = "";
});

const preview = () => $(document.body, "[data-testid=framework-preview]");
const rowOf = (indicatorId: string) => $(preview(), `[data-testid=preview-row][data-indicator-id="${indicatorId}"]`);
const choiceOf = (indicatorId: string) => $(rowOf(indicatorId), "[data-testid=preview-choice]") as HTMLSelectElement;

async function openPreview(state: ProjectState, language: "en" | "id" = "id") {
  view = await render(<IndicatorsPanel />, { state, language });
  await choose($(view.host, "[data-testid=framework-select]") as HTMLSelectElement, "keating");
  await click($(view.host, "[data-testid=add-framework]"));
  return view;
}

describe("adding a framework, previewed", () => {
  it("proposes the researcher's “Motif ekonomi” for the economic motive, writes nothing until confirmed, then the verdict counts it", async () => {
    const { state, economic } = coded();
    const { mirror, host } = await openPreview(state);
    expect(mirror.sent).toEqual([]);
    expect(choiceOf("keating.economic").value).toBe(economic);
    expect(choiceOf("keating.cultural").value).toBe("");
    expect(choiceOf("keating.cultural").selectedOptions[0]!.textContent).toBe("Kode baru “Motif budaya”");
    expect($(preview(), "[data-testid=preview-summary]").textContent).toBe("Menautkan 1 kode Anda dan membuat 2 kode baru. Satu kali urungkan membatalkan semuanya.");

    await click($(preview(), "[data-testid=confirm]"));
    expect(mirror.sent).toHaveLength(1);
    expect(mirror.sent[0]!.type).toBe("batch");
    expect(Object.values(mirror.state.codes).filter((c) => c.name === "Motif ekonomi")).toHaveLength(1);
    expect(mirror.state.codes[economic]!.indicatorId).toBe("keating.economic");
    expect($(host, "[data-testid=verdict-sentence]").textContent).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
    expect($(host, "[data-testid=framework-added]").textContent).toBe("“Motif paradiplomasi (Keating)” ditambahkan: 1 kode Anda ditautkan, 3 kode dibuat.");
    // One undo takes the framework, its links and its codes back.
    await act(() => mirror.undo());
    expect(mirror.state.frameworks).toEqual({});
    expect(mirror.state.codes[economic]!.indicatorId).toBeUndefined();
    expect(Object.keys(mirror.state.codes)).toHaveLength(2);
  });

  it("lets the user change a row: a new code instead of the match, another code for an indicator", async () => {
    const { state, economic, notes } = coded();
    const { mirror } = await openPreview(state, "en");
    await choose(choiceOf("keating.economic"), "");
    await choose(choiceOf("keating.cultural"), notes);
    // A code taken by one row cannot be chosen in another.
    expect([...choiceOf("keating.political").options].find((o) => o.value === notes)!.disabled).toBe(true);
    expect($(preview(), "[data-testid=preview-summary]").textContent).toBe("Links 1 of your codes and creates 2 new codes. One undo takes it all back.");
    await click($(preview(), "[data-testid=confirm]"));
    expect(mirror.state.codes[notes]!.indicatorId).toBe("keating.cultural");
    expect(mirror.state.codes[economic]!.indicatorId).toBeUndefined();
    expect(Object.values(mirror.state.codes).filter((c) => c.name === "Economic motive").map((c) => c.indicatorId)).toEqual(["keating.economic"]);
  });

  it("previews a framework imported from a file the same way, linking the researcher's code named like an indicator", async () => {
    const { state, economic } = coded();
    view = await render(<IndicatorsPanel />, { state, language: "en" });
    const framework = {
      id: "trade",
      name: { en: "Trade interests", id: "Kepentingan dagang" },
      kind: "assessment",
      indicators: [
        { id: "trade.economic", name: { en: "Economic motive", id: "Motif ekonomi" } },
        { id: "trade.ports", name: { en: "Port investment", id: "Investasi pelabuhan" } },
      ],
    };
    const input = $(view.host, "[data-testid=import-framework-input]") as HTMLInputElement;
    // jsdom's File has no text(): a file as the browser hands it over, with the part the panel reads.
    const file = { name: "trade.framework.json", text: () => Promise.resolve(JSON.stringify(framework)) };
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(view.host.querySelector("[data-testid=framework-import-error]")?.textContent ?? null).toBeNull();
    expect(view.mirror.sent).toEqual([]);
    expect(choiceOf("trade.economic").value).toBe(economic);
    expect(choiceOf("trade.ports").value).toBe("");
    await click($(preview(), "[data-testid=confirm]"));
    expect(view.mirror.state.codes[economic]!.indicatorId).toBe("trade.economic");
    expect(Object.values(view.mirror.state.codes).filter((c) => c.indicatorId === "trade.ports").map((c) => c.name)).toEqual(["Port investment"]);
    expect($(view.host, "[data-testid=framework-import-done]").textContent).toContain("trade.framework.json");
  });

  it("cancelling writes nothing", async () => {
    const { state } = coded();
    const { mirror } = await openPreview(state, "en");
    await click($(preview(), "[data-testid=cancel]"));
    expect(mirror.sent).toEqual([]);
    expect($$(document.body, "[data-testid=framework-preview]")).toHaveLength(0);
  });
});
