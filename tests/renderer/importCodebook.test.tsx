import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  applyOperation,
  emptyProject,
  findCodes,
  importCodebookOps,
  newProjectId,
  TandaiError,
  templateFramework,
  type ImportedCode,
} from "../../shared/index.js";
import { Codebook } from "../../renderer/components/codebook/index.js";
import { $, click, NOW, render, type Rendered } from "./harness.js";

// The backend's importCodebook, with the parsing done here: the file's text is the tree as JSON.
const calls: { name: string; text: string }[] = [];
let current: Rendered | null = null;
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    importCodebook: async ({ file }: { file: { name: string; data: Uint8Array } }) => {
      const text = new TextDecoder().decode(file.data);
      calls.push({ name: file.name, text });
      if (!text.startsWith("[")) throw new TandaiError("import.errors.codebookNotXml", { file: file.name, detail: "x" });
      const mirror = current!.mirror;
      const { ops, summary } = importCodebookOps(mirror.backend, JSON.parse(text) as ImportedCode[], NOW);
      // The backend applies the batch; the view receives what was applied.
      const applied = ops.length ? ({ type: "batch", ops } as const) : null;
      if (applied) applyOperation(mirror.backend, structuredClone(applied), NOW);
      return { applied: { applied, canUndo: true, canRedo: false }, ...summary };
    },
  },
}));

afterEach(() => {
  current?.unmount();
  current = null;
  calls.length = 0;
});

async function choose(input: HTMLInputElement, name: string, text: string) {
  const bytes = new TextEncoder().encode(text);
  // jsdom's File has no arrayBuffer(); browsers' has.
  const file = Object.assign(new File([bytes], name, { type: "application/xml" }), { arrayBuffer: async () => bytes.buffer });
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // The bytes are read and the answer received over a few microtasks.
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
}

describe("Import codebook", () => {
  it("sends the chosen file, shows the codes and a summary; a bad file shows the translated error", async () => {
    const state = emptyProject(newProjectId(), "Skripsi", NOW);
    state.frameworks.keating = templateFramework("keating")!;
    current = await render(<Codebook selectedCodeId={null} onSelect={() => {}} />, { state });
    const { host, mirror, app } = current;
    const button = $(host, '[data-testid="import-codebook"]');
    expect(button.textContent).toBe("Import codebook…");
    const input = $(host, '[data-testid="import-codebook-input"]') as HTMLInputElement;
    expect(input.accept).toBe(".qdc,.xml");
    await click(button);

    await choose(input, "kode.qdc", JSON.stringify([{ name: "Motif", children: [{ name: "Motif Ékonomi", children: [] }] }]));
    expect(app.errors.map(String)).toEqual([]);
    expect(calls.map((c) => c.name)).toEqual(["kode.qdc"]);
    expect(findCodes(mirror.state, "Motif/Motif ekonomi")[0]?.indicatorId).toBe("keating.economic");
    expect($(host, '[data-testid="import-codebook-summary"]').textContent).toBe(
      "kode.qdc: 2 codes created, 0 merged into existing codes, 1 linked to indicators. You can undo this.",
    );
    expect(host.textContent).toContain("Motif Ékonomi");

    await choose(input, "rusak.qdc", "not xml");
    expect(app.errors).toHaveLength(1);
    expect((app.errors[0] as TandaiError).code).toBe("import.errors.codebookNotXml");
    expect(host.querySelector('[data-testid="import-codebook-summary"]')).toBeNull();
  });
});
