import i18next from "i18next";
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { emptyProject, newCodeId, newCodingId, newDocumentId, newProjectId, offset, type Code, type CodeId, type ProjectState } from "../../shared/index.js";
import { Codebook } from "../../renderer/components/codebook/index.js";
import { codeRowLabels } from "../../renderer/components/codebook/rowLabels.js";
import { DocumentList } from "../../renderer/components/DocumentList.js";
import { documentRowLabels } from "../../renderer/components/documents/rowLabels.js";
import { changeLanguage } from "../../renderer/i18n.js";
import { $$, NOW, render, type Rendered } from "./harness.js";

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

/** Values a title, source or code name may hold, i18next's own syntax among them. */
const VALUES = ["Wawancara 1", "", "$t(app.title)", "{{name}}", "{{count}}", "$&$1 \\n", "“Kota” – Padang", "Ünal"];
const COUNTS = [0, 1, 2, 5, 21, 1000, -1, 1.5, 2, 1, 0];

describe("row labels made once per list", () => {
  for (const language of ["en", "id"] as const) {
    it(`say what i18next says for each value (${language})`, async () => {
      view = await render(<p />, { language });
      const t = i18next.getFixedT(language);
      const doc = documentRowLabels(t, language);
      const code = codeRowLabels(t, language);
      for (const v of VALUES) {
        expect(doc.rowHint(v)).toBe(t("documents.rowHint", { source: v }));
        expect(doc.groupsOf(v)).toBe(t("documents.groupsOf", { groups: v }));
        expect(doc.actions(v)).toBe(t("documents.actions", { title: v }));
        expect(code.expand(v)).toBe(t("codebook.expand", { name: v }));
        expect(code.collapse(v)).toBe(t("codebook.collapse", { name: v }));
        expect(code.color(v)).toBe(t("codebook.color.title", { name: v }));
        expect(code.actionsFor(v)).toBe(t("codebook.actionsFor", { name: v }));
      }
      for (const n of COUNTS) {
        expect(doc.codings(n)).toBe(t("app.documents.codings", { count: n }));
        expect(doc.codings(n)).toBe(t("app.documents.codings", { count: n }));
        expect(code.ownCount(n)).toBe(t("codebook.counts.own", { count: n }));
        expect(code.withNested(n, n + 3)).toBe(t("codebook.counts.withNested", { own: n, total: n + 3 }));
      }
      for (let key = 1; key <= 9; key++) {
        expect(code.pinnedKey(key)).toBe(t("keys.pinned", { key }));
        expect(code.automaticKey(key)).toBe(t("keys.automatic", { key }));
      }
      for (const kind of ["txt", "docx", "pdf", "md"]) expect(doc.kind(kind)).toBe(t(`app.documents.kind.${kind}`));
      expect(code.loadingCount).toBe(t("loadingCodings.counts"));
      expect(code.loadingCountHint).toBe(t("loadingCodings.countsHint"));
      // Not the same words in both languages, or the comparisons above prove little.
      expect(doc.actions("x")).not.toBe(documentRowLabels(i18next.getFixedT(language === "en" ? "id" : "en"), language === "en" ? "id" : "en").actions("x"));
    });
  }

  it("are made again when the language changes: memoised rows show the new language's words", async () => {
    const state: ProjectState = emptyProject(newProjectId(), "Skripsi", NOW);
    const code = (name: string, parentId: CodeId | null, order: number): Code => {
      const c: Code = { id: newCodeId(), name, color: "#0072b2", parentId, order, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW };
      state.codes[c.id] = c;
      return c;
    };
    const parent = code("Hambatan", null, 0);
    code("Dana", parent.id, 0);
    code("Motif", null, 1);
    for (const [i, title] of ["Wawancara 2", "Wawancara 1", "Catatan"].entries()) {
      const id = newDocumentId();
      state.documents[id] = { id, title, kind: i ? "txt" : "docx", sourceName: `${title}.txt`, importedAt: NOW, length: 500, blockCount: 1, pageCount: null };
      const codingId = newCodingId();
      state.codings[codingId] = { id: codingId, documentId: id, codeId: parent.id, start: offset(0), end: offset(10), coder: "Rani", stance: "supports", createdAt: NOW };
    }
    const ui = () => (
      <>
        <DocumentList selected={null} onSelect={() => {}} />
        <Codebook selectedCodeId={null} onSelect={() => {}} />
      </>
    );
    const words = () =>
      $$(document, '[data-testid="documents"] li *, [data-testid="code-row"], [data-testid="code-row"] *').map((el) => [el.getAttribute("title"), el.getAttribute("aria-label"), el.children.length ? "" : el.textContent].join("|"));

    view = await render(ui(), { state, language: "id" });
    const indonesian = words();
    view.unmount();
    view = await render(ui(), { state, language: "en" });
    const english = words();
    expect(english).not.toEqual(indonesian);
    await act(() => changeLanguage("id"));
    expect(words()).toEqual(indonesian);
    await act(() => changeLanguage("en"));
    expect(words()).toEqual(english);
  });
});
