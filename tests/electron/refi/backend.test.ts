import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import type { RefiImportReport, RefiPreview } from "../../../shared/index.js";
import { atlas } from "../../fixtures/refi/tools.js";
import { useTempDirs } from "../tempDirs.js";
import { zipOf } from "./helpers.js";

const temp = useTempDirs();

describe("Backend REFI-QDA channels", () => {
  it("previews without writing, imports as one undo step through dispatch, and refuses a bad file naming it", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US" }).init();
    await api.createProject({ dir: join(root, "p"), name: "P" });
    const file = { name: "atlas.qdpx", data: await zipOf(atlas()) };

    const preview = (await dispatch(api, "previewRefiProject", { file })) as { ok: true; value: RefiPreview };
    expect(preview.value.add).toMatchObject({ sources: 1, codes: 2, codings: 1, memos: 1, cases: 1, groups: 1 });
    expect(Object.keys((await api.currentProject())!.state.documents)).toHaveLength(0);

    const imported = (await dispatch(api, "importRefiProject", { file })) as { ok: true; value: RefiImportReport };
    expect(imported.value.applied.applied?.type).toBe("batch");
    expect(Object.keys((await api.currentProject())!.state.codings)).toHaveLength(1);
    await api.undo();
    const undone = (await api.currentProject())!.state;
    expect([Object.keys(undone.documents), Object.keys(undone.codes), Object.keys(undone.codings), Object.keys(undone.cases)]).toEqual([[], [], [], []]);

    expect(await dispatch(api, "importRefiProject", { file: { name: "page.qdpx", data: new TextEncoder().encode("<html><body>404</body></html>") } })).toMatchObject({
      ok: false,
      error: { code: "refi.errors.notProject", params: { file: "page.qdpx" } },
    });
    await api.closeProject();
  });
});
