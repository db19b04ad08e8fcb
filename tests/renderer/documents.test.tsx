import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import {
  emptyProject,
  newCodeId,
  newCodingId,
  newDocumentGroupId,
  newDocumentId,
  newProjectId,
  offset,
  sortedDocuments,
  type Code,
  type CodeId,
  type DocumentId,
  type ProjectState,
} from "../../shared/index.js";
import { Codebook } from "../../renderer/components/codebook/index.js";
import { DocumentList } from "../../renderer/components/DocumentList.js";
import { FrequencyTable } from "../../renderer/components/frequency/FrequencyTable.js";
import { defaultOptions, toRequest } from "../../renderer/components/export/exportOptions.js";
import { $, $$, click, NOW, press, render, type, type Rendered } from "./harness.js";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

function code(name: string, parentId: CodeId | null = null): Code {
  return { id: newCodeId(), name, color: "#0072b2", parentId, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
}

/** Two interviews with long titles that differ only at the end, and an MoU; the first holds 2 codings and a memo. */
function fixture() {
  const state: ProjectState = emptyProject(newProjectId(), "Skripsi HI", NOW);
  const doc = (title: string, length = 1000): DocumentId => {
    const id = newDocumentId();
    state.documents[id] = { id, title, kind: "txt", sourceName: `${title}.txt`, importedAt: NOW, length, blockCount: 1, pageCount: null };
    return id;
  };
  const a = doc("Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Maret 2024");
  const b = doc("Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Juli 2024");
  const c = doc("MoU Padang – Vung Tau");
  const hambatan = code("Hambatan");
  state.codes[hambatan.id] = hambatan;
  const codingIds = [newCodingId(), newCodingId()];
  codingIds.forEach((id, i) => {
    state.codings[id] = { id, documentId: a, codeId: hambatan.id, start: offset(i * 100), end: offset(i * 100 + 150), coder: "Rani", stance: "supports", createdAt: NOW };
  });
  state.memos[`coding:${codingIds[0]}`] = { target: { kind: "coding", id: codingIds[0]! }, content: { type: "doc" }, text: "penting", updatedAt: NOW };
  return { state, a, b, c, hambatan };
}

const row = (id: DocumentId) => $(document, `button[data-testid="document-row"][data-document-id="${id}"]`);
const shownTitles = () => $$(document, 'button[data-testid="document-row"] .title').map((el) => el.textContent);
const nameInput = () => $(document, '[data-testid="name-input"]') as HTMLInputElement;

async function menuOf(id: DocumentId) {
  await click($(row(id).closest("li")!, '[data-testid="document-more"]'));
  return $(document, '[data-testid="document-menu"]');
}

describe("the document list", () => {
  it("shows full titles, renames a document from its menu and with F2", async () => {
    const { state, a, b } = fixture();
    view = await render(<DocumentList selected={null} onSelect={() => {}} />, { state });
    // The whole title is in the row's text, not only in a tooltip.
    expect(row(b).textContent).toContain("Juli 2024");
    await click($(await menuOf(a), '[data-action="rename"]'));
    expect(nameInput().value).toBe(state.documents[a]!.title);
    await type(nameInput(), "   ");
    await click($(document, '[data-testid="rename-document-dialog"] [data-testid="confirm"]'));
    expect($(document, '[data-testid="name-problem"]').textContent).toBe("Type a title for the document.");
    await type(nameInput(), "Wawancara Kabag Kerja Sama, Maret 2024");
    await click($(document, '[data-testid="rename-document-dialog"] [data-testid="confirm"]'));
    expect(view.mirror.sentOf("renameDocument")).toEqual([{ type: "renameDocument", documentId: a, title: "Wawancara Kabag Kerja Sama, Maret 2024" }]);
    expect(row(a).textContent).toContain("Wawancara Kabag Kerja Sama, Maret 2024");

    await press(row(b), "F2");
    expect($(document, '[data-testid="rename-document-dialog"]')).toBeTruthy();
  });

  it("asks before deleting, saying how many codings and memos go, and undo brings them back", async () => {
    const { state, a } = fixture();
    view = await render(<DocumentList selected={null} onSelect={() => {}} />, { state, language: "id" });
    await press(row(a), "Delete");
    expect($(document, '[data-testid="delete-document-question"]').textContent).toContain("2 pengodean dan 1 memo ikut terhapus");
    await click($(document, '[data-testid="delete-document-dialog"] [data-testid="confirm"]'));
    expect(view.mirror.state.documents[a]).toBeUndefined();
    expect(Object.keys(view.mirror.state.codings)).toHaveLength(0);
    await act(() => view!.mirror.undo());
    expect(view.mirror.state.documents[a]).toBeDefined();
    expect(Object.keys(view.mirror.state.codings)).toHaveLength(2);
    expect(Object.keys(view.mirror.state.memos)).toHaveLength(1);
    expect(view.mirror.state).toEqual(state);
  });

  it("reorders with Alt+arrows and the menu, each one undo step", async () => {
    const { state, a, b, c } = fixture();
    view = await render(<DocumentList selected={null} onSelect={() => {}} />, { state });
    expect(sortedDocuments(view.mirror.state).map((d) => d.id)).toEqual([c, b, a]);
    await press(row(c), "ArrowDown", { altKey: true });
    expect(sortedDocuments(view.mirror.state).map((d) => d.id)).toEqual([b, c, a]);
    expect(document.activeElement).toBe(row(c));
    await click($(await menuOf(a), '[data-action="moveUp"]'));
    expect(sortedDocuments(view.mirror.state).map((d) => d.id)).toEqual([b, a, c]);
    expect(shownTitles()[1]).toBe(view.mirror.state.documents[a]!.title);
    expect(view.mirror.sentOf("orderDocuments")).toHaveLength(2);
    await act(() => view!.mirror.undo());
    await act(() => view!.mirror.undo());
    expect(view.mirror.state).toEqual(state);
  });

  it("creates a group, puts documents in it from their menu, filters by it, renames and deletes it", async () => {
    const { state, a, c } = fixture();
    view = await render(<DocumentList selected={null} onSelect={() => {}} />, { state });
    await click($(document, '[data-testid="new-group"]'));
    await type(nameInput(), "Wawancara");
    await click($(document, '[data-testid="new-group-dialog"] [data-testid="confirm"]'));
    const group = Object.values(view.mirror.state.documentGroups)[0]!;
    expect(group).toMatchObject({ name: "Wawancara", documentIds: [] });
    // The new group is the filter: empty so far.
    expect(shownTitles()).toEqual([]);
    await click($(document, '[data-testid="group-filter-all"]'));
    await click($(await menuOf(a), '[data-testid="menu-group"]'));
    expect(view.mirror.state.documentGroups[group.id]!.documentIds).toEqual([a]);
    expect($(row(a), '[data-testid="document-groups"]').textContent).toBe("Groups: Wawancara");
    await click($(document, '[data-testid="group-filter"]'));
    expect(shownTitles()).toEqual([view.mirror.state.documents[a]!.title]);
    // A second group of the same name is refused in the dialog, before anything is sent.
    await click($(document, '[data-testid="new-group"]'));
    await type(nameInput(), "wawancara");
    await click($(document, '[data-testid="new-group-dialog"] [data-testid="confirm"]'));
    expect($(document, '[data-testid="name-problem"]').textContent).toBe("There is already a document group named “Wawancara”.");
    await press(nameInput(), "Escape");
    await click($(document, '[data-testid="group-rename"]'));
    await type(nameInput(), "Interviews");
    await click($(document, '[data-testid="rename-group-dialog"] [data-testid="confirm"]'));
    expect(view.mirror.state.documentGroups[group.id]!.name).toBe("Interviews");
    await click($(document, '[data-testid="group-delete"]'));
    await click($(document, '[data-testid="delete-group-dialog"] [data-testid="confirm"]'));
    expect(view.mirror.state.documentGroups).toEqual({});
    expect(shownTitles()).toHaveLength(3);
    expect(view.mirror.state.documents[c]).toBeDefined();
  });
});

describe('the one "/" rule in the codebook', () => {
  const codeInput = () => $(document, '[data-testid="code-name-input"]') as HTMLInputElement;

  it("creates parent and child from a typed path in one step, refuses a slash in a rename, and shows a literal slash escaped", async () => {
    const { state } = fixture();
    const literal = code("Pro/Kontra");
    state.codes[literal.id] = literal;
    view = await render(<Codebook selectedCodeId={null} onSelect={() => {}} />, { state });
    expect($$(document, '[data-testid="code-row"] .code-name').map((el) => el.textContent)).toContain("Pro\\/Kontra");

    await click($(document, '[data-testid="new-code"]'));
    await type(codeInput(), "Motif/Ekonomi");
    await press(codeInput(), "Enter");
    const names = Object.values(view.mirror.state.codes).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["Motif", "Ekonomi"]));
    const ekonomi = Object.values(view.mirror.state.codes).find((c) => c.name === "Ekonomi")!;
    expect(view.mirror.state.codes[ekonomi.parentId!]!.name).toBe("Motif");
    expect(view.mirror.sent).toHaveLength(1);

    // "Hambatan/Anggaran" under an existing "Hambatan" adds only the child.
    await click($(document, '[data-testid="new-code"]'));
    await type(codeInput(), "Hambatan/Anggaran");
    await press(codeInput(), "Enter");
    const anggaran = Object.values(view.mirror.state.codes).find((c) => c.name === "Anggaran")!;
    expect(view.mirror.state.codes[anggaran.parentId!]!.name).toBe("Hambatan");

    // A literal slash typed as \/ is one code.
    await click($(document, '[data-testid="new-code"]'));
    await type(codeInput(), "Biaya\\/Manfaat");
    await press(codeInput(), "Enter");
    expect(Object.values(view.mirror.state.codes).find((c) => c.name === "Biaya/Manfaat")).toMatchObject({ parentId: null });

    // Rename: a bare "/" is refused with the rule, and the field starts from the escaped name.
    const row = $(document, `[data-testid="code-row"][data-code-id="${literal.id}"]`);
    await press(row, "F2");
    expect(codeInput().value).toBe("Pro\\/Kontra");
    await type(codeInput(), "Pro/Kontra");
    await press(codeInput(), "Enter");
    expect($(document, '[data-testid="code-name-error"]').textContent).toMatch(/cannot contain “\/”/);
    await type(codeInput(), "Pro\\/Kontra\\/Netral");
    await press(codeInput(), "Enter");
    expect(view.mirror.state.codes[literal.id]!.name).toBe("Pro/Kontra/Netral");
  });
});

describe("the frequency table", () => {
  it("counts codings and the share of text covered, and sorts by a column", async () => {
    const { state, a, hambatan } = fixture();
    const other = code("Birokrasi");
    state.codes[other.id] = other;
    const b = Object.keys(state.documents)[1] as DocumentId;
    const id = newCodingId();
    state.codings[id] = { id, documentId: b, codeId: other.id, start: offset(0), end: offset(500), coder: "Rani", stance: "supports", createdAt: NOW };
    view = await render(<FrequencyTable documentGroupId={null} />, { state, language: "en" });
    const rowOf = (codeId: CodeId) => $(document, `[data-testid="frequency-row"][data-code-id="${codeId}"]`);
    const cells = (codeId: CodeId) => $$(rowOf(codeId), "td").map((td) => td.textContent);
    // Columns in list order: MoU, Juli, Maret (a); Hambatan's two codings [0,150) and [100,250) cover 250 of 1000.
    expect(cells(hambatan.id).slice(4, 8)).toEqual(["2", "25.0%", "2", "8.3%"]);
    expect(cells(other.id).slice(2, 4)).toEqual(["1", "50.0%"]);
    const order = () => $$(document, '[data-testid="frequency-row"]').map((r) => r.dataset.codeId);
    await click($(document, '[data-testid="sort-c1-share"]'));
    expect(order()[0]).toBe(other.id);
    await click($(document, '[data-testid="sort-total-count"]'));
    expect(order()[0]).toBe(hambatan.id);
    expect(a).toBeTruthy();
  });
});

describe("a document group in the export dialog's request", () => {
  it("sends the chosen group in the scope, and nothing when none is chosen", () => {
    const all = { caseIds: [], frameworkIds: [], codeIds: [] };
    const group = newDocumentGroupId();
    expect(toRequest({ ...defaultOptions("id", all), documentGroupId: group }, all).scope).toEqual({ caseIds: [], frameworkIds: [], codeIds: [], documentGroupIds: [group] });
    expect(toRequest(defaultOptions("id", all), all).scope).toEqual({ caseIds: [], frameworkIds: [], codeIds: [] });
  });
});
