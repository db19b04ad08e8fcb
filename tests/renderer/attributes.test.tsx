import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  emptyProject,
  newAttributeId,
  newCaseId,
  newDocumentId,
  newProjectId,
  sourceTypeAttribute,
  type AttributeDefinition,
  type CaseId,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { AttributesEditor, AttributesSection, splitChoices } from "../../renderer/components/attributes/index.js";
import { CasesPanel } from "../../renderer/components/indicators/index.js";
import { $, $$, blur, choose, click, focus, NOW, press, render, type as typeInto, type Rendered } from "./harness.js";

/** Types into a field the way a user does: focused first, so leaving it is a real blur. */
async function type(el: HTMLInputElement, value: string) {
  await focus(el);
  await typeInto(el, value);
}

function fixture(): { state: ProjectState; doc: DocumentId; caseId: CaseId } {
  const state = emptyProject(newProjectId(), "Skripsi HI", NOW);
  const doc = newDocumentId();
  state.documents[doc] = { id: doc, title: "Wawancara Bappeda", kind: "txt", sourceName: "w.txt", importedAt: NOW, length: 1000, blockCount: 1, pageCount: null };
  const caseId = newCaseId();
  state.cases[caseId] = { id: caseId, name: "Padang – Ba Ria-Vung Tau", documentIds: [doc], createdAt: NOW };
  return { state, doc, caseId };
}

const input = (host: HTMLElement, attribute: AttributeDefinition | undefined) => $(host, `[data-testid=attribute-input][data-attribute-id="${attribute!.id}"]`) as HTMLInputElement;
const byName = (state: ProjectState, name: string) => Object.values(state.attributes).find((a) => a.name === name);

/** Fills the new-attribute form and submits it. */
async function create(host: HTMLElement, name: string, kind: string, choices?: string) {
  await type($(host, "[data-testid=new-attribute-name]") as HTMLInputElement, name);
  await choose($(host, "[data-testid=new-attribute-type]") as HTMLSelectElement, kind);
  if (choices !== undefined) await type($(host, "[data-testid=new-attribute-choices]") as HTMLInputElement, choices);
  await click($(host, "[data-testid=add-attribute]"));
}

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe("AttributesEditor on a document", () => {
  it("creates an attribute of each type and saves values through setAttributeValue", async () => {
    const { state, doc } = fixture();
    view = await render(<AttributesEditor target={{ kind: "document", id: doc }} />, { state });
    const { host, mirror } = view;
    expect($(host, "[data-testid=attributes-empty]")).toBeTruthy();
    expect(($(host, "[data-testid=add-attribute]") as HTMLButtonElement).disabled).toBe(true);

    await create(host, "Partner country", "text");
    await create(host, "Year signed", "number");
    await create(host, "Signed on", "date");
    // A choice attribute cannot be added before it has choices.
    await type($(host, "[data-testid=new-attribute-name]") as HTMLInputElement, "Level");
    await choose($(host, "[data-testid=new-attribute-type]") as HTMLSelectElement, "choice");
    expect(($(host, "[data-testid=add-attribute]") as HTMLButtonElement).disabled).toBe(true);
    await type($(host, "[data-testid=new-attribute-choices]") as HTMLInputElement, "province, city, province");
    await click($(host, "[data-testid=add-attribute]"));

    const [country, year, signed, level] = ["Partner country", "Year signed", "Signed on", "Level"].map((n) => byName(mirror.state, n));
    expect([country, year, signed, level].map((a) => [a?.type, a?.appliesTo])).toEqual([
      ["text", "document"],
      ["number", "document"],
      ["date", "document"],
      ["choice", "document"],
    ]);
    expect(level!.choices).toEqual(["province", "city"]);
    expect($$(host, "[data-testid=attribute-input]")).toHaveLength(4);
    expect(input(host, level).tagName).toBe("SELECT");
    expect(input(host, signed).type).toBe("date");

    // Text is saved on blur, once, trimmed.
    await type(input(host, country), " Vietnam ");
    expect(mirror.sentOf("setAttributeValue")).toHaveLength(0);
    await blur(input(host, country));
    // A number typed with the Indonesian decimal comma, saved on Enter.
    await type(input(host, year), "2019,5");
    await press(input(host, year), "Enter");
    await type(input(host, signed), "2019-11-21");
    await choose(input(host, level) as unknown as HTMLSelectElement, "city");
    expect(mirror.state.documents[doc]!.attributes).toEqual({ [country!.id]: "Vietnam", [year!.id]: 2019.5, [signed!.id]: "2019-11-21", [level!.id]: "city" });
    expect(mirror.backend.documents[doc]!.attributes).toEqual(mirror.state.documents[doc]!.attributes);
    // Blurring an unchanged field sends nothing more.
    await blur(input(host, country));
    expect(mirror.sentOf("setAttributeValue")).toHaveLength(4);

    // Clearing a value removes it.
    await choose(input(host, level) as unknown as HTMLSelectElement, "");
    await type(input(host, country), "");
    await blur(input(host, country));
    expect(mirror.state.documents[doc]!.attributes).toEqual({ [year!.id]: 2019.5, [signed!.id]: "2019-11-21" });

    // Undo in the backend brings a value back into the field.
    await act(async () => {
      await mirror.undo();
      await mirror.undo();
    });
    expect((input(host, country) as HTMLInputElement).value).toBe("Vietnam");
  });

  it("rejects a bad number in the field, naming the attribute and the value, and sends nothing", async () => {
    const { state, doc } = fixture();
    const year: AttributeDefinition = { id: newAttributeId(), name: "Year signed", appliesTo: "document", type: "number", createdAt: NOW };
    state.attributes[year.id] = year;
    view = await render(<AttributesEditor target={{ kind: "document", id: doc }} />, { state });
    const { host, mirror } = view;
    await type(input(host, year), "dua ribu");
    await blur(input(host, year));
    expect($(host, "[data-testid=attribute-error]").textContent).toBe("“dua ribu” is not a number, which “Year signed” holds.");
    expect(input(host, year).getAttribute("aria-invalid")).toBe("true");
    expect(mirror.sentOf("setAttributeValue")).toHaveLength(0);
    // Correcting it clears the error and saves.
    await type(input(host, year), "2020");
    expect($$(host, "[data-testid=attribute-error]")).toHaveLength(0);
    await blur(input(host, year));
    expect(mirror.state.documents[doc]!.attributes).toEqual({ [year.id]: 2020 });
  });

  it("shows the backend's refusal of a value, and refuses a duplicate name before sending", async () => {
    const { state, doc } = fixture();
    const level: AttributeDefinition = { id: newAttributeId(), name: "Level", appliesTo: "document", type: "choice", choices: ["province"], createdAt: NOW };
    state.attributes[level.id] = level;
    view = await render(<AttributesEditor target={{ kind: "document", id: doc }} />, { state });
    const { host, mirror, app } = view;
    // The name is taken (without regard to case): the button stays off.
    await type($(host, "[data-testid=new-attribute-name]") as HTMLInputElement, "level");
    expect(($(host, "[data-testid=add-attribute]") as HTMLButtonElement).disabled).toBe(true);
    // The backend's copy lost the choice this view still offers: the refusal is shown, nothing changes.
    mirror.backend.attributes[level.id] = { ...level, choices: ["city"] };
    await choose(input(host, level) as unknown as HTMLSelectElement, "province");
    expect(app.errors).toHaveLength(1);
    expect(app.errors[0]).toMatchObject({ code: "errors.op.attributeNotChoice", params: { attribute: "Level", value: "province" } });
    expect(mirror.state.documents[doc]!.attributes).toBeUndefined();
  });

  it("adds the source type attribute in the interface language, once", async () => {
    const { state, doc } = fixture();
    view = await render(<AttributesSection target={{ kind: "document", id: doc }} />, { state, language: "id" });
    const { host, mirror } = view;
    expect($$(host, "[data-testid=attributes-editor]")).toHaveLength(0);
    await click($(host, "[data-testid=attributes-toggle]"));
    expect($(host, "[data-testid=attributes-toggle]").getAttribute("aria-expanded")).toBe("true");
    await click($(host, "[data-testid=add-source-type]"));
    const source = sourceTypeAttribute(mirror.state)!;
    expect(source).toMatchObject({ name: "Jenis sumber", choices: ["wawancara", "dokumen resmi", "literatur"], role: "sourceType" });
    expect($$(host, "[data-testid=add-source-type]")).toHaveLength(0);
    await choose(input(host, source) as unknown as HTMLSelectElement, "wawancara");
    expect(mirror.state.documents[doc]!.attributes).toEqual({ [source.id]: "wawancara" });
    expect($(host, "[data-testid=attributes-toggle]").textContent).toContain("1");
  });
});

describe("removing an attribute", () => {
  it("asks first, removes its values with it, and undo brings both back", async () => {
    const { state, doc } = fixture();
    const country: AttributeDefinition = { id: newAttributeId(), name: "Partner country", appliesTo: "document", type: "text", createdAt: NOW };
    state.attributes[country.id] = country;
    state.documents[doc]!.attributes = { [country.id]: "Vietnam" };
    view = await render(<AttributesEditor target={{ kind: "document", id: doc }} />, { state });
    const { host, mirror } = view;
    await click($(host, "[data-testid=remove-attribute]"));
    const dialog = $(document.body, "[data-testid=remove-attribute-dialog]");
    expect(dialog.textContent).toContain("Partner country");
    await click($(dialog, "[data-testid=confirm]"));
    expect(mirror.state.attributes).toEqual({});
    expect(mirror.state.documents[doc]!.attributes).toBeUndefined();
    expect($$(host, "[data-testid=attribute-input]")).toHaveLength(0);
    await act(async () => {
      await mirror.undo();
    });
    expect(input(host, country).value).toBe("Vietnam");
    expect(mirror.state.documents[doc]!.attributes).toEqual({ [country.id]: "Vietnam" });
  });
});

describe("attributes of a case", () => {
  it("are edited inside the expanded case row, and offer no source type", async () => {
    const { state, caseId } = fixture();
    view = await render(<CasesPanel />, { state });
    const { host, mirror } = view;
    expect($$(host, "[data-testid=attributes-editor]")).toHaveLength(0);
    await click($(host, "[data-testid=case-toggle]"));
    const editor = $(host, "[data-testid=attributes-editor]");
    expect(editor.dataset.targetKind).toBe("case");
    expect($$(editor, "[data-testid=add-source-type]")).toHaveLength(0);
    await create(editor, "Year signed", "number");
    const year = byName(mirror.state, "Year signed")!;
    expect(year.appliesTo).toBe("case");
    await type(input(editor, year), "2012");
    await press(input(editor, year), "Enter");
    expect(mirror.state.cases[caseId]!.attributes).toEqual({ [year.id]: 2012 });
  });
});

describe("splitChoices", () => {
  it("splits on commas, semicolons and lines, dropping blanks and repeats", () => {
    expect(splitChoices("interview, official document;\nliterature,, Interview ")).toEqual(["interview", "official document", "literature"]);
  });
});
