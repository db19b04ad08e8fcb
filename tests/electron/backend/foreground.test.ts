import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { Foreground } from "../../../electron/backend/foreground.js";
import { newCodeId, newCodingId, offset, SearchRequest, type Code, type DocumentId } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();
const encoder = new TextEncoder();
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("changes before background work (issue 13: coding at a million codings)", () => {
  it("lets background steps through only while no change is in flight, and after its answer has gone out", async () => {
    const foreground = new Foreground();
    const events: string[] = [];
    // Idle: a step waits one turn at most.
    await foreground.quiet();
    let finish!: () => void;
    const change = foreground.run(() => new Promise<string>((resolve) => (finish = () => resolve("done"))));
    const answered = change.then(() => events.push("answered"));
    expect(foreground.busy).toBe(true);
    const step = foreground.quiet().then(() => events.push("step"));
    for (let i = 0; i < 5; i++) await turn();
    expect(events).toEqual([]);
    finish();
    await Promise.all([answered, step]);
    expect(events).toEqual(["answered", "step"]);
    expect(foreground.busy).toBe(false);
  });

  it("counts a failed change as done, and waits for every change in flight", async () => {
    const foreground = new Foreground();
    let failFirst!: (error: Error) => void;
    let finishSecond!: () => void;
    const first = foreground.run(() => new Promise<void>((_, fail) => (failFirst = fail)));
    const second = foreground.run(() => new Promise<void>((resolve) => (finishSecond = resolve)));
    let stepped = false;
    const step = foreground.quiet().then(() => (stepped = true));
    failFirst(new Error("disk full"));
    await expect(first).rejects.toThrow("disk full");
    for (let i = 0; i < 5; i++) await turn();
    expect(stepped).toBe(false);
    finishSecond();
    await second;
    await step;
    expect(stepped).toBe(true);
  });

  it("indexes no document for search while a coding is being applied (the index's build waits for the change)", async () => {
    const root = await temp();
    const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en", indexInBackground: false }).init();
    await api.createProject({ dir: join(root, "p"), name: "Thesis" });
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `interview-${i}.txt`, data: encoder.encode(`Interview ${i}: the budget was small and the delegation came late.\nAnother line of ${i}.`) }));
    const report = await api.importFiles({ files });
    const documentId = (report.outcomes[0]!.ok ? report.outcomes[0]!.documentId : "") as DocumentId;
    const code: Code = { id: newCodeId(), name: "Budget", color: "#009e73", parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: "2026-01-01T00:00:00.000Z" };
    await api.apply({ op: { type: "addCode", code } });
    // Nothing indexed yet (no background indexing in this backend): the build starts below.
    const search = api.searchService!;
    expect(search.index.size).toBe(0);
    const events: string[] = [];
    const add = search.index.add.bind(search.index);
    search.index.add = (id, content) => {
      events.push("indexed");
      return add(id, content);
    };
    const building = search.refresh();
    for (let i = 0; i < 3; i++) {
      // Let the build get going, then apply while it runs: the change's turns (the lock's check,
      // the journal's write and fsync) each used to let one more document be indexed.
      await turn();
      await turn();
      events.push("apply");
      const coding = { id: newCodingId(), documentId, codeId: code.id, start: offset(0), end: offset(9), coder: "Rani", stance: "supports" as const, createdAt: "x" };
      await api.apply({ op: { type: "addCoding", coding } });
      events.push("answered");
    }
    await building;
    const during = events.join(" ").match(/apply( indexed)* answered/g)!;
    expect(during).toEqual(["apply answered", "apply answered", "apply answered"]);
    expect(events.filter((e) => e === "indexed")).toHaveLength(40);
    expect((await api.search(SearchRequest.parse({ query: "budget" }))).hits).toHaveLength(40);
    await api.closeProject();
  });
});
