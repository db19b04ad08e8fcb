import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import type { ImportLimits } from "../../../electron/import/inWorker.js";
import { ImportWorker } from "../../../electron/import/inWorker.js";
import { readRefiProject } from "../../../electron/import/qdpx/index.js";
import { TandaiError } from "../../../shared/index.js";
import { atlas, nvivo } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { zipOf } from "./helpers.js";
import { packProject, unpackProject } from "../../../electron/import/qdpx/transfer.js";

/** The worker as `npm run build` bundles it (the unit tests' global setup builds it first). */
const WORKER = new URL("../../../dist/electron/importWorker.mjs", import.meta.url);
const temp = useTempDirs();

/**
 * A hostile .qdpx within every zip limit (a .qde of some 35 MB, its GUIDs keeping it under the
 * bomb ratio): 150,000 coded selections, which take far more than a 64 MB heap to hold as a project.
 */
async function crowded(): Promise<Uint8Array> {
  const hex = (n: number) => n.toString(16).padStart(12, "0");
  const selections: string[] = [];
  for (let i = 0; i < 150_000; i++) {
    selections.push(
      `<PlainTextSelection guid="d0000000-0000-4000-8000-${hex(i)}" name="" startPosition="${i % 50}" endPosition="${(i % 50) + 3}"><Coding guid="e0000000-0000-4000-8000-${hex(i * 7919)}"><CodeRef targetGUID="b0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>`,
    );
  }
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="ramai"><CodeBook><Codes><Code guid="b0000000-0000-4000-8000-000000000001" name="A" isCodable="true"/></Codes></CodeBook><Sources><TextSource guid="c0000000-0000-4000-8000-000000000001" name="W" plainTextPath="internal://w.txt">${selections.join("")}</TextSource></Sources></Project>`;
  return zipOf({ "project.qde": qde, "sources/w.txt": "Kerja sama kota kembar Padang dan Busan dimulai tahun 2010, lalu berlanjut." });
}

describe("REFI-QDA projects are read on the import worker", () => {
  it("reads a project there exactly as in this thread, and passes its refusals on as they are", async () => {
    const worker = new ImportWorker(WORKER);
    try {
      for (const [name, entries] of [["atlas.qdpx", atlas()], ["nvivo.qdpx", nvivo()]] as const) {
        const data = await zipOf(entries);
        expect(await worker.runRefi(name, data)).toEqual(await readRefiProject(name, data));
      }
      const page = new TextEncoder().encode("<!DOCTYPE html><html><body>Masuk</body></html>");
      const error = await worker.runRefi("unduhan.qdpx", page).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TandaiError);
      expect(error).toMatchObject({ code: "refi.errors.notProject", params: { file: "unduhan.qdpx" } });
    } finally {
      await worker.close();
    }
  });

  it("packs a project's selections into columns and back without losing anything (descriptions, notes, several codings, none)", async () => {
    const entries = nvivo();
    entries["project.qde"] = entries["project.qde"]!.replace(
      "</PlainTextSelection>",
      '<Description>Kutipan “penting”</Description><NoteRef targetGUID="{99999999-0000-4000-8000-000000000001}"/></PlainTextSelection><PlainTextSelection guid="{DDDDDDDD-0000-4000-8000-000000000002}" name="Wawancara" startPosition="0" endPosition="9"/>',
    );
    const project = await readRefiProject("nvivo.qdpx", await zipOf(entries));
    expect(project.sources[0]!.selections.map((sel) => [sel.description, sel.noteGuids.length, sel.codings.length])).toEqual([
      ["Kutipan “penting”", 1, 2],
      [undefined, 0, 0],
    ]);
    const { packed, transfer } = packProject(structuredClone(project));
    expect(unpackProject(structuredClone(packed, { transfer }))).toEqual(project);
  });

  it("a hostile .qdpx that exhausts the import's memory fails alone, naming it; the project is untouched and the backend goes on", async () => {
    const root = await temp();
    const limits: ImportLimits = { memoryMb: 64, timeoutMs: 60_000 };
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US", importWorker: WORKER, importLimits: limits }).init();
    await api.createProject({ dir: join(root, "p"), name: "P" });
    const hostile = { name: "ramai.qdpx", data: await crowded() };

    const before = structuredClone(api.openStore!.state);
    for (const attempt of [() => api.previewRefiProject({ file: hostile }), () => api.importRefiProject({ file: hostile })]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "import.errors.outOfMemory", params: { file: "ramai.qdpx", max: 64 } });
      expect(api.openStore!.state).toEqual(before);
    }

    // The same backend imports the next project, on a fresh thread.
    const report = await api.importRefiProject({ file: { name: "atlas.qdpx", data: await zipOf(atlas()) } });
    expect(report.preview.add).toMatchObject({ sources: 1, codings: 1 });
    expect(Object.values(api.openStore!.state.documents).map((d) => d.title)).toEqual(["Wawancara 1"]);
    await api.closeProject();
  });
});
