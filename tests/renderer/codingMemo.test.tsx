import { afterEach, describe, expect, it, vi } from "vitest";
import { CodingPopover } from "../../renderer/components/CodingPopover.js";
import { RetrievalPanel } from "../../renderer/components/RetrievalPanel.js";
import { emptyProject, memoKey, newCodeId, newCodingId, newDocumentId, newProjectId, offset, type CodingId, type Passage, type ProjectState } from "../../shared/index.js";
import { $, $$, click, NOW, render, type Rendered } from "./harness.js";

// The backend's retrieval, answered from the test's own passages.
const retrieved = vi.hoisted(() => ({ passages: [] as unknown[] }));
vi.mock("../../renderer/api/client.js", () => ({
  api: { retrieve: () => Promise.resolve(retrieved.passages) },
}));

function project() {
  const state: ProjectState = emptyProject(newProjectId(), "Skripsi", NOW);
  const doc = newDocumentId();
  state.documents[doc] = { id: doc, title: "Wawancara Bappeda", kind: "txt", sourceName: "w.txt", importedAt: NOW, length: 500, blockCount: 1, pageCount: null };
  const codeId = newCodeId();
  state.codes[codeId] = { id: codeId, name: "Motif ekonomi", color: "#e69f00", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
  const coding = (start: number): CodingId => {
    const id = newCodingId();
    state.codings[id] = { id, documentId: doc, codeId, start: offset(start), end: offset(start + 20), coder: "Rani", stance: "supports", createdAt: NOW };
    return id;
  };
  const plain = coding(0);
  const noted = coding(100);
  const target = { kind: "coding" as const, id: noted };
  state.memos[memoKey(target)] = { target, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Dikutip di bab 4." }] }] }, text: "Dikutip di bab 4.", updatedAt: NOW };
  const passage = (codingId: CodingId, start: number): Passage =>
    ({ codingId, codeId, documentId: doc, documentTitle: "Wawancara Bappeda", start, end: start + 20, quote: "membuka pasar ekspor", before: "", after: "", stance: "supports", coder: "Rani", location: { paragraph: 1 } }) as unknown as Passage;
  return { state, plain, noted, codeId, passages: [passage(plain, 0), passage(noted, 100)] };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  document.body.innerHTML = "";
});

describe("coding memos are easy to find", () => {
  it("the Memo button says and shows whether the coding has a memo", async () => {
    const { state, plain, noted } = project();
    view = await render(<CodingPopover codingIds={[plain, noted]} at={{ x: 10, y: 10 }} onClose={() => {}} onRemove={() => {}} drawn={(id) => state.codings[id]} onStance={() => {}} />, { state });
    const [without, withMemo] = $$(view.host, "[data-testid=coding-memo]");
    expect(without!.textContent).toBe(" Memo");
    expect(without!.dataset.hasMemo).toBeUndefined();
    expect(without!.getAttribute("aria-label")).toBe("Write a memo on this passage");
    expect(withMemo!.textContent).toBe(" Memo (1)");
    expect(withMemo!.dataset.hasMemo).toBe("true");
    expect(withMemo!.getAttribute("aria-label")).toBe("Open the memo on this passage (it has one)");
    expect(withMemo!.querySelector("svg")!.getAttribute("fill")).toBe("currentColor");
    await click(withMemo!);
    expect(withMemo!.getAttribute("aria-expanded")).toBe("true");
    expect($(view.host, "[data-testid=memo-editor]").textContent).toContain("Dikutip di bab 4.");
  });

  it("Retrieve shows a coding's memo under its passage", async () => {
    const { state, codeId, passages } = project();
    retrieved.passages = passages;
    view = await render(<RetrievalPanel codeId={codeId} onJump={() => {}} />, { state });
    await new Promise((r) => setTimeout(r, 0));
    const items = $$(view.host, ".passages > li");
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector("[data-testid=passage-memo]")).toBeNull();
    expect($(items[1]!, "[data-testid=passage-memo]").textContent).toBe("MemoDikutip di bab 4.");
  });
});
