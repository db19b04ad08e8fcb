import { describe, expect, it } from "vitest";
import type { ErrorPayload, StartProject } from "../../shared/index.js";
import { onStoreWarnings, reportStoreWarnings } from "../../renderer/api/storeWarnings.js";

/** The app's start answers the project inside `project` (StartProject): its store warnings still reach the notice. */
describe("store warnings in the app's start", () => {
  it("reports the warnings of the project a start answer carries, and none for one without", () => {
    const heard: ErrorPayload[][] = [];
    const stop = onStoreWarnings((warnings) => heard.push(warnings));
    const warning: ErrorPayload = { code: "store.warnings.diskFull", params: { file: "/p/project.json" } };
    const project = { dir: "/p", state: {}, canUndo: false, canRedo: false, warnings: [warning] } as unknown as Extract<StartProject, { project: unknown }>["project"];
    reportStoreWarnings({ from: "recent", dir: "/p", project } satisfies StartProject);
    reportStoreWarnings({ from: "none" } satisfies StartProject);
    reportStoreWarnings({ from: "current", project: { ...project, warnings: [] } } satisfies StartProject);
    stop();
    expect(heard).toEqual([[warning]]);
  });
});
