import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  emptyProject,
  newCaseId,
  newCodeId,
  newCodingId,
  newDocumentId,
  newProjectId,
  offset,
  type CaseId,
  type Code,
  type CodeId,
  type DocumentId,
  type ProjectState,
  type Passage,
  type Stance,
  sourceTypeAttribute,
  sourceTypeAttributeOps,
} from "../../shared/index.js";
import { IndicatorsPanel } from "../../renderer/components/indicators/index.js";
import { $, $$, choose, click, NOW, press, render, type, type Rendered } from "./harness.js";

// The backend's retrieval, answered from the test's own passages (the dashboard asks it only for quotes).
const retrieved = vi.hoisted(() => ({ passages: [] as unknown[], asked: [] as unknown[] }));
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    retrieve: (args: { codeId: string }) => {
      retrieved.asked.push(args);
      return Promise.resolve((retrieved.passages as Passage[]).filter((p) => p.codeId === args.codeId));
    },
  },
}));

// ——— Two interviews, a case holding the first, and the researcher's own codes "Economic" and "Cultural".

interface Fixture {
  state: ProjectState;
  docs: [DocumentId, DocumentId];
  caseId: CaseId;
  economic: CodeId;
  cultural: CodeId;
}

function fixture({ withCase = true }: { withCase?: boolean } = {}): Fixture {
  const state = emptyProject(newProjectId(), "Skripsi HI", NOW);
  const doc = (title: string): DocumentId => {
    const id = newDocumentId();
    state.documents[id] = { id, title, kind: "txt", sourceName: `${title}.txt`, importedAt: NOW, length: 1000, blockCount: 1, pageCount: null };
    return id;
  };
  const docs: [DocumentId, DocumentId] = [doc("Wawancara Padang"), doc("Interview Vung Tau")];
  const code = (name: string, order: number): CodeId => {
    const c: Code = { id: newCodeId(), name, color: "#0072b2", parentId: null, order, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
    state.codes[c.id] = c;
    return c.id;
  };
  const economic = code("Economic", 0);
  const cultural = code("Cultural", 1);
  const caseId = newCaseId();
  if (withCase) state.cases[caseId] = { id: caseId, name: "Padang – Ba Ria-Vung Tau", documentIds: [docs[0]], createdAt: NOW };
  return { state, docs, caseId, economic, cultural };
}

let coded = 0;
function coding(documentId: DocumentId, codeId: CodeId, stance: Stance = "supports") {
  coded += 10;
  return { type: "addCoding" as const, coding: { id: newCodingId(), documentId, codeId, start: offset(coded), end: offset(coded + 5), coder: "Rani", stance, createdAt: NOW } };
}

/** A coding made elsewhere (the document view): the dashboard must follow it without a remount. */
async function applied(mirror: Rendered["mirror"], op: ReturnType<typeof coding>) {
  await act(async () => {
    await mirror.apply(op);
  });
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

async function show(state: ProjectState, language: "en" | "id" = "en") {
  view = await render(<IndicatorsPanel />, { state, language });
  return view;
}

const host = () => view!.host;
const card = (id: string) => $(host(), `[data-testid=framework-card][data-framework-id="${id}"]`);
const row = (id: string) => $(document.body, `[data-testid=indicator-row][data-indicator-id="${id}"]`);
const linkSelect = (id: string) => row(id).querySelector<HTMLSelectElement>("[data-testid=link-select]")!;

async function addKeating() {
  await choose($(host(), "[data-testid=framework-select]") as HTMLSelectElement, "keating");
  await click($(host(), "[data-testid=add-framework]"));
  // The preview of what the framework will do with the codebook: accepted as proposed.
  await click($(document.body, "[data-testid=framework-preview] [data-testid=confirm]"));
}

describe("the indicator dashboard", () => {
  it("explains what to do in an empty project, then creates a case and assigns documents to it", async () => {
    const { state, docs } = fixture({ withCase: false });
    const { mirror } = await show(state);
    expect($(host(), "[data-testid=cases-empty]").textContent).toMatch(/No cases yet/);
    expect($(host(), "[data-testid=dashboard-no-cases]").textContent).toMatch(/Create a case first/);
    expect($(host(), "[data-testid=dashboard-no-frameworks]").textContent).toMatch(/No framework/);

    const create = $(host(), "[data-testid=create-case]") as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    await type($(host(), "[data-testid=new-case-name]") as HTMLInputElement, "  Padang – Vung Tau  ");
    await click(create);
    expect(Object.values(mirror.state.cases).map((c) => c.name)).toEqual(["Padang – Vung Tau"]);
    const caseRow = $(host(), "[data-testid=case-row]");
    expect(caseRow.textContent).toContain("0 documents");

    // The new case opens with its document checkboxes.
    const boxes = $$(caseRow, "[data-testid=case-doc-checkbox]") as HTMLInputElement[];
    expect(boxes).toHaveLength(2);
    await click(boxes[0]!);
    await click(boxes[1]!);
    const created = Object.values(mirror.state.cases)[0]!;
    expect(created.documentIds.sort()).toEqual([...docs].sort());
    expect($(host(), "[data-testid=case-row]").textContent).toContain("2 documents");
    await click(($$(host(), "[data-testid=case-doc-checkbox]") as HTMLInputElement[])[0]!);
    expect(mirror.state.cases[created.id]!.documentIds).toHaveLength(1);
    expect(mirror.sentOf("unassignDocument")).toHaveLength(1);
    expect(($(host(), "[data-testid=case-select]") as HTMLSelectElement).value).toBe(created.id);
  });

  it("renames a case and deletes it after a confirmation", async () => {
    const { state, caseId } = fixture();
    const { mirror } = await show(state);
    await click($(host(), "[data-testid=rename-case]"));
    const input = $(host(), "[data-testid=case-name-input]") as HTMLInputElement;
    await type(input, "Padang – BRVT");
    await press(input, "Enter");
    expect(mirror.sentOf("renameCase")).toEqual([{ type: "renameCase", caseId, name: "Padang – BRVT" }]);

    // A second case of the same name (accents and case aside) is refused before it is sent.
    await type($(host(), "[data-testid=new-case-name]") as HTMLInputElement, "padang – brvt");
    expect(($(host(), "[data-testid=create-case]") as HTMLButtonElement).disabled).toBe(true);
    expect($(host(), "[data-testid=case-duplicate]").textContent).toBe("There is already a case with this name.");

    await click($(host(), "[data-testid=delete-case]"));
    const dialog = $(document.body, "[data-testid=delete-case-dialog]");
    expect(dialog.textContent).toContain("Padang – BRVT");
    await click($(dialog, "[data-testid=confirm]"));
    expect(mirror.state.cases).toEqual({});
    expect($(host(), "[data-testid=cases-empty]")).toBeTruthy();
  });

  it("adds a framework template as linked codes in a group, once, and marks it added", async () => {
    const { state } = fixture();
    const { mirror } = await show(state);
    await addKeating();
    expect(Object.keys(mirror.state.frameworks)).toEqual(["keating"]);
    const linked = Object.values(mirror.state.codes).filter((c) => c.indicatorId?.startsWith("keating."));
    expect(linked.map((c) => c.name).sort()).toEqual(["Cultural motive", "Economic motive", "Political motive"]);
    const group = mirror.state.codes[linked[0]!.parentId!]!;
    expect(group.name).toBe("Motives of paradiplomacy (Keating)");
    expect(mirror.sentOf("batch")).toHaveLength(1);

    const option = $(host(), '[data-testid=framework-select] option[value="keating"]');
    expect(option.textContent).toContain("(added)");
    expect(($(host(), "[data-testid=add-framework]") as HTMLButtonElement).disabled).toBe(true);
    expect($$(card("keating"), "[data-testid=indicator-row]").map((r) => r.dataset.indicatorId)).toEqual(["keating.economic", "keating.cultural", "keating.political"]);
    expect($(row("keating.economic"), "[data-testid=linked-code]").textContent).toContain("Economic motive");
  });

  it("removes a framework after a confirmation, keeping its linked codes, so the empty state returns", async () => {
    const { state } = fixture();
    const { mirror } = await show(state);
    await addKeating();
    await click($(card("keating"), "[data-testid=remove-framework]"));
    const dialog = $(document.body, "[data-testid=remove-framework-dialog]");
    expect(dialog.textContent).toContain("Motives of paradiplomacy (Keating)");
    await click($(dialog, "[data-testid=confirm]"));
    expect(mirror.state.frameworks).toEqual({});
    expect(Object.values(mirror.state.codes).filter((c) => c.indicatorId?.startsWith("keating."))).toHaveLength(3);
    expect(host().querySelector("[data-testid=framework-card]")).toBeNull();
    expect($(host(), "[data-testid=dashboard-no-frameworks]")).toBeTruthy();
    expect(($(host(), "[data-testid=add-framework]") as HTMLButtonElement).disabled).toBe(false);
  });

  it("links the researcher's codes by hand and follows the coding live: met, not met with evidence against, contested", async () => {
    const { state, docs, economic, cultural } = fixture();
    const { mirror } = await show(state);
    await addKeating();
    await choose(linkSelect("keating.economic"), economic);
    await choose(linkSelect("keating.cultural"), cultural);
    expect(mirror.state.codes[economic]!.indicatorId).toBe("keating.economic");
    expect($$(row("keating.economic"), "[data-testid=linked-code]").map((c) => c.textContent)).toEqual(expect.arrayContaining([expect.stringContaining("Economic")]));

    expect(row("keating.economic").dataset.status).toBe("not_met");
    await applied(mirror, coding(docs[0], economic));
    await applied(mirror, coding(docs[0], cultural, "contradicts"));
    // A document outside the case does not count.
    await applied(mirror, coding(docs[1], cultural));

    expect(row("keating.economic").dataset.status).toBe("met");
    expect($(row("keating.economic"), "[data-testid=computed-status]").textContent).toBe("Met");
    expect($(row("keating.economic"), "[data-testid=count-supporting]").textContent).toBe("1");
    expect($(row("keating.economic"), "[data-testid=count-documents]").textContent).toBe("1");
    expect(row("keating.cultural").dataset.status).toBe("not_met");
    expect($(row("keating.cultural"), "[data-testid=computed-status]").textContent).toBe("Not met, evidence against");
    expect($(row("keating.cultural"), "[data-testid=count-contradicting]").textContent).toBe("1");
    expect($(card("keating"), "[data-testid=verdict-sentence]").textContent).toBe("economic motive present; no cultural or political motive");

    await applied(mirror, coding(docs[0], economic, "contradicts"));
    expect(row("keating.economic").dataset.status).toBe("contested");

    // Unlinking takes the code's evidence away.
    await click($$(row("keating.cultural"), "[data-testid=unlink-code]").find((b) => b.getAttribute("aria-label")!.includes("Cultural"))!);
    expect(mirror.state.codes[cultural]!.indicatorId).toBeUndefined();
    expect($(row("keating.cultural"), "[data-testid=count-contradicting]").textContent).toBe("0");
  });

  it("overrides with a required justification and shows the decision beside the computed status, then clears it", async () => {
    const { state, docs, economic, caseId } = fixture();
    state.codes[economic]!.indicatorId = "keating.economic";
    const { mirror } = await show(state);
    await addKeating();
    await applied(mirror, coding(docs[0], economic));

    await click($(row("keating.cultural"), "[data-testid=override-button]"));
    const dialog = $(document.body, "[data-testid=override-dialog]");
    const confirm = $(dialog, "[data-testid=confirm]") as HTMLButtonElement;
    await choose($(dialog, "[data-testid=override-status]") as HTMLSelectElement, "met");
    expect(confirm.disabled).toBe(true);
    await type($(dialog, "[data-testid=override-justification]") as HTMLTextAreaElement, "   ");
    expect(confirm.disabled).toBe(true);
    await type($(dialog, "[data-testid=override-justification]") as HTMLTextAreaElement, "  The mayor's speech names shared Minang–Viet heritage.  ");
    await click(confirm);

    expect(mirror.sentOf("setOverride")).toEqual([
      { type: "setOverride", caseId, indicatorId: "keating.cultural", override: { status: "met", justification: "The mayor's speech names shared Minang–Viet heritage." } },
    ]);
    const cultural = row("keating.cultural");
    expect(cultural.dataset.status).toBe("not_met");
    expect(cultural.dataset.effective).toBe("met");
    expect($(cultural, "[data-testid=computed-status]").textContent).toBe("Computed: Not met");
    expect($(cultural, "[data-testid=override-status-badge]").textContent).toBe("Met");
    expect($(cultural, "[data-testid=override-note]").textContent).toContain("Minang–Viet heritage");
    expect($(card("keating"), "[data-testid=verdict-sentence]").textContent).toContain("economic and cultural motive present");

    await click($(cultural, "[data-testid=clear-override]"));
    expect(mirror.state.overrides).toEqual({});
    expect(row("keating.cultural").dataset.effective).toBe("not_met");
    expect(row("keating.cultural").querySelector("[data-testid=override-status-badge]")).toBeNull();
  });

  it("speaks Indonesian: labels, framework and indicator names, and the verdict sentence", async () => {
    const { state, docs, economic } = fixture();
    state.codes[economic]!.indicatorId = "keating.economic";
    const { mirror } = await show(state, "id");
    expect($(host(), "[data-testid=create-case]").textContent).toBe("Buat kasus");
    expect($(host(), '[data-testid=framework-select] option[value="kuznetsov"]').textContent).toBe("Kapasitas paradiplomasi (Kuznetsov)");
    await addKeating();
    await applied(mirror, coding(docs[0], economic));
    expect($(card("keating"), "h3").textContent).toBe("Motif paradiplomasi (Keating)");
    expect($(row("keating.cultural"), ".indicator-name").textContent).toBe("Motif budaya");
    expect($(row("keating.economic"), "[data-testid=computed-status]").textContent).toBe("Terpenuhi");
    expect($(row("keating.economic"), "[data-testid=override-button]").textContent).toBe("Putuskan");
    expect($(card("keating"), "[data-testid=verdict-sentence]").textContent).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
    expect(Object.values(mirror.state.codes).find((c) => c.indicatorId === "keating.political")!.name).toBe("Motif politik");
  });

  it("shows the strongest supporting quotes of each indicator in the case, one per document first, and jumps to them", async () => {
    const { state, docs, economic } = fixture();
    state.codes[economic]!.indicatorId = "keating.economic";
    state.cases[Object.keys(state.cases)[0] as CaseId]!.documentIds = [...docs];
    const passage = (documentId: DocumentId, quote: string, start: number, stance: Stance = "supports"): Passage => ({
      codingId: newCodingId(),
      codeId: economic,
      documentId,
      documentTitle: state.documents[documentId]!.title,
      start,
      end: start + quote.length,
      quote,
      before: "",
      after: "",
      location: { paragraph: 1, page: null } as unknown as Passage["location"],
      coder: "Rani",
      stance,
    });
    retrieved.passages = [
      passage(docs[0], "membuka pasar ekspor", 10),
      passage(docs[0], "menarik investasi", 40),
      passage(docs[0], "bukan karena ekonomi", 80, "contradicts"),
      passage(docs[1], "new buyers for seafood", 5),
    ];
    const jumps: unknown[] = [];
    view = await render(<IndicatorsPanel onJump={(...args) => jumps.push(args)} />, { state });
    await addKeating();
    expect(retrieved.asked).toEqual([]);

    await act(async () => {
      $(card("keating"), "[data-testid=toggle-quotes]").dispatchEvent(new MouseEvent("click", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    const quotes = $$(row("keating.economic"), "[data-testid=indicator-quote]");
    expect(quotes.map((q) => q.querySelector(".quote-text")!.textContent)).toEqual(["“membuka pasar ekspor”", "“new buyers for seafood”"]);
    expect(row("keating.cultural").querySelector(".quote-none")!.textContent).toMatch(/No supporting passage/);
    await click(quotes[1]!);
    expect(jumps).toEqual([[docs[1], 5, 27]]);
  });
});

describe("framework settings in the dashboard", () => {
  const minCodings = () => $(card("keating"), "[data-testid=min-codings]") as HTMLInputElement;
  const minDocuments = () => $(card("keating"), "[data-testid=min-documents]") as HTMLInputElement;

  it("edits a framework's thresholds and the statuses follow at once; an invalid number is marked and not sent", async () => {
    const { state, docs, economic, caseId } = fixture();
    state.codes[economic]!.indicatorId = "keating.economic";
    state.cases[caseId]!.documentIds = [...docs];
    const { mirror } = await show(state);
    await addKeating();
    await applied(mirror, coding(docs[0], economic));
    expect(row("keating.economic").dataset.status).toBe("met");
    expect(minCodings().value).toBe("1");
    expect(minDocuments().value).toBe("1");

    await type(minCodings(), "2");
    expect(mirror.sentOf("setThresholds")).toEqual([{ type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 2, minDocuments: 1 } }]);
    expect(row("keating.economic").dataset.status).toBe("not_met");
    expect($(card("keating"), "[data-testid=thresholds-sentence]").textContent).toContain("at least 2 supporting");

    await type(minDocuments(), "0");
    expect(minDocuments().getAttribute("aria-invalid")).toBe("true");
    expect(mirror.sentOf("setThresholds")).toHaveLength(1);
    await type(minDocuments(), "2");
    expect(mirror.state.frameworks.keating!.thresholds).toEqual({ minCodings: 2, minDocuments: 2 });
    expect(minDocuments().hasAttribute("aria-invalid")).toBe(false);

    // A second supporting passage in the other document of the case meets both thresholds.
    await applied(mirror, coding(docs[1], economic));
    expect(row("keating.economic").dataset.status).toBe("met");
    expect($(row("keating.economic"), "[data-testid=count-documents]").textContent).toBe("2");

    // Undo (the inverse, applied elsewhere) shows the previous value in the field.
    await act(async () => {
      await mirror.apply({ type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 3, minDocuments: 1 } });
    });
    expect(minCodings().value).toBe("3");
    expect(row("keating.economic").dataset.status).toBe("not_met");
  });

  it("counts only the source types ticked in the card (triangulation), and every document again when none is", async () => {
    const { state, docs, economic, caseId } = fixture();
    state.codes[economic]!.indicatorId = "keating.economic";
    state.cases[caseId]!.documentIds = [...docs];
    const { mirror } = await show(state);
    await addKeating();
    await act(async () => {
      await mirror.apply({ type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 1, minDocuments: 2 } });
    });
    await applied(mirror, coding(docs[0], economic));
    await applied(mirror, coding(docs[1], economic));
    expect(row("keating.economic").dataset.status).toBe("met");

    // Without a source-type attribute the card says how to get one.
    expect($(card("keating"), "[data-testid=source-types-hint]").textContent).toContain("Add source type");
    expect(card("keating").querySelector("[data-testid=source-type-option]")).toBeNull();

    await act(async () => {
      for (const op of sourceTypeAttributeOps(mirror.state, "en", NOW)) await mirror.apply(op);
    });
    const attributeId = sourceTypeAttribute(mirror.state)!.id;
    await act(async () => {
      await mirror.apply({ type: "setAttributeValue", target: { kind: "document", id: docs[0] }, attributeId, value: "interview" });
      await mirror.apply({ type: "setAttributeValue", target: { kind: "document", id: docs[1] }, attributeId, value: "literature" });
    });
    expect(card("keating").querySelector("[data-testid=source-types-hint]")).toBeNull();
    const option = (type: string) => $(card("keating"), `[data-testid=source-type-option][data-source-type="${type}"]`) as HTMLInputElement;
    expect($$(card("keating"), "[data-testid=source-type-option]").map((o) => o.dataset.sourceType)).toEqual(["interview", "official document", "literature"]);
    expect($$(card("keating"), "[data-testid=source-type-option]").some((o) => (o as HTMLInputElement).checked)).toBe(false);
    expect($(row("keating.economic"), "[data-testid=count-documents]").textContent).toBe("2");

    await click(option("interview"));
    expect(mirror.sentOf("setFrameworkSourceTypes")).toEqual([{ type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["interview"] }]);
    expect(option("interview").checked).toBe(true);
    expect(row("keating.economic").dataset.status).toBe("not_met");
    expect($(row("keating.economic"), "[data-testid=count-supporting]").textContent).toBe("1");
    expect($(row("keating.economic"), "[data-testid=count-documents]").textContent).toBe("1");

    // A second type adds its documents; unticking both counts every document again.
    await click(option("literature"));
    expect(mirror.state.frameworks.keating!.sourceTypes).toEqual(["interview", "literature"]);
    expect(row("keating.economic").dataset.status).toBe("met");
    await click(option("interview"));
    await click(option("literature"));
    expect(mirror.state.frameworks.keating!.sourceTypes).toBeUndefined();
    expect(option("literature").checked).toBe(false);
    expect(row("keating.economic").dataset.status).toBe("met");
    expect($(row("keating.economic"), "[data-testid=count-supporting]").textContent).toBe("2");
    expect($(row("keating.economic"), "[data-testid=count-documents]").textContent).toBe("2");
  });

  it("shows a source type the framework names in the other language as ticked, and one that is no choice so it can be unticked", async () => {
    const { state } = fixture();
    const { mirror } = await show(state, "id");
    await addKeating();
    await act(async () => {
      for (const op of sourceTypeAttributeOps(mirror.state, "id", NOW)) await mirror.apply(op);
      await mirror.apply({ type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["interview", "podcast"] });
    });
    const options = $$(card("keating"), "[data-testid=source-type-option]") as HTMLInputElement[];
    expect(options.map((o) => [o.dataset.sourceType, o.checked])).toEqual([
      ["wawancara", true],
      ["dokumen resmi", false],
      ["literatur", false],
      ["podcast", true],
    ]);
    expect($(card("keating"), ".source-types-label").textContent).toBe("Hitung hanya jenis sumber ini");
    await click(options[3]!);
    expect(mirror.state.frameworks.keating!.sourceTypes).toEqual(["wawancara"]);
  });

  async function openForm() {
    await click($(host(), "[data-testid=new-framework]"));
    return $(document.body, "[data-testid=framework-form]");
  }

  async function fillHocking(form: HTMLElement, id = "hocking") {
    await type($(form, "[data-testid=form-id]") as HTMLInputElement, id);
    await type($(form, "[data-testid=form-name-en]") as HTMLInputElement, "Multilayered diplomacy (Hocking)");
    await type($(form, "[data-testid=form-name-id]") as HTMLInputElement, "Diplomasi berlapis (Hocking)");
    await choose($(form, "[data-testid=form-kind]") as HTMLSelectElement, "assessment");
    const rowInput = (index: number, which: string) => $$(form, `[data-testid=${which}]`)[index] as HTMLInputElement;
    await type(rowInput(0, "form-indicator-key"), "access");
    await type(rowInput(0, "form-indicator-name-en"), "Access to national policy");
    await type(rowInput(0, "form-indicator-name-id"), "Akses ke kebijakan nasional");
    await click($(form, "[data-testid=add-indicator]"));
    await click($(form, "[data-testid=add-indicator]"));
    expect($$(form, "[data-testid=form-indicator]")).toHaveLength(3);
    await type(rowInput(1, "form-indicator-key"), "networks");
    await type(rowInput(1, "form-indicator-name-en"), "Transnational networks");
    await type(rowInput(1, "form-indicator-name-id"), "Jaringan transnasional");
    await click($$(form, "[data-testid=remove-indicator]")[2]!);
    expect($$(form, "[data-testid=form-indicator]")).toHaveLength(2);
    await type($(form, "[data-testid=form-min-documents]") as HTMLInputElement, "2");
  }

  it("defines a custom framework in a form and adds it with its code group and linked codes, as one step", async () => {
    const { state } = fixture();
    const { mirror } = await show(state);
    const form = await openForm();
    expect($(form, ".field-hint").textContent).toContain("id.economic");
    await fillHocking(form);
    expect($(form, ".field-hint").textContent).toContain("hocking.economic");
    await click($(form, "[data-testid=confirm]"));

    expect(document.body.querySelector("[data-testid=framework-form]")).toBeNull();
    // Then the same preview as a template's: nothing is written before it is confirmed.
    expect(mirror.sentOf("batch")).toHaveLength(0);
    await click($(document.body, "[data-testid=framework-preview] [data-testid=confirm]"));
    expect(mirror.sentOf("batch")).toHaveLength(1);
    expect(mirror.state.frameworks.hocking).toEqual({
      id: "hocking",
      name: { en: "Multilayered diplomacy (Hocking)", id: "Diplomasi berlapis (Hocking)" },
      kind: "assessment",
      indicators: [
        { id: "hocking.access", name: { en: "Access to national policy", id: "Akses ke kebijakan nasional" } },
        { id: "hocking.networks", name: { en: "Transnational networks", id: "Jaringan transnasional" } },
      ],
      thresholds: { minCodings: 1, minDocuments: 2 },
    });
    const linked = Object.values(mirror.state.codes).filter((c) => c.indicatorId?.startsWith("hocking."));
    expect(linked.map((c) => c.name)).toEqual(["Access to national policy", "Transnational networks"]);
    expect(mirror.state.codes[linked[0]!.parentId!]!.name).toBe("Multilayered diplomacy (Hocking)");
    expect($$(card("hocking"), "[data-testid=indicator-row]").map((r) => r.dataset.indicatorId)).toEqual(["hocking.access", "hocking.networks"]);
    expect(($(card("hocking"), "[data-testid=min-documents]") as HTMLInputElement).value).toBe("2");
  });

  it("refuses an invalid id or one the project already has, saying which field, and adds nothing", async () => {
    const { state } = fixture();
    const { mirror } = await show(state);
    await addKeating();
    const form = await openForm();
    await fillHocking(form, "Hocking 2");
    expect($(form, "[data-testid=form-id]").getAttribute("aria-invalid")).toBe("true");
    await click($(form, "[data-testid=confirm]"));
    expect($(form, "[data-testid=framework-form-error]").textContent).toMatch(/^Id: start with a lowercase letter/);
    expect(Object.keys(mirror.state.frameworks)).toEqual(["keating"]);

    await type($(form, "[data-testid=form-id]") as HTMLInputElement, "keating");
    await click($(form, "[data-testid=confirm]"));
    expect($(form, "[data-testid=framework-form-error]").textContent).toBe("This project already has a framework with the id “keating”.");

    await type($(form, "[data-testid=form-id]") as HTMLInputElement, "hocking");
    await type($$(form, "[data-testid=form-indicator-name-id]")[1] as HTMLInputElement, " ");
    await click($(form, "[data-testid=confirm]"));
    expect($(form, "[data-testid=framework-form-error]").textContent).toBe("Indicator 2: give it an English and an Indonesian name.");
    expect(($$(form, "[data-testid=form-indicator-name-id]")[1] as HTMLInputElement).getAttribute("aria-invalid")).toBe("true");
    expect(mirror.sentOf("batch")).toHaveLength(1);

    await click($(form, "[data-testid=cancel]"));
    expect(document.body.querySelector("[data-testid=framework-form]")).toBeNull();
    expect(Object.keys(mirror.state.frameworks)).toEqual(["keating"]);
  });

  it("exports a framework card as <id>.framework.json holding exactly the framework", async () => {
    const { state } = fixture();
    await show(state);
    await addKeating();
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const restore = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), "blob:test");
    URL.revokeObjectURL = () => undefined;
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    try {
      await click($(card("keating"), "[data-testid=export-framework]"));
    } finally {
      clickSpy.mockRestore();
      URL.createObjectURL = restore.create;
      URL.revokeObjectURL = restore.revoke;
    }
    expect(downloads).toEqual(["keating.framework.json"]);
    const text = await new Promise<string>((ok) => {
      const reader = new FileReader();
      reader.onload = () => ok(reader.result as string);
      reader.readAsText(blobs[0]!);
    });
    expect(blobs[0]!.type).toBe("application/json");
    expect(JSON.parse(text)).toEqual(view!.mirror.state.frameworks.keating);
  });
});
