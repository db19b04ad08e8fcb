import { afterEach, describe, expect, it, vi } from "vitest";
import { channels, type CodeId, type ProjectState } from "../../shared/index.js";
import { ExportDialog } from "../../renderer/components/export/index.js";
import { code, coding, documentMeta, project } from "../shared/fixtures.js";
import { $, choose, click, render, type Rendered } from "./harness.js";

// The backend's exportStart as the contract checks it; the user then closes Electron's save dialog (null).
const sent = vi.hoisted(() => [] as unknown[]);
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    exportStart: async (args: unknown) => {
      sent.push(channels.exportStart.args.parse(args).request);
      return null;
    },
  },
}));

/** A project coded by Ayu, Budi and Citra, with a parent code "Tahap" whose children are stages. */
function threeCoders(): { state: ProjectState; stages: CodeId } {
  const state = project();
  const document = documentMeta("Wawancara");
  state.documents[document.id] = document;
  const stages = code("Tahap");
  const first = code("Awal", stages.id);
  for (const c of [stages, first]) state.codes[c.id] = c;
  for (const [i, coder] of ["Citra", "Ayu", "Budi"].entries()) {
    const c = coding(document.id, first.id, i, i + 5, { coder });
    state.codings[c.id] = c;
  }
  return { state, stages: stages.id };
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  sent.length = 0;
});

describe("the agreement report in the export dialog", () => {
  it("sends one agreement export with the chosen coders, unit, categories and exclusion", async () => {
    const { state, stages } = threeCoders();
    view = await render(<ExportDialog onClose={() => {}} />, { state });
    const body = document.body;
    await click($(body, "[data-testid=export-kind-agreement]"));
    // The case, framework and code lists are the other exports' scope: not asked here.
    expect(body.querySelector("[data-testid=export-case]")).toBeNull();
    expect(($(body, "[data-testid=export-format]") as HTMLSelectElement).value).toBe("docx");
    await choose($(body, "[data-testid=export-format]") as HTMLSelectElement, "csv");
    await click($(body, "[data-testid=export-agreement-coder-Citra]"));
    await choose($(body, "[data-testid=export-agreement-unit]") as HTMLSelectElement, "sentence");
    await choose($(body, "[data-testid=export-agreement-categories]") as HTMLSelectElement, stages);
    await click($(body, "[data-testid=export-agreement-exclude]"));
    await click($(body, "[data-testid=export-start]"));
    expect(sent).toEqual([
      { kind: "agreement", format: "csv", language: "en", agreement: { coders: ["Ayu", "Budi"], unit: "sentence", codeIds: [], categories: stages, documentIds: [], excludeUncoded: true } },
    ]);
  });

  it("asks for two coders before it exports", async () => {
    const { state } = threeCoders();
    view = await render(<ExportDialog onClose={() => {}} />, { state });
    const body = document.body;
    await click($(body, "[data-testid=export-kind-agreement]"));
    await click($(body, "[data-testid=export-agreement-coder-Ayu]"));
    await click($(body, "[data-testid=export-agreement-coder-Budi]"));
    expect(($(body, "[data-testid=export-start]") as HTMLButtonElement).disabled).toBe(true);
    expect($(body, "[data-testid=export-agreement-coders]").textContent).toContain("Choose two or more coders.");
    await click($(body, "[data-testid=export-start]"));
    expect(sent).toEqual([]);
  });
});
