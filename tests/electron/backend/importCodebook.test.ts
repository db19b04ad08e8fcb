import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { findCodes, templateFramework, type CodebookImportReport } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
const bytes = (s: string) => new TextEncoder().encode(s);

const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0">
  <Codes>
    <Code guid="00000000-0000-4000-8000-000000000001" name="Motif" isCodable="false">
      <Code guid="00000000-0000-4000-8000-000000000002" name="Motif Ekonomi" isCodable="true" color="#D55E00"><Description>Perdagangan, investasi</Description></Code>
      <Code guid="00000000-0000-4000-8000-000000000003" name="Kedekatan sejarah" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;

describe("Backend importCodebook", () => {
  it("imports, links and undoes as one step through dispatch; a bad file is an error naming it", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US" }).init();
    await api.createProject({ dir: join(root, "p"), name: "P" });
    await api.apply({ op: { type: "addFramework", framework: templateFramework("keating")! } });

    const result = await dispatch(api, "importCodebook", { file: { name: "kode.qdc", data: bytes(QDC) } });
    expect(result.ok).toBe(true);
    const report = (result as { ok: true; value: CodebookImportReport }).value;
    expect(report).toMatchObject({ created: 3, merged: 0, linked: [{ code: "Motif/Motif Ekonomi", indicatorId: "keating.economic" }] });
    expect(report.applied.applied?.type).toBe("batch");
    const state = (await api.currentProject())!.state;
    expect(findCodes(state, "Motif/Motif ekonomi")[0]).toMatchObject({ color: "#d55e00", indicatorId: "keating.economic", description: { definition: "Perdagangan, investasi" } });

    await api.undo();
    expect(Object.keys((await api.currentProject())!.state.codes)).toHaveLength(0);

    expect(await dispatch(api, "importCodebook", { file: { name: "notes.qdc", data: bytes("just text") } })).toMatchObject({
      ok: false,
      error: { code: "import.errors.codebookNotXml", params: { file: "notes.qdc" } },
    });
    expect(await dispatch(api, "importCodebook", { file: { name: "x.qdc" } })).toMatchObject({ ok: false });
    await api.closeProject();
  });
});
