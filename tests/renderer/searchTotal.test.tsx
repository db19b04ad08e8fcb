import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyProject, newDocumentId, newProjectId, type DocumentMeta, type SearchHit, type SearchResult } from "../../shared/index.js";
import { SearchPanel } from "../../renderer/components/search/SearchPanel.js";
import { $, NOW, render, type, type Rendered } from "./harness.js";

// The backend's search: every hit the test's documents hold, one per document given.
let documents: DocumentMeta[] = [];
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    search: async (): Promise<SearchResult> => {
      const hits: SearchHit[] = documents.map((d) => ({ documentId: d.id, document: d.title, start: 0, end: 7, text: "ekonomi", before: "", after: " kami.", location: { paragraph: 1, page: null }, speaker: null, codeIds: [] }));
      return { total: hits.length, offset: 0, hits, perDocument: documents.map((d) => ({ documentId: d.id, document: d.title, count: 1 })), documents: documents.length, speakers: [] };
    },
  },
}));

let current: Rendered | null = null;
afterEach(() => {
  current?.unmount();
  current = null;
});

const meta = (title: string): DocumentMeta => ({ id: newDocumentId(), title, kind: "txt", sourceName: `${title}.txt`, importedAt: NOW, length: 14, blockCount: 1, pageCount: null });

/** The panel's total after searching a project of these documents, each with one hit. */
async function totalFor(titles: string[], language: "en" | "id" = "en"): Promise<string | null> {
  documents = titles.map(meta);
  const state = emptyProject(newProjectId(), "Skripsi", NOW);
  for (const d of documents) state.documents[d.id] = d;
  current = await render(<SearchPanel onJump={() => {}} />, { state, language });
  const { host } = current;
  await type($(host, '[data-testid="search-query"]') as HTMLInputElement, "ekonomi");
  await act(async () => {
    host.querySelector("form")!.requestSubmit();
  });
  for (let i = 0; i < 5; i++) await act(async () => await Promise.resolve());
  const total = $(host, '[data-testid="search-total"]').textContent;
  current.unmount();
  current = null;
  return total;
}

describe("the search panel's total", () => {
  it("agrees with its numbers: 1 hit in 1 document, 2 hits in 2 documents", async () => {
    expect(await totalFor(["Wawancara"])).toBe("1 hit in 1 document");
    expect(await totalFor(["Wawancara", "Laporan"])).toBe("2 hits in 2 documents");
  });

  it("reads the same in Indonesian, which does not inflect", async () => {
    expect(await totalFor(["Wawancara"], "id")).toBe("1 temuan di 1 dokumen");
    expect(await totalFor(["Wawancara", "Laporan"], "id")).toBe("2 temuan di 2 dokumen");
  });
});
