import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { UndoButtons, UndoToast } from "../../renderer/components/history/index.js";
import { emptyProject, newCodeId, newCodingId, newDocumentId, newProjectId, offset, type Code, type ProjectState } from "../../shared/index.js";
import { $, $$, click, mouseDown, NOW, render, type Rendered } from "./harness.js";

function project(): { state: ProjectState; stage: Code; initiation: Code } {
  const state = emptyProject(newProjectId(), "Skripsi", NOW);
  const documentId = newDocumentId();
  state.documents[documentId] = { id: documentId, title: "Wawancara Bappeda", kind: "txt", sourceName: "w.txt", importedAt: NOW, length: 500, blockCount: 1, pageCount: null };
  const blank = { definition: "", whenToUse: "", whenNotToUse: "" };
  const stage: Code = { id: newCodeId(), name: "Tahap", color: "#e69f00", parentId: null, order: 0, description: blank, createdAt: NOW };
  const initiation: Code = { id: newCodeId(), name: "Inisiasi", color: "#56b4e9", parentId: stage.id, order: 0, description: blank, createdAt: NOW };
  state.codes[stage.id] = stage;
  state.codes[initiation.id] = initiation;
  return { state, stage, initiation };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const coding = (state: ProjectState, codeId: Code["id"]) => ({
  id: newCodingId(),
  documentId: Object.keys(state.documents)[0] as never,
  codeId,
  start: offset(10),
  end: offset(40),
  coder: "Rani",
  stance: "supports" as const,
  createdAt: NOW,
});

describe("undo that says what it did", () => {
  it("names the next step in the buttons' tooltips, and tells what an undo and a redo did", async () => {
    const { state, initiation } = project();
    view = await render(
      <>
        <UndoButtons />
        <UndoToast />
      </>,
      { state },
    );
    const undo = $(view.host, '[data-testid="undo"]');
    expect(undo.title).toBe("Nothing to undo");
    await act(() => view!.mirror.apply({ type: "addCoding", coding: coding(state, initiation.id) }));
    await act(() => view!.mirror.apply({ type: "linkCode", codeId: initiation.id, indicatorId: null }));
    await act(() => view!.mirror.apply({ type: "updateCode", codeId: initiation.id, color: "#009e73" }));
    expect(undo.title).toBe("Undo: colour of code “Tahap / Inisiasi” (Ctrl+Z)");
    await click(undo);
    expect($(view.host, '[data-testid="undo-toast"]').textContent).toContain("Undone: colour of code “Tahap / Inisiasi”");
    expect(undo.title).toBe("Undo: unlinking of code “Tahap / Inisiasi” (Ctrl+Z)");
    expect($(view.host, '[data-testid="redo"]').title).toBe("Redo: colour of code “Tahap / Inisiasi” (Ctrl+Shift+Z)");
    await click($(view.host, '[data-testid="redo"]'));
    expect($(view.host, '[data-testid="undo-toast"]').textContent).toContain("Redone: colour of code “Tahap / Inisiasi”");
  });

  it("speaks Indonesian: “Dibatalkan: tautan kode …”", async () => {
    const { state, initiation } = project();
    state.frameworks.stages = {
      id: "stages",
      name: { en: "Implementation stages", id: "Tahap implementasi kerja sama" },
      kind: "ordered_assessment",
      indicators: [{ id: "stages.initiation", name: { en: "Initiation", id: "Tahap inisiasi" } }],
      thresholds: { minCodings: 1, minDocuments: 1 },
    };
    view = await render(
      <>
        <UndoButtons />
        <UndoToast />
      </>,
      { state, language: "id" },
    );
    await act(() => view!.mirror.apply({ type: "linkCode", codeId: initiation.id, indicatorId: "stages.initiation" }));
    expect($(view.host, '[data-testid="undo"]').title).toBe("Urungkan: tautan kode “Tahap / Inisiasi” ke “Tahap inisiasi” (Ctrl+Z)");
    await click($(view.host, '[data-testid="undo"]'));
    expect($(view.host, '[data-testid="undo-toast"]').textContent).toContain("Dibatalkan: tautan kode “Tahap / Inisiasi” ke “Tahap inisiasi”");
    expect(view.mirror.state.codes[initiation.id]!.indicatorId).toBeUndefined();
  });

  it("lists the steps, latest first, and steps back to a point in one go", async () => {
    const { state, initiation, stage } = project();
    view = await render(
      <>
        <UndoButtons />
        <UndoToast />
      </>,
      { state },
    );
    const first = coding(state, initiation.id);
    await act(() => view!.mirror.apply({ type: "addCoding", coding: first }));
    await act(() => view!.mirror.apply({ type: "addCoding", coding: coding(state, stage.id) }));
    await act(() => view!.mirror.apply({ type: "updateCode", codeId: stage.id, name: "Tahapan" }));
    await click($(view.host, '[data-testid="undo-history"]'));
    const steps = $$(document.body, '[data-testid="history-step"]');
    expect(steps.map((s) => s.querySelector(".history-words")!.textContent)).toEqual([
      "rename code “Tahap” to “Tahapan”",
      "add coding “Tahap”",
      "add coding “Tahap / Inisiasi”",
    ]);
    // Back to before the second coding: the rename and that coding are undone, the first coding stays.
    await click(steps[1]!);
    expect(Object.keys(view.mirror.state.codings)).toEqual([first.id]);
    expect(view.mirror.state.codes[stage.id]!.name).toBe("Tahap");
    expect($(view.host, '[data-testid="undo-toast"]').textContent).toContain("Undone 2 steps, the last: add coding “Tahap”");
    expect(view.mirror.backend).toEqual(view.mirror.state);
    await click($(view.host, '[data-testid="undo-history"]'));
    expect($$(document.body, '[data-testid="history-undone"]').map((s) => s.textContent)).toEqual(["add coding “Tahap”", "rename code “Tahap” to “Tahapan”"]);
    // Pressing the button again closes the list (the press outside it), and does not reopen it.
    const toggle = $(view.host, '[data-testid="undo-history"]');
    await mouseDown(toggle);
    await click(toggle);
    expect(document.querySelector('[data-testid="history-list"]')).toBeNull();
  });
});
