import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRefiFile } from "../../../electron/import/qdpx/index.js";
import { createProject } from "../../../electron/store/index.js";
import { refiPreviewLines, translate } from "../../../shared/index.js";
import { maxqda } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { zipOf } from "./helpers.js";

const temp = useTempDirs();

describe("REFI-QDA sets and cases", () => {
  it("a case keeps its sources; the passages it holds (SelectionRef), which a Tandai case cannot, are counted and said", async () => {
    const entries = maxqda();
    entries["project.qde"] = entries["project.qde"]!.replace(
      '<SourceRef targetGUID="a0000000-0000-4000-8000-000000000030"/>',
      '<SourceRef targetGUID="a0000000-0000-4000-8000-000000000030"/><SelectionRef targetGUID="a0000000-0000-4000-8000-000000000050"/><SelectionRef targetGUID="a0000000-0000-4000-8000-000000000051"/>',
    );
    const store = await createProject(join(await temp(), "p"), "P");
    const { plan } = await importRefiFile(store, "mx.qdpx", await zipOf(entries));
    expect(Object.values(store.state.cases).map((c) => [c.name, c.documentIds])).toEqual([["Padang", ["a0000000-0000-4000-8000-000000000030"]]]);
    expect(plan.preview.notImported.caseSelections).toBe(2);
    const lines = refiPreviewLines(plan.preview, (key, params) => translate("id", key, params));
    expect(lines).toContain(
      "Tidak diimpor: 2 bagian teks yang terikat pada kasus (SelectionRef sebuah Case). Kasus di Tandai berisi dokumen utuh, dan memasukkan seluruh dokumen ke kasus akan ikut menghitung bagian yang bukan milik kasus itu.",
    );
    await store.close();
  });

  it("a set of sources becomes a document group; a set of codes, which Tandai cannot hold, is named in the preview as not imported", async () => {
    const entries = maxqda();
    entries["project.qde"] = entries["project.qde"]!.replace(
      "</Sets>",
      '<Set guid="a0000000-0000-4000-8000-000000000041" name="Motif"><MemberCode targetGUID="a0000000-0000-4000-8000-000000000001"/></Set></Sets>',
    );
    const store = await createProject(join(await temp(), "p"), "P");
    const { plan } = await importRefiFile(store, "mx.qdpx", await zipOf(entries));
    expect(Object.values(store.state.documentGroups).map((g) => [g.name, g.documentIds.length])).toEqual([["Wawancara", 2]]);
    expect(plan.preview.codeSets).toEqual(["Motif"]);
    // The codes of the set are imported all the same.
    expect(Object.values(store.state.codes).map((c) => c.name)).toEqual(["Aktor"]);
    const lines = (language: "en" | "id") => refiPreviewLines(plan.preview, (key, params) => translate(language, key, params));
    expect(lines("en").at(-1)).toBe("Not imported: 1 set of codes (“Motif”). Tandai has no groups of codes; the codes themselves are imported.");
    expect(lines("id").at(-1)).toBe("Tidak diimpor: 1 himpunan kode (“Motif”). Tandai tidak mengenal kelompok kode; kode-kodenya sendiri tetap diimpor.");
    await store.close();
  });
});
