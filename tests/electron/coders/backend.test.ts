import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { createProjectWithState } from "../../../electron/store/index.js";
import { handoffState, newCodingId, type AgreementReport, type DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

describe("the agreement channel", () => {
  it("reports agreement over the open project through the contract, and refuses a request with one coder", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
    const sample = await api.openSampleProject();
    const codings = Object.values(sample.state.codings);
    const coder = codings[0]!.coder;
    // A second coder repeats the first coder's codings exactly: perfect agreement on every code they used.
    await api.apply({ op: { type: "batch", ops: codings.map((c) => ({ type: "addCoding" as const, coding: { ...c, id: newCodingId(), coder: "Budi" } })) } });
    const request = { coders: [coder, "Budi"], unit: "paragraph", codeIds: [], categories: null, documentIds: [], excludeUncoded: true };
    const answer = await dispatch(api, "agreement", request);
    expect(answer.ok).toBe(true);
    const report = (answer as { value: AgreementReport }).value;
    expect(report.documentIds).toHaveLength(2);
    expect(report.overall.percentAgreement).toBe(1);
    expect(report.disagreements).toEqual([]);
    expect(report.codes.length).toBeGreaterThan(1);

    const refused = await dispatch(api, "agreement", { ...request, coders: [coder] });
    expect(refused).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument" } });
    await api.closeProject();
  });

  it("previews and merges a coder's copy through the contract, as one undo step; a second merge changes nothing", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
    const sample = await api.openSampleProject();
    const before = Object.keys(sample.state.codings).length;
    // The second coder's blind copy, coded by Budi on the first two passages the first coder coded.
    const copyDir = join(root, "untuk-budi");
    const store = api.openStore!;
    const copy = await createProjectWithState(copyDir, handoffState(store.state, true));
    for (const id of Object.keys(store.state.documents) as DocumentId[]) await copy.writeDocumentContent(id, await store.readDocumentContent(id));
    const passages = Object.values(store.state.codings).slice(0, 2);
    await copy.apply({ type: "batch", ops: passages.map((c) => ({ type: "addCoding" as const, coding: { ...c, id: newCodingId(), coder: "Budi" } })) });
    await copy.close();

    const preview = await dispatch(api, "mergePreview", { other: copyDir });
    expect(preview).toMatchObject({ ok: true, value: { addedCodings: 2, presentCodings: 0, addedDocuments: [], conflicts: [] } });
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(before);

    const merged = await api.mergeCopy({ other: copyDir, choices: {} });
    expect(merged.addedCodings).toBe(2);
    expect(merged.applied?.type).toBe("batch");
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(before + 2);
    const again = await api.mergeCopy({ other: copyDir, choices: {} });
    expect(again).toMatchObject({ addedCodings: 0, presentCodings: 2, applied: null });

    await api.undo();
    expect(Object.keys(api.openStore!.state.codings)).toHaveLength(before);
    expect(await dispatch(api, "mergePreview", { other: api.openStore!.dir })).toMatchObject({ ok: false, error: { code: "agreement.errors.sameProject" } });
    await api.closeProject();
  });

  it("refuses a relative path or a missing folder from the dialogs, naming it, before anything is written", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "id-ID" }).init();
    await api.openSampleProject();
    // Typed in a browser, "untuk-budi" would land wherever the server was started.
    expect(await dispatch(api, "handoff", { target: "untuk-budi", dropCodings: true })).toMatchObject({ ok: false, error: { code: "agreement.errors.relativePath", params: { path: "untuk-budi" } } });
    expect(await dispatch(api, "mergePreview", { other: "untuk-budi.tandai" })).toMatchObject({ ok: false, error: { code: "agreement.errors.relativePath" } });
    const missing = join(root, "no-such-folder", "untuk-budi.tandai");
    expect(await dispatch(api, "handoff", { target: missing, dropCodings: true })).toMatchObject({ ok: false, error: { code: "agreement.errors.noParent", params: { folder: join(root, "no-such-folder") } } });
    expect(existsSync(join(root, "no-such-folder"))).toBe(false);
    // No native dialog on the web transport: the picker answers null and the path is typed.
    expect(await dispatch(api, "pickPackage", { purpose: "save" })).toEqual({ ok: true, value: null });
    await api.closeProject();
  });
});
