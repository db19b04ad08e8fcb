import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { RegexRunner } from "../../../electron/search/regexWorker.js";
import { AutocodeRequest, SearchRequest, type DocumentId, type SearchResult } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const encoder = new TextEncoder();
const temp = useTempDirs();

const INTERVIEW = [
  "Pewawancara: Apa hambatan kerja sama ini?",
  "Narasumber: Anggaran kami kecil. Penganggaran juga lambat.",
  "Pewawancara: Bagaimana dengan bahasa?",
  "Narasumber: Bahasa menjadi hambatan. Anggaran untuk penerjemah tidak ada.",
].join("\r\n");

async function opened() {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
  await api.createProject({ dir: join(root, "p"), name: "Tesis" });
  await api.setPreferences({ coderName: "Rina" });
  const report = await api.importFiles({
    files: [
      { name: "wawancara-bappeda.txt", data: encoder.encode(INTERVIEW) },
      { name: "catatan.md", data: encoder.encode("# Catatan\nAnggaran daerah naik tahun 2024. 🤝") },
    ],
  });
  const ids = report.outcomes.map((o) => (o.ok ? o.documentId : null)) as DocumentId[];
  return { api, ids };
}

const search = (query: string, extra = {}) => SearchRequest.parse({ query, ...extra });

describe("search in the backend", () => {
  it("indexes in the background after open and after imports, and searches through the one contract", async () => {
    const { api, ids } = await opened();
    const envelope = await dispatch(api, "search", { query: "anggaran" });
    expect(envelope.ok).toBe(true);
    const result = (envelope as { value: SearchResult }).value;
    expect(result.hits.map((h) => [h.document, h.text])).toEqual([
      ["catatan", "Anggaran"],
      ["wawancara-bappeda", "Anggaran"],
      ["wawancara-bappeda", "Penganggaran"],
      ["wawancara-bappeda", "Anggaran"],
    ]);
    // Offsets are into the stored verbatim text (CRLF kept).
    const stored = await api.documentContent({ documentId: ids[0]! });
    for (const hit of result.hits.filter((h) => h.documentId === ids[0])) expect(stored.text.slice(hit.start, hit.end)).toBe(hit.text);
    // A document imported later is searched too.
    await api.importFiles({ files: [{ name: "baru.txt", data: encoder.encode("Anggaran baru.") }] });
    expect((await api.search(search("anggaran"))).total).toBe(5);
    await api.closeProject();
  });

  it("starts indexing only after opening has answered, then indexes every document", async () => {
    const { api } = await opened();
    const dir = api.openStore!.dir;
    await api.closeProject();
    await api.openProject({ dir });
    expect(api.searchService!.index.size).toBe(0);
    await api.searchService!.ready();
    expect(api.searchService!.index.size).toBe(2);
    await api.closeProject();
  });

  it("a one-shot command's backend (tandai import) indexes nothing in the background, yet a search finds what was imported", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID", indexInBackground: false }).init();
    await api.createProject({ dir: join(root, "p"), name: "Tesis" });
    await api.importFiles({ files: [{ name: "wawancara.txt", data: encoder.encode(INTERVIEW) }] });
    // Whatever the background would have done has had its turns of the event loop.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(api.searchService!.index.size).toBe(0);
    expect((await api.search(search("anggaran"))).total).toBe(3);
    expect(api.searchService!.index.size).toBe(1);
    await api.closeProject();
  });

  it("turns bad input into messages: empty query, only stop words, invalid regex, no document in scope", async () => {
    const { api } = await opened();
    const code = async (args: unknown) => {
      const envelope = await dispatch(api, "search", args);
      return envelope.ok ? "ok" : envelope.error.code;
    };
    expect(await code({ query: "  " })).toBe("search.errors.emptyQuery");
    expect(await code({ query: "yang dan" })).toBe("search.errors.onlyStopWords");
    expect(await code({ query: "(a+", options: { regex: true } })).toBe("search.errors.badRegex");
    expect(await code({ query: "x", scope: { caseIds: ["nosuchcase"] } })).toBe("errors.op.unknownCase");
    await api.closeProject();
    expect(await code({ query: "anggaran" })).toBe("errors.ipc.noProject");
  });

  it("runs a regular expression on a worker, and stops a catastrophic one after the time limit", async () => {
    const { api } = await opened();
    const result = await api.search(search("Angg\\w+", { options: { regex: true, matchCase: true } }));
    expect(result.hits.map((h) => h.text)).toEqual(["Anggaran", "Anggaran", "Anggaran"]);
    const runner = new RegexRunner();
    const text = "a".repeat(40) + "!";
    const started = Date.now();
    await expect(runner.run("(a+)+$", "gu", [{ id: "d1" as DocumentId, text }], 300)).rejects.toMatchObject({ code: "search.errors.regexTimeout" });
    expect(Date.now() - started).toBeLessThan(5000);
    // The runner recovers with a fresh worker.
    expect((await runner.run("a!", "gu", [{ id: "d1" as DocumentId, text }])).hits.get("d1" as DocumentId)).toEqual([[39, 41]]);
    runner.reset();
    await api.closeProject();
  });

  it("auto-codes hits into one batch, previewing first, skipping what is coded already; one undo removes it all", async () => {
    const { api, ids } = await opened();
    const request = (dryRun: boolean) => AutocodeRequest.parse({ search: search("anggaran", { scope: { documentIds: [ids[0]] } }), newCode: "Hambatan/Anggaran", unit: "sentence", dryRun });
    const preview = await api.autocode(request(true));
    expect(preview).toMatchObject({ count: 3, dryRun: true, createdCode: true, codeId: null });
    expect(preview.codings.map((c) => c.text)).toEqual(["Anggaran kami kecil.", "Penganggaran juga lambat.", "Anggaran untuk penerjemah tidak ada."]);
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(0);

    const done = await api.autocode(request(false));
    expect(done.count).toBe(3);
    const codings = Object.values(api.openStore!.state.codings);
    expect(codings.map((c) => [c.coder, INTERVIEW.slice(c.start, c.end)])).toEqual(preview.codings.map((p) => ["Rina", p.text]));
    // Again: everything is covered, nothing is added twice.
    const again = await api.autocode(request(false));
    expect(again).toMatchObject({ count: 0, createdCode: false });
    expect(again.skipped).toHaveLength(3);
    await api.undo();
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(0);
    expect(Object.keys(api.openStore!.state.codes)).toHaveLength(0);
    await api.closeProject();
  });

  it("lists passages like a code's and the words of a scope", async () => {
    const { api, ids } = await opened();
    await api.autocode(AutocodeRequest.parse({ search: search('"bahasa menjadi"'), newCode: "Hambatan bahasa", unit: "paragraph" }));
    const codeId = Object.keys(api.openStore!.state.codes)[0]!;
    const similar = await api.similarPassages({ codeId: codeId as never, limit: 5, scope: { documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false } });
    const texts = similar.map((s) => s.text);
    expect(texts).not.toContain("Narasumber: Bahasa menjadi hambatan. Anggaran untuk penerjemah tidak ada.");
    expect(similar.find((s) => s.text === "Pewawancara: Bagaimana dengan bahasa?")).toMatchObject({ documentId: ids[0], terms: ["bahasa"] });
    expect(similar.find((s) => s.text === "Pewawancara: Apa hambatan kerja sama ini?")!.terms).toEqual(["hambatan"]);
    // Speakers' labels are not words of the passage.
    expect(similar.flatMap((s) => s.terms.map((t) => t.toLowerCase()))).not.toContain("narasumber");
    const words = await api.wordFrequencies({ scope: { documentIds: [], caseIds: [], groupIds: [], codeIds: [], uncoded: false }, stem: true, limit: 3 });
    expect(words[0]).toEqual({ word: "anggaran", stem: "anggar", count: 4, documents: 2 });
    await api.closeProject();
  });
});
