import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { newDocumentGroupId, type CodeId, type DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

describe("document groups through the backend", () => {
  it("narrows retrieval to a group's documents, survives a reopen, and undo takes a removed document back into its group", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
    const sample = await api.openSampleProject();
    const economic = Object.values(sample.state.codes).find((c) => c.name === "Motif ekonomi")!.id as CodeId;
    const padang = Object.values(sample.state.documents).find((d) => d.title.includes("Padang"))!.id as DocumentId;
    const group = { id: newDocumentGroupId(), name: "Wawancara", documentIds: [padang], createdAt: "2026-01-01T00:00:00.000Z" };
    await api.apply({ op: { type: "addDocumentGroup", group } });

    expect(await api.retrieve({ codeId: economic, includeNested: true })).toHaveLength(3);
    const scoped = await api.retrieve({ codeId: economic, includeNested: true, documentGroupIds: [group.id] });
    expect(scoped.map((p) => p.documentId)).toEqual([padang]);
    // Through the transport's dispatch, an unknown group is a named error, not an empty list.
    const refused = await dispatch(api, "retrieve", { codeId: economic, includeNested: true, documentGroupIds: [newDocumentGroupId()] });
    expect(refused).toMatchObject({ ok: false, error: { code: "documents.errors.unknownGroup" } });

    await api.apply({ op: { type: "removeDocument", documentId: padang } });
    expect((await api.retrieve({ codeId: economic, includeNested: true, documentGroupIds: [group.id] }))).toEqual([]);
    await api.undo();
    await api.closeProject();
    const reopened = await api.openProject({ dir: sample.dir });
    expect(reopened.state.documentGroups[group.id]!.documentIds).toEqual([padang]);
    expect(Object.values(reopened.state.codings).filter((c) => c.documentId === padang).length).toBeGreaterThan(0);
    await api.closeProject();
  });
});
