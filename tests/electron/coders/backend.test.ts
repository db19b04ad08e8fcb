import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { newCodingId, type AgreementReport } from "../../../shared/index.js";
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
});
