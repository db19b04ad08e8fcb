import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newCaseId, type CodeId, type Passage, type ProjectState, type Stance } from "../../shared/index.js";
import { Codebook } from "../../renderer/components/codebook/Codebook.js";
import { IndicatorsPanel } from "../../renderer/components/indicators/index.js";
import { code, coding, documentMeta, NOW, project } from "../shared/fixtures.js";
import { $, $$, choose, click, render, type Rendered } from "./harness.js";

// The backend's retrieval (asked only for the dashboard's quotes), answered from the state's own codings.
const backend = vi.hoisted(() => ({ state: null as unknown }));
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    retrieve: ({ codeId }: { codeId: string }) => {
      const state = backend.state as ProjectState;
      const passages = Object.values(state.codings)
        .filter((c) => c.codeId === codeId)
        .map((c): Passage => ({ codingId: c.id, codeId: c.codeId, documentId: c.documentId, documentTitle: "Wawancara", start: c.start, end: c.end, quote: `quote by ${c.coder} at ${c.start}`, before: "", after: "", location: { paragraph: 1, page: null } as unknown as Passage["location"], coder: c.coder, stance: c.stance }));
      return Promise.resolve(passages);
    },
  },
}));

/**
 * "Only my codings" (issue 12, item 1) in the indicators and the codebook: the switch shown on the
 * dashboard hides other coders' codings from the verdicts, the evidence counts, the quotes and the
 * codebook's counts, as it does in the document view and Retrieve. The test app's coder is Rani.
 */
function twoCoders(): { state: ProjectState; economic: CodeId } {
  const state = project();
  const document = documentMeta("Wawancara");
  state.documents[document.id] = document;
  const economic = { ...code("Economic"), indicatorId: "keating.economic" };
  state.codes[economic.id] = economic;
  const caseId = newCaseId();
  state.cases[caseId] = { id: caseId, name: "Padang – Ba Ria-Vung Tau", documentIds: [document.id], createdAt: NOW };
  const add = (coder: string, start: number, stance: Stance) => {
    const c = coding(document.id, economic.id, start, start + 5, { coder, stance });
    state.codings[c.id] = c;
  };
  // Rani found the economic motive once; Budi found it too, and once found a passage against it.
  add("Rani", 10, "supports");
  add("Budi", 40, "supports");
  add("Budi", 80, "contradicts");
  return { state, economic: economic.id };
}

let view: Rendered | null = null;
afterEach(async () => {
  // The switch is one per window (module state): leave it off for the next test.
  const on = view?.host.querySelector<HTMLInputElement>("[data-testid=only-mine]");
  if (on?.checked) await click(on);
  view?.unmount();
  view = null;
});

const row = () => $(document.body, '[data-testid=indicator-row][data-indicator-id="keating.economic"]');

describe("only my codings in the indicators and the codebook", () => {
  it("computes the verdicts, counts and quotes from my codings alone, and the codebook counts mine", async () => {
    const { state } = twoCoders();
    backend.state = state;
    view = await render(
      <>
        <Codebook selectedCodeId={null} onSelect={() => {}} />
        <IndicatorsPanel />
      </>,
      { state },
    );
    await choose($(view.host, "[data-testid=framework-select]") as HTMLSelectElement, "keating");
    await click($(view.host, "[data-testid=add-framework]"));
    await click($(document.body, "[data-testid=framework-preview] [data-testid=confirm]"));
    const codeCount = () => $$(view!.host, "[data-testid=code-row]").find((r) => r.textContent?.includes("Economic"))!.querySelector("[data-testid=code-count]")!.textContent;

    // Everyone's codings: two for, one against — contested; the codebook counts three.
    expect(row().dataset.status).toBe("contested");
    expect($(row(), "[data-testid=count-supporting]").textContent).toBe("2");
    expect($(row(), "[data-testid=count-contradicting]").textContent).toBe("1");
    expect(codeCount()).toBe("3");

    const toggle = $(view.host, "[data-testid=indicators-panel] [data-testid=only-mine]") as HTMLInputElement;
    expect(toggle.parentElement!.textContent).toContain("Rani");
    await click(toggle);
    // Rani's alone: one for, none against — met; the codebook counts Rani's one.
    expect(row().dataset.status).toBe("met");
    expect($(row(), "[data-testid=count-supporting]").textContent).toBe("1");
    expect($(row(), "[data-testid=count-contradicting]").textContent).toBe("0");
    expect(codeCount()).toBe("1");

    await act(async () => {
      $(document.body, "[data-testid=toggle-quotes]").dispatchEvent(new MouseEvent("click", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect($$(row(), "[data-testid=indicator-quote]").map((q) => q.textContent)).toEqual([expect.stringContaining("quote by Rani at 10")]);

    // Off again: everyone's.
    await click(toggle);
    expect(row().dataset.status).toBe("contested");
    expect(codeCount()).toBe("3");
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    expect($$(row(), "[data-testid=indicator-quote]").map((q) => q.textContent)).toEqual(expect.arrayContaining([expect.stringContaining("quote by Budi at 40")]));
  });
});
