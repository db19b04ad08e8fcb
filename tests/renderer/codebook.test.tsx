import { act, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  catalogues,
  childrenOf,
  emptyProject,
  newCodeId,
  newCodingId,
  newDocumentId,
  newProjectId,
  offset,
  TandaiError,
  type Code,
  type CodeId,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { Codebook, CodeDetails } from "../../renderer/components/codebook/index.js";
import {
  $,
  $$,
  blur,
  choose,
  click,
  doubleClick,
  drag,
  focus,
  mouseDown,
  NOW,
  press,
  render,
  rightClick,
  TestDataTransfer,
  type,
  type Rendered,
} from "./harness.js";

// ——— A small project: Motive (3 codings) › Economic motive (5), Political motive (4); Actor (2); Barrier (0).

interface Fixture {
  state: ProjectState;
  ids: Record<"motive" | "economic" | "political" | "actor" | "barrier", CodeId>;
}

function fixture(): Fixture {
  const state = emptyProject(newProjectId(), "Skripsi HI", NOW);
  const doc = newDocumentId();
  state.documents[doc] = { id: doc, title: "Wawancara 1", kind: "txt", sourceName: "w1.txt", importedAt: NOW, length: 1000, blockCount: 1, pageCount: null };
  const add = (name: string, parentId: CodeId | null, order: number, codings: number): CodeId => {
    const code: Code = {
      id: newCodeId(),
      name,
      color: "#0072b2",
      parentId,
      order,
      description: { definition: "", whenToUse: "", whenNotToUse: "" },
      createdAt: NOW,
    };
    state.codes[code.id] = code;
    for (let i = 0; i < codings; i++) {
      const id = newCodingId();
      const start = Object.keys(state.codings).length * 10;
      state.codings[id] = { id, documentId: doc, codeId: code.id, start: offset(start), end: offset(start + 5), coder: "Rani", stance: "supports", createdAt: NOW };
    }
    return code.id;
  };
  const motive = add("Motive", null, 0, 3);
  const ids = {
    motive,
    economic: add("Economic motive", motive, 0, 5),
    political: add("Political motive", motive, 1, 4),
    actor: add("Actor", null, 1, 2),
    barrier: add("Barrier", null, 2, 0),
  };
  return { state, ids };
}

/** The codebook with the selection kept as the workspace keeps it, and the details of the selected code. */
/** The codebook beside what selects a code elsewhere in the app (`elsewhere`: a highlight clicked in the text). */
function Panel({ initial = null, elsewhere }: { initial?: CodeId | null; elsewhere?: CodeId }) {
  const [selected, setSelected] = useState<CodeId | null>(initial);
  return (
    <>
      {elsewhere && <button type="button" data-testid="select-elsewhere" onClick={() => setSelected(elsewhere)} />}
      <Codebook selectedCodeId={selected} onSelect={setSelected} />
      <output data-testid="selected">{selected ?? ""}</output>
      {selected && <CodeDetails codeId={selected} />}
    </>
  );
}

let view: Rendered | null = null;

afterEach(() => {
  view?.unmount();
  view = null;
  document.body.innerHTML = "";
});

async function open(options: { state: ProjectState; initial?: CodeId | null; elsewhere?: CodeId; language?: "en" | "id" }) {
  view = await render(<Panel initial={options.initial ?? null} elsewhere={options.elsewhere} />, { state: options.state, language: options.language ?? "en" });
  return view;
}

const row = (id: CodeId) => $(document, `[data-testid="code-row"][data-code-id="${id}"]`);
const rowNames = () => $$(document, '[data-testid="code-row"]').map((r) => r.querySelector(".code-name")?.textContent ?? "");
const selected = () => $(document, '[data-testid="selected"]').textContent;
const nameInput = () => $(document, '[data-testid="code-name-input"]') as HTMLInputElement;
const codeNamed = (state: ProjectState, name: string) => Object.values(state.codes).find((c) => c.name === name);

async function openMenu(id: CodeId) {
  await click($(row(id), '[data-testid="code-menu-button"]'));
  return $(document, '[data-testid="code-menu"]');
}

async function menuAction(id: CodeId, action: string) {
  const menu = await openMenu(id);
  await click($(menu, `[data-action="${action}"]`));
}

describe("codebook tree", () => {
  it("shows codes nested in display order with counts, shortcut digits and collapsible parents", async () => {
    const { state, ids } = fixture();
    await open({ state });
    expect($(document, '[data-testid="codebook"]').querySelector(".panel-title")?.textContent).toContain("Codebook");
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Barrier"]);
    expect(row(ids.economic).getAttribute("aria-level")).toBe("2");
    // A parent shows its own codings and, muted, the total with its nested codes.
    expect($(row(ids.motive), '[data-testid="code-count"]').textContent).toBe("3 · 12");
    expect($(row(ids.motive), ".code-count-total").textContent).toContain("12");
    expect($(row(ids.economic), '[data-testid="code-count"]').textContent).toBe("5");
    expect($(row(ids.barrier), '[data-testid="code-count"]').textContent).toBe("0");
    // Shortcut digits are the keys 1–9 apply (codeKeys): a group takes none, its leaves do.
    expect(row(ids.motive).querySelector('[data-testid="code-shortcut"]')).toBeNull();
    const keyed = [ids.economic, ids.political, ids.actor, ids.barrier];
    for (const [i, id] of keyed.entries()) expect($(row(id), '[data-testid="code-shortcut"]').textContent).toBe(String(i + 1));

    await click($(row(ids.motive), ".code-toggle"));
    expect(rowNames()).toEqual(["Motive", "Actor", "Barrier"]);
    expect(row(ids.motive).getAttribute("aria-expanded")).toBe("false");
    await click($(row(ids.motive), ".code-toggle"));
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Barrier"]);
  });

  it("selects a code on click and shows its details", async () => {
    const { state, ids } = fixture();
    await open({ state });
    await click(row(ids.actor));
    expect(selected()).toBe(ids.actor);
    expect(row(ids.actor).classList.contains("selected")).toBe(true);
    expect(row(ids.actor).getAttribute("aria-selected")).toBe("true");
    expect(row(ids.motive).classList.contains("selected")).toBe(false);
    expect(($(document, '[data-testid="code-details-name"]') as HTMLInputElement).value).toBe("Actor");
  });

  it("selects with the arrow keys and expands a collapsed parent that holds the selected code", async () => {
    const { state, ids } = fixture();
    await open({ state, initial: ids.motive });
    await press(row(ids.motive), "ArrowLeft"); // collapse
    expect(rowNames()).toEqual(["Motive", "Actor", "Barrier"]);
    await press(row(ids.motive), "ArrowDown");
    expect(selected()).toBe(ids.actor);
    await press(row(ids.actor), "ArrowUp");
    await press(row(ids.motive), "ArrowRight"); // expand
    await press(row(ids.motive), "ArrowDown");
    expect(selected()).toBe(ids.economic);
  });

  it("reveals a code selected elsewhere: opens its collapsed parent and scrolls its row into view, or only scrolls when it is shown", async () => {
    const { state, ids } = fixture();
    const scrolled: Element[] = [];
    // jsdom lays nothing out, so it has no scrolling of its own: record what the codebook asks to scroll to.
    const original = Object.getOwnPropertyDescriptor(Element.prototype, "scrollIntoView");
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await open({ state, initial: ids.motive, elsewhere: ids.political });
      await press(row(ids.motive), "ArrowLeft"); // collapse
      expect(rowNames()).toEqual(["Motive", "Actor", "Barrier"]);
      scrolled.length = 0;
      await click($(document, '[data-testid="select-elsewhere"]'));
      expect(selected()).toBe(ids.political);
      expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Barrier"]);
      expect(scrolled).toEqual([row(ids.political)]);
      // Shown already: no parent to open, and the row is still scrolled to.
      await click(row(ids.actor));
      scrolled.length = 0;
      await click($(document, '[data-testid="select-elsewhere"]'));
      expect(scrolled).toEqual([row(ids.political)]);
    } finally {
      if (original) Object.defineProperty(Element.prototype, "scrollIntoView", original);
      else delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });
});

describe("rows not drawn again (memoised: issue 13, a coding at 200 codes)", () => {
  it("stay true: counts follow codings applied elsewhere, and the arrow keys follow a code added above", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state, initial: ids.actor });
    const count = (id: CodeId) => $(row(id), '[data-testid="code-count"]').textContent;
    const documentId = Object.keys(mirror.state.documents)[0] as DocumentId;
    const coding = { id: newCodingId(), documentId, codeId: ids.economic, start: offset(900), end: offset(910), coder: "Rani", stance: "supports" as const, createdAt: NOW };
    await act(async () => mirror.externalChange({ type: "addCoding", coding }));
    expect(count(ids.economic)).toBe("6");
    expect(count(ids.motive)).toBe("3 · 13");
    expect(count(ids.actor)).toBe("2");
    await act(async () => mirror.externalChange({ type: "removeCoding", codingId: coding.id }));
    expect(count(ids.economic)).toBe("5");
    expect(count(ids.motive)).toBe("3 · 12");
    // A code nested under Motive after Political motive: Actor's row is the same, but what is above it is not.
    const social: Code = { id: newCodeId(), name: "Social motive", color: "#0072b2", parentId: ids.motive, order: 2, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
    await act(async () => mirror.externalChange({ type: "addCode", code: social }));
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Social motive", "Actor", "Barrier"]);
    await press(row(ids.actor), "ArrowUp");
    expect(selected()).toBe(social.id);
    await act(async () => mirror.externalChange({ type: "updateCode", codeId: social.id, name: "Societal motive" }));
    expect(rowNames()[3]).toBe("Societal motive");
  });
});

describe("creating codes", () => {
  it("creates a top-level code with Enter, selects it and gives it the next order", async () => {
    const { state } = fixture();
    const { mirror } = await open({ state });
    await click($(document, '[data-testid="new-code"]'));
    expect(document.activeElement).toBe(nameInput());
    await type(nameInput(), "  Norms  ");
    await press(nameInput(), "Enter");

    const created = codeNamed(mirror.state, "Norms");
    expect(created).toMatchObject({ parentId: null, order: 3 });
    expect(mirror.sent).toEqual([{ type: "addCode", code: created }]);
    expect(childrenOf(mirror.state, null).map((c) => c.name)).toEqual(["Motive", "Actor", "Barrier", "Norms"]);
    expect(rowNames().at(-1)).toBe("Norms");
    expect(document.querySelector('[data-testid="code-name-input"]')).toBeNull();
    expect(selected()).toBe(created!.id);
    expect(mirror.backend.codes[created!.id]?.name).toBe("Norms");
  });

  it("refuses an empty name and a duplicate sibling name with a message, and Escape cancels", async () => {
    const { state } = fixture();
    const { mirror } = await open({ state });
    await click($(document, '[data-testid="new-code"]'));
    await press(nameInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toBe("Type a name for the code.");
    expect(nameInput().getAttribute("aria-invalid")).toBe("true");
    await type(nameInput(), "   ");
    await press(nameInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toBe("Type a name for the code.");
    await type(nameInput(), "ACTOR");
    await press(nameInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toBe("There is already a top-level code named “Actor”.");
    expect(mirror.sent).toEqual([]);

    await press(nameInput(), "Escape");
    expect(document.querySelector('[data-testid="code-name-input"]')).toBeNull();
    expect(mirror.sent).toEqual([]);
    expect(Object.keys(mirror.state.codes)).toHaveLength(5);
  });

  it("creates a nested code from a row's menu, refusing a name its siblings already have", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await menuAction(ids.motive, "child");
    expect(nameInput().placeholder).toBe("Nested under “Motive”");
    await type(nameInput(), "economic MOTIVE");
    await press(nameInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toBe("“Motive” already has a code named “Economic motive”.");

    // The same name is fine at another level.
    await type(nameInput(), "Actor");
    await press(nameInput(), "Enter");
    const child = Object.values(mirror.state.codes).find((c) => c.name === "Actor" && c.parentId === ids.motive);
    expect(child).toMatchObject({ parentId: ids.motive, order: 2 });
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Actor", "Barrier"]);
    expect(row(child!.id).getAttribute("aria-level")).toBe("2");
    expect($(row(ids.motive), '[data-testid="code-count"]').textContent).toBe("3 · 12");
  });
});

describe("renaming and recolouring", () => {
  it("renames inline on double-click through updateCode", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await doubleClick(row(ids.actor));
    expect(nameInput().value).toBe("Actor");
    await type(nameInput(), "State actor");
    await press(nameInput(), "Enter");
    expect(mirror.sent).toEqual([{ type: "updateCode", codeId: ids.actor, name: "State actor" }]);
    expect(mirror.state.codes[ids.actor]!.name).toBe("State actor");
    expect($(row(ids.actor), ".code-name").textContent).toBe("State actor");
  });

  it("renames from the context menu; an unchanged name sends nothing; a sibling's name is refused", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await rightClick(row(ids.political), 40, 50);
    await click($(document, '[data-testid="code-menu"] [data-action="rename"]'));
    await press(nameInput(), "Enter");
    expect(mirror.sent).toEqual([]);
    expect(document.querySelector('[data-testid="code-name-input"]')).toBeNull();

    await doubleClick(row(ids.political));
    await type(nameInput(), "Economic Motive");
    await press(nameInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toBe("“Motive” already has a code named “Economic motive”.");
    await type(nameInput(), "Security motive");
    await press(nameInput(), "Enter");
    expect(mirror.state.codes[ids.political]!.name).toBe("Security motive");
  });

  it("recolours from the palette popover", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await menuAction(ids.barrier, "recolor");
    const popover = $(document, '[data-testid="color-popover"]');
    await click($(popover, '[data-color="#d55e00"]'));
    expect(mirror.sent).toEqual([{ type: "updateCode", codeId: ids.barrier, color: "#d55e00" }]);
    expect(mirror.state.codes[ids.barrier]!.color).toBe("#d55e00");
    expect(document.querySelector('[data-testid="color-popover"]')).toBeNull();
    expect((row(ids.barrier).querySelector(".code-swatch") as HTMLElement).style.background).toContain("213, 94, 0");
  });
});

describe("the row menu", () => {
  it("closes on Escape and on a press outside it", async () => {
    const { state, ids } = fixture();
    await open({ state });
    const menu = await openMenu(ids.actor);
    expect($$(menu, "[data-action]").map((b) => b.dataset.action)).toEqual(["rename", "recolor", "key", "child", "move", "merge", "delete"]);
    expect($(row(ids.actor), '[data-testid="code-menu-button"]').getAttribute("aria-label")).toBe("Actions for “Actor”");
    await press($(menu, '[data-action="rename"]'), "Escape");
    expect(document.querySelector('[data-testid="code-menu"]')).toBeNull();

    await rightClick(row(ids.actor));
    expect(document.querySelector('[data-testid="code-menu"]')).not.toBeNull();
    await mouseDown(document.body);
    expect(document.querySelector('[data-testid="code-menu"]')).toBeNull();
  });
});

describe("nesting", () => {
  it("moves a code under another with “Move to…”, listing only places outside its own subtree", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await menuAction(ids.motive, "move");
    const options = $$(document, '[data-testid="move-parent"] option').map((o) => o.textContent!.trim());
    expect(options).toEqual(["Top level", "Actor", "Barrier"]);
    await click($(document, '[data-testid="cancel"]'));
    expect(document.querySelector('[data-testid="move-code-dialog"]')).toBeNull();

    await menuAction(ids.barrier, "move");
    const confirm = $(document, '[data-testid="confirm"]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true); // still where it is
    await choose($(document, '[data-testid="move-parent"]') as HTMLSelectElement, ids.motive);
    expect(confirm.disabled).toBe(false);
    await click(confirm);
    expect(mirror.sent).toEqual([{ type: "moveCode", codeId: ids.barrier, parentId: ids.motive, order: 2 }]);
    expect(mirror.state.codes[ids.barrier]).toMatchObject({ parentId: ids.motive, order: 2 });
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Barrier", "Actor"]);
    expect(row(ids.barrier).getAttribute("aria-level")).toBe("2");
  });

  it("refuses a move that would give a code the name of a new sibling", async () => {
    const { state, ids } = fixture();
    state.codes[ids.barrier] = { ...state.codes[ids.barrier]!, name: "Economic Motive" };
    const { mirror } = await open({ state });
    await menuAction(ids.barrier, "move");
    await choose($(document, '[data-testid="move-parent"]') as HTMLSelectElement, ids.motive);
    expect(($(document, '[data-testid="confirm"]') as HTMLButtonElement).disabled).toBe(true);
    expect($(document, '[data-testid="move-code-dialog"] [role="alert"]').textContent).toBe("“Motive” already has a code named “Economic motive”.");
    expect(mirror.sent).toEqual([]);
  });

  it("nests by drag and drop, to the top level on the zone below, and refuses a drop into the code's own subtree", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    let data = new TestDataTransfer();
    await drag(row(ids.barrier), "dragstart", data);
    expect(data.getData("application/x-tandai-code")).toBe(ids.barrier);
    expect(await drag(row(ids.actor), "dragover", data)).toBe(true);
    expect(row(ids.actor).classList.contains("drop-into")).toBe(true);
    await drag(row(ids.actor), "drop", data);
    await drag(row(ids.barrier), "dragend", data);
    expect(mirror.state.codes[ids.barrier]).toMatchObject({ parentId: ids.actor, order: 0 });
    expect(row(ids.actor).classList.contains("drop-into")).toBe(false);
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Barrier"]);

    // Into its own subtree: the drop is not accepted, the row shows the refusal, nothing is sent.
    data = new TestDataTransfer();
    const sentBefore = mirror.sent.length;
    await drag(row(ids.motive), "dragstart", data);
    expect(await drag(row(ids.economic), "dragover", data)).toBe(false);
    expect(row(ids.economic).classList.contains("drop-refused")).toBe(true);
    await drag(row(ids.economic), "drop", data);
    await drag(row(ids.motive), "dragend", data);
    expect(mirror.sent).toHaveLength(sentBefore);
    expect(mirror.state.codes[ids.motive]!.parentId).toBeNull();

    // Onto the zone below the tree: top level, last.
    data = new TestDataTransfer();
    await drag(row(ids.economic), "dragstart", data);
    const zone = $(document, '[data-testid="codebook-root-drop"]');
    expect(zone.classList.contains("visible")).toBe(true);
    expect(await drag(zone, "dragover", data)).toBe(true);
    await drag(zone, "drop", data);
    expect(mirror.state.codes[ids.economic]).toMatchObject({ parentId: null, order: 2 });
    expect(rowNames()).toEqual(["Motive", "Political motive", "Actor", "Barrier", "Economic motive"]);
  });

  it("lets drags that are not codes (files to import) pass through", async () => {
    const { state, ids } = fixture();
    await open({ state });
    const files = new TestDataTransfer();
    files.setData("Files", "");
    expect(await drag(row(ids.actor), "dragover", files)).toBe(false);
    expect(row(ids.actor).classList.contains("drop-into")).toBe(false);
  });
});

describe("merging", () => {
  it("merges a code into a searched-for target, explaining that its codings move there", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state, initial: ids.political });
    await menuAction(ids.political, "merge");
    const dialog = $(document, '[data-testid="merge-code-dialog"]');
    expect(dialog.textContent).toContain("The 4 codings of “Political motive” move to the code you choose");
    const targets = () => $$(dialog, '[data-testid="merge-target"] option').map((o) => o.textContent);
    expect(targets()).toEqual(["Motive", "Motive / Economic motive", "Actor", "Barrier"]);
    await type($(dialog, '[data-testid="merge-search"]') as HTMLInputElement, "econ");
    expect(targets()).toEqual(["Motive / Economic motive"]);
    expect($(dialog, '[data-testid="merge-summary"]').textContent).toBe("“Political motive” will become part of “Economic motive”. You can undo this.");
    await click($(dialog, '[data-testid="confirm"]'));

    expect(mirror.sent).toEqual([{ type: "mergeCodes", sourceId: ids.political, targetId: ids.economic }]);
    expect(mirror.state.codes[ids.political]).toBeUndefined();
    expect(Object.values(mirror.state.codings).filter((c) => c.codeId === ids.economic)).toHaveLength(9);
    expect($(row(ids.economic), '[data-testid="code-count"]').textContent).toBe("9");
    expect($(row(ids.motive), '[data-testid="code-count"]').textContent).toBe("3 · 12");
    expect(selected()).toBe(ids.economic); // the selection follows the merged code
  });

  it("does not offer the code's own nested codes as targets", async () => {
    const { state, ids } = fixture();
    await open({ state });
    await menuAction(ids.motive, "merge");
    const targets = $$(document, '[data-testid="merge-target"] option').map((o) => o.textContent);
    expect(targets).toEqual(["Actor", "Barrier"]);
  });
});

describe("deleting", () => {
  it("says what goes with the code, deletes it with its subtree and deselects it", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state, initial: ids.economic });
    await menuAction(ids.motive, "delete");
    expect($(document, '[data-testid="delete-question"]').textContent).toBe("Delete “Motive”, its 2 nested codes and 12 codings? You can undo this.");
    await click($(document, '[data-testid="confirm"]'));

    expect(mirror.sent).toEqual([{ type: "deleteCode", codeId: ids.motive }]);
    for (const id of [ids.motive, ids.economic, ids.political]) expect(mirror.state.codes[id]).toBeUndefined();
    expect(Object.keys(mirror.state.codings)).toHaveLength(2);
    expect(rowNames()).toEqual(["Actor", "Barrier"]);
    expect(selected()).toBe("");

    // "You can undo this" holds: the backend's undo brings all of it back.
    await act(() => mirror.undo());
    expect(Object.keys(mirror.state.codings)).toHaveLength(14);
    expect(rowNames()).toEqual(["Motive", "Economic motive", "Political motive", "Actor", "Barrier"]);
  });

  it("words the question by what there is to lose, and cancelling keeps the code", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state });
    await menuAction(ids.barrier, "delete");
    expect($(document, '[data-testid="delete-question"]').textContent).toBe("Delete “Barrier”? You can undo this.");
    await press($(document, '[data-testid="confirm"]'), "Escape");
    expect(document.querySelector('[data-testid="delete-code-dialog"]')).toBeNull();

    await menuAction(ids.economic, "delete");
    expect($(document, '[data-testid="delete-question"]').textContent).toBe("Delete “Economic motive” and its 5 codings? You can undo this.");
    await click($(document, '[data-testid="cancel"]'));
    expect(mirror.sent).toEqual([]);
    expect(mirror.state.codes[ids.economic]).toBeDefined();
  });
});

describe("errors and language", () => {
  it("hands a rejected operation to showError and leaves the codebook as it was", async () => {
    const { state, ids } = fixture();
    const { mirror, app } = await open({ state });
    const error = new TandaiError("errors.op.unknownCode", { id: ids.actor });
    mirror.failNext(error);
    await doubleClick(row(ids.actor));
    await type(nameInput(), "Aktor");
    await press(nameInput(), "Enter");
    expect(app.errors).toEqual([error]);
    expect(mirror.state.codes[ids.actor]!.name).toBe("Actor");
    expect($(row(ids.actor), ".code-name").textContent).toBe("Actor");
  });

  it("reads in Indonesian", async () => {
    const { state, ids } = fixture();
    await open({ state, language: "id" });
    expect($(document, '[data-testid="new-code"]').textContent).toBe("Kode baru");
    await menuAction(ids.motive, "delete");
    expect($(document, '[data-testid="delete-question"]').textContent).toBe("Hapus “Motive” beserta 2 subkode dan 12 pengodean? Anda dapat membatalkannya.");
    expect($(document, '[data-testid="confirm"]').textContent).toBe("Hapus");
  });

  it("has the same keys in both languages", () => {
    const keys = (node: unknown, prefix = ""): string[] =>
      typeof node === "string" ? [prefix] : Object.entries(node as object).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
    expect(keys(catalogues.id.codebook).sort()).toEqual(keys(catalogues.en.codebook).sort());
    expect(keys(catalogues.en.codebook).length).toBeGreaterThan(50);
  });
});

describe("code details", () => {
  it("saves a description field on blur only when it changed", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state, initial: ids.actor });
    const definition = $(document, '[data-testid="code-definition"]') as HTMLTextAreaElement;
    await focus(definition);
    await blur(definition);
    expect(mirror.sent).toEqual([]);

    await focus(definition);
    await type(definition, "A state or non-state party whose interests are at stake. ");
    await blur(definition);
    expect(mirror.sent).toEqual([
      { type: "updateCode", codeId: ids.actor, description: { definition: "A state or non-state party whose interests are at stake.", whenToUse: "", whenNotToUse: "" } },
    ]);
    expect(mirror.state.codes[ids.actor]!.description.definition).toBe("A state or non-state party whose interests are at stake.");

    const notToUse = $(document, '[data-testid="code-whenNotToUse"]') as HTMLTextAreaElement;
    await focus(notToUse);
    await type(notToUse, "Mere mentions of a country.");
    await blur(notToUse);
    expect(mirror.state.codes[ids.actor]!.description).toEqual({
      definition: "A state or non-state party whose interests are at stake.",
      whenToUse: "",
      whenNotToUse: "Mere mentions of a country.",
    });
    expect(definition.value).toBe("A state or non-state party whose interests are at stake.");
  });

  it("renames and recolours, refusing a sibling's name, and shows what the code holds", async () => {
    const { state, ids } = fixture();
    const { mirror } = await open({ state, initial: ids.motive });
    expect($(document, '[data-testid="code-details-facts"]').textContent).toBe("3 codings in 1 document · 2 nested codes, 12 codings in all");
    const name = $(document, '[data-testid="code-details-name"]') as HTMLInputElement;
    await focus(name);
    await type(name, "actor");
    await blur(name);
    expect($(document, '[data-testid="code-details-name-error"]').textContent).toBe("There is already a top-level code named “Actor”.");
    expect(mirror.sent).toEqual([]);
    await focus(name);
    await type(name, "Motivation");
    await press(name, "Enter");
    expect(mirror.state.codes[ids.motive]!.name).toBe("Motivation");
    expect($(row(ids.motive), ".code-name").textContent).toBe("Motivation");

    await click($(document, '[data-testid="code-details"] [data-color="#cc79a7"]'));
    expect(mirror.state.codes[ids.motive]!.color).toBe("#cc79a7");
    expect(mirror.sent.at(-1)).toEqual({ type: "updateCode", codeId: ids.motive, color: "#cc79a7" });
  });

  it("says so when the code is gone", async () => {
    const { ids } = fixture();
    view = await render(<CodeDetails codeId={ids.actor} />);
    expect(view.host.textContent).toBe("This code no longer exists.");
  });
});
