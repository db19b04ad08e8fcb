import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { newCodeId, newCodingId, offset, type Code, type DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const encoder = new TextEncoder();
const temp = useTempDirs();

async function backend() {
  const root = await temp();
  return new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
}

const code = (name: string): Code => ({
  id: newCodeId(),
  name,
  color: "#009e73",
  parentId: null,
  order: 0,
  description: { definition: "", whenToUse: "", whenNotToUse: "" },
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("Backend", () => {
  it("creates the sample project on first use, coded, in the system language", async () => {
    const api = await backend();
    const sample = await api.openSampleProject();
    expect(Object.keys(sample.state.documents)).toHaveLength(2);
    expect(Object.keys(sample.state.codings).length).toBeGreaterThanOrEqual(10);
    expect(Object.values(sample.state.codes).map((c) => c.name)).toContain("Motif ekonomi");
    expect(Object.values(sample.state.codings).some((c) => c.stance === "contradicts")).toBe(true);
    expect(Object.values(sample.state.cases).map((c) => [c.name, c.documentIds.length])).toEqual([["Padang – Ba Ria-Vung Tau", 2]]);
    expect((await api.recentProjects())[0]!.dir).toBe(sample.dir);
    // Opening it again reuses the same project rather than making another.
    await api.closeProject();
    const again = await api.openSampleProject();
    expect(again.state.id).toBe(sample.state.id);
    await api.closeProject();
  });

  it("imports a batch where one file is bad: the good ones land, the bad one is named, one undo takes the batch back", async () => {
    const api = await backend();
    const root = await temp();
    const { dir } = await api.createProject({ dir: join(root, "p"), name: "Tesis" });
    const report = await api.importFiles({
      files: [
        { name: "wawancara.txt", data: encoder.encode("Narasumber: kerja sama dengan Vũng Tàu.\r\nPewawancara: Terima kasih.") },
        { name: "kosong.txt", data: new Uint8Array() },
        { name: "catatan.md", data: encoder.encode("# Temuan\nMotif ekonomi dominan.") },
      ],
    });
    expect(report.outcomes.map((o) => [o.file, o.ok])).toEqual([
      ["wawancara.txt", true],
      ["kosong.txt", false],
      ["catatan.md", true],
    ]);
    const failed = report.outcomes[1]!;
    expect(!failed.ok && failed.error.code).toBe("import.errors.empty");
    expect(!failed.ok && failed.error.params.file).toBe("kosong.txt");
    const state = (await api.currentProject())!.state;
    expect(Object.values(state.documents).map((d) => d.title).sort()).toEqual(["catatan", "wawancara"]);
    const id = report.outcomes[0]!.ok ? report.outcomes[0]!.documentId : ("" as DocumentId);
    expect((await api.documentContent({ documentId: id })).text).toBe("Narasumber: kerja sama dengan Vũng Tàu.\r\nPewawancara: Terima kasih.");

    const undone = await api.undo();
    expect(undone.applied?.type).toBe("batch");
    expect(Object.keys((await api.currentProject())!.state.documents)).toHaveLength(0);
    await api.redo();
    expect(Object.keys((await api.currentProject())!.state.documents)).toHaveLength(2);
    await api.closeProject();
    const reopened = await api.openProject({ dir });
    expect(Object.keys(reopened.state.documents)).toHaveLength(2);
    await api.closeProject();
  });

  it("codes, retrieves with location and context, undoes across documents, and keeps it all after reopening", async () => {
    const api = await backend();
    const root = await temp();
    const { dir } = await api.createProject({ dir: join(root, "p"), name: "Tesis" });
    const text = "Paragraf satu.\nMotif ekonomi: ekspor ikan ke Vietnam.\nParagraf tiga.";
    const report = await api.importFiles({ files: [{ name: "a.txt", data: encoder.encode(text) }, { name: "b.txt", data: encoder.encode(text), allowDuplicate: true }] });
    const [a, b] = report.outcomes.map((o) => (o.ok ? o.documentId : ("" as DocumentId)));
    const economic = code("Ekonomi");
    await api.apply({ op: { type: "addCode", code: economic } });
    const start = text.indexOf("ekspor");
    for (const documentId of [a!, b!]) {
      const coding = { id: newCodingId(), documentId, codeId: economic.id, start: offset(start), end: offset(start + 20), coder: "Rani", stance: "supports" as const, createdAt: "x" };
      await api.apply({ op: { type: "addCoding", coding } });
    }
    const passages = await api.retrieve({ codeId: economic.id, includeNested: true });
    expect(passages).toHaveLength(2);
    expect(passages[0]!.quote).toBe("ekspor ikan ke Vietn");
    expect(passages[0]!.location).toEqual({ paragraph: 2, page: null });
    expect(passages[0]!.before).toContain("Motif ekonomi: ");

    // Undo the coding in b, then the one in a: the history spans documents.
    await api.undo();
    await api.undo();
    expect(await api.retrieve({ codeId: economic.id, includeNested: false })).toHaveLength(0);
    await api.redo();
    await api.closeProject();
    const reopened = await api.openProject({ dir });
    expect(Object.values(reopened.state.codings).map((c) => c.documentId)).toEqual([a]);
    await api.closeProject();
  });

  it("rejects malformed requests through dispatch with a message naming the request", async () => {
    const api = await backend();
    const bad = await dispatch(api, "apply", { op: { type: "addCoding", coding: { id: "x" } } });
    expect(bad).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument", params: { channel: "apply" } } });
    expect(await dispatch(api, "deleteEverything", {})).toMatchObject({ ok: false, error: { code: "errors.ipc.unknownChannel" } });
    expect(await dispatch(api, "documentContent", { documentId: "abcd1234" })).toMatchObject({ ok: false, error: { code: "errors.ipc.noProject" } });
    expect(await dispatch(api, "getPreferences", {})).toEqual({ ok: true, value: { language: "id", coderName: "" } });
  });

  it("remembers preferences and recent projects across restarts", async () => {
    const root = await temp();
    const context = { home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web" as const, systemLocale: "en-US" };
    const first = await new Backend(context).init();
    expect((await first.getPreferences()).language).toBe("en");
    await first.setPreferences({ language: "id", coderName: "Rani" });
    await first.createProject({ dir: join(root, "p"), name: "Tesis" });
    await first.closeProject();
    const second = await new Backend(context).init();
    expect(await second.getPreferences()).toEqual({ language: "id", coderName: "Rani" });
    expect((await second.recentProjects()).map((r) => r.name)).toEqual(["Tesis"]);
  });
});
