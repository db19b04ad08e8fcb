import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Codebook } from "../../renderer/components/codebook/index.js";
import { CodePalette } from "../../renderer/components/CodePalette.js";
import { emptyProject, newCodeId, newProjectId, type Code, type CodeId, type ProjectState } from "../../shared/index.js";
import { $, $$, click, NOW, render, type Rendered } from "./harness.js";

let clock = 0;
function codebook() {
  const state: ProjectState = emptyProject(newProjectId(), "Skripsi", NOW);
  const add = (name: string, parentId: CodeId | null, order: number): CodeId => {
    const code: Code = {
      id: newCodeId(),
      name,
      color: "#0072b2",
      parentId,
      order,
      description: { definition: "", whenToUse: "", whenNotToUse: "" },
      createdAt: new Date(Date.parse(NOW) + ++clock * 1000).toISOString(),
    };
    state.codes[code.id] = code;
    return code.id;
  };
  const motive = add("Motif", null, 0);
  const economic = add("Motif ekonomi", motive, 0);
  const cultural = add("Motif budaya", motive, 1);
  const barrier = add("Hambatan", null, 1);
  return { state, motive, economic, cultural, barrier, add };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  document.body.innerHTML = "";
});

const keyOf = (id: CodeId) => document.querySelector(`[data-testid="code-row"][data-code-id="${id}"] [data-testid="code-shortcut"]`)?.textContent ?? null;

describe("pinning a code to a key", () => {
  it("a group takes no key, and a new code first in the codebook does not renumber the others", async () => {
    const { state, motive, economic, cultural, barrier } = codebook();
    view = await render(<Codebook selectedCodeId={null} onSelect={() => {}} />, { state });
    expect([keyOf(motive), keyOf(economic), keyOf(cultural), keyOf(barrier)]).toEqual([null, "1", "2", "3"]);
    const first: Code = { ...state.codes[barrier]!, id: newCodeId(), name: "Aktor", order: -1, createdAt: "2026-02-01T00:00:00.000Z" };
    await act(() => view!.mirror.apply({ type: "addCode", code: first }));
    expect([keyOf(economic), keyOf(cultural), keyOf(barrier), keyOf(first.id)]).toEqual(["1", "2", "3", "4"]);
  });

  it("pins from the code's menu, shows the pin, keeps it through a merge, and one undo takes it back", async () => {
    const { state, economic, cultural, barrier } = codebook();
    view = await render(<Codebook selectedCodeId={null} onSelect={() => {}} />, { state });
    await click($(document, `[data-testid="code-row"][data-code-id="${barrier}"] [data-testid="code-menu-button"]`));
    await click($(document, '[data-testid="code-menu"] [data-action="key"]'));
    const picker = $(document, '[data-testid="key-picker"]');
    expect($(picker, '[data-key="1"]').textContent).toContain("now: Motif / Motif ekonomi");
    await click($(picker, '[data-key="1"]'));
    expect(view.mirror.sentOf("setCodeKey")).toEqual([{ type: "setCodeKey", codeId: barrier, key: 1 }]);
    expect(keyOf(barrier)).toBe("1");
    expect($(document, `[data-code-id="${barrier}"] [data-testid="code-shortcut"]`).dataset.pinned).toBe("true");
    expect($(document, `[data-code-id="${barrier}"] [data-testid="code-shortcut"]`).title).toBe("Key 1, pinned: press 1 to apply this code to the selected text");
    expect([keyOf(economic), keyOf(cultural)]).toEqual(["2", "3"]);

    await act(() => view!.mirror.apply({ type: "mergeCodes", sourceId: economic, targetId: cultural }));
    expect(keyOf(barrier)).toBe("1");
    await act(() => view!.mirror.undo());
    await act(() => view!.mirror.undo());
    expect(keyOf(barrier)).toBe("3");
    expect(view.mirror.state.codes[barrier]!.key).toBeUndefined();
  });

  it("shows the keys in the palette too", async () => {
    const { state, economic } = codebook();
    state.codes[economic] = { ...state.codes[economic]!, key: 7 };
    view = await render(<CodePalette onPick={() => {}} onClose={() => {}} />, { state });
    const options = $$(document, '[data-testid="palette-option"]').map((li) => [li.querySelector(".palette-path")!.textContent, li.querySelector('[data-testid="palette-key"]')?.textContent ?? null]);
    expect(options).toEqual([
      ["Motif", null],
      ["Motif / Motif ekonomi", "7"],
      ["Motif / Motif budaya", "1"],
      ["Hambatan", "2"],
    ]);
  });
});
