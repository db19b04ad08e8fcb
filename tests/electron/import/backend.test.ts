import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import type { ImportLimits } from "../../../electron/import/inWorker.js";
import type { DocumentId, ImportOutcome } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { utf8 } from "./fixtures.js";
import { manyParagraphsDocx } from "./hostile.js";

/** Imports into a project as the app and `tandai serve` do, through the one Backend. */
const temp = useTempDirs();

/** The worker as `npm run build` bundles it (the unit tests' global setup builds it first). */
const WORKER = new URL("../../../dist/electron/importWorker.mjs", import.meta.url);

async function projectBackend(options: { importWorker?: URL; importLimits?: ImportLimits } = {}) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID", ...options }).init();
  await api.createProject({ dir: join(root, "proyek"), name: "Paradiplomasi" });
  return api;
}

const failed = (o: ImportOutcome | undefined) => (o && !o.ok ? o.error : null);
const TRANSCRIPT = "P: Bagaimana kerja sama dimulai?\nN: Dari kunjungan wali kota tahun 2010.\n";
const KOI8R = Uint8Array.from("f0d2c9d7c5d42c20d120d3d4d5c4c5ced420c9da20e9cec4cfcec5dac9c92e".match(/../g)!, (b) => parseInt(b, 16));

describe("importing into a project", () => {
  it("asks first when the text is already in the project, naming the document, and imports it when told to", async () => {
    const api = await projectBackend();
    const first = await api.importFiles({ files: [{ name: "wawancara-01.txt", data: utf8(TRANSCRIPT) }] });
    expect(first.outcomes[0]).toMatchObject({ ok: true, title: "wawancara-01" });
    const again = await api.importFiles({ files: [{ name: "salinan.txt", data: utf8(TRANSCRIPT) }, { name: "lain.txt", data: utf8("Teks lain") }] });
    expect(failed(again.outcomes[0])).toMatchObject({ code: "import.errors.duplicate", params: { file: "salinan.txt", title: "wawancara-01" } });
    expect(again.outcomes[1]).toMatchObject({ ok: true });
    const anyway = await api.importFiles({ files: [{ name: "salinan.txt", data: utf8(TRANSCRIPT), allowDuplicate: true }] });
    expect(anyway.outcomes[0]).toMatchObject({ ok: true, title: "salinan" });
    expect(Object.keys(api.openStore!.state.documents)).toHaveLength(3);
  });

  it("takes the second of two identical files in one batch for a duplicate of the first", async () => {
    const api = await projectBackend();
    const { outcomes } = await api.importFiles({ files: [{ name: "a.txt", data: utf8(TRANSCRIPT) }, { name: "b.md", data: utf8(TRANSCRIPT) }] });
    expect(outcomes[0]).toMatchObject({ ok: true });
    expect(failed(outcomes[1])).toMatchObject({ code: "import.errors.duplicate", params: { file: "b.md", title: "a" } });
  });

  it("finds duplicates of documents imported before this backend started (hashes computed from the stored text)", async () => {
    const api = await projectBackend();
    await api.importFiles({ files: [{ name: "lama.txt", data: utf8(TRANSCRIPT) }] });
    const dir = api.openStore!.dir;
    await api.closeProject();
    const fresh = await projectBackend();
    await fresh.openProject({ dir });
    const { outcomes } = await fresh.importFiles({ files: [{ name: "baru.txt", data: utf8(TRANSCRIPT) }] });
    expect(failed(outcomes[0])).toMatchObject({ code: "import.errors.duplicate", params: { title: "lama" } });
  });

  it("reports the encoding assumed, and imports again in the chosen one, replacing the first import in one undo step", async () => {
    const api = await projectBackend();
    const { outcomes } = await api.importFiles({ files: [{ name: "rusia.txt", data: KOI8R }] });
    const first = outcomes[0]!;
    expect(first).toMatchObject({ ok: true, encoding: "koi8-r", notices: [{ code: "import.notices.encodingAssumed", params: { file: "rusia.txt", encoding: "KOI8-R" } }] });
    const firstId = (first as { documentId: DocumentId }).documentId;
    const again = await api.importFiles({ files: [{ name: "rusia.txt", data: KOI8R, encoding: "windows-1251", replaces: firstId }] });
    expect(again.outcomes[0]).toMatchObject({ ok: true, encoding: "windows-1251" });
    expect(again.outcomes[0]).not.toHaveProperty("notices");
    const documents = Object.values(api.openStore!.state.documents);
    expect(documents.map((d) => d.encoding)).toEqual(["windows-1251"]);
    await api.undo();
    expect(Object.values(api.openStore!.state.documents).map((d) => d.id)).toEqual([firstId]);
  });

  it("on the worker, a file that exhausts the import's memory fails alone, naming it; the rest of the batch and the backend go on", async () => {
    const api = await projectBackend({ importWorker: WORKER, importLimits: { memoryMb: 64, timeoutMs: 60_000 } });
    const { outcomes } = await api.importFiles({
      files: [
        { name: "raksasa.txt", data: utf8("abc\n".repeat(900_000)) },
        { name: "wawancara.txt", data: utf8(TRANSCRIPT) },
      ],
    });
    expect(failed(outcomes[0])).toMatchObject({ code: "import.errors.outOfMemory", params: { file: "raksasa.txt", max: 64 } });
    expect(outcomes[1]).toMatchObject({ ok: true, title: "wawancara" });
    const later = await api.importFiles({ files: [{ name: "paragraf.docx", data: await manyParagraphsDocx(300_000) }] });
    expect(failed(later.outcomes[0])).toMatchObject({ code: "import.errors.tooManyParagraphs", params: { file: "paragraf.docx" } });
    expect(Object.keys(api.openStore!.state.documents)).toHaveLength(1);
  });
});
