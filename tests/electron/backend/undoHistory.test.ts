import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { dispatch } from "../../../electron/backend/dispatch.js";
import { descriptionParams, newCodeId, translate, type Applied, type Code, type Envelope, type HistoryList, type OpDescription } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

async function backend() {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-US" }).init();
  await api.createProject({ dir: join(root, "tesis"), name: "Tesis" });
  return api;
}

const code = (name: string): Code => ({
  id: newCodeId(),
  name,
  color: "#009e73",
  parentId: null,
  order: 0,
  description: { definition: "", whenToUse: "", whenNotToUse: "" },
  createdAt: "2026-01-01T00:00:00.000Z",
});

const en = (d: OpDescription | null | undefined) => (d ? translate("en", d.key, descriptionParams(d, "en")) : null);

describe("the backend's undo history", () => {
  it("says what the next undo and redo are, and what an undo took back", async () => {
    const api = await backend();
    const economic = code("Motif ekonomi");
    const applied = await api.apply({ op: { type: "addCode", code: economic } });
    expect(en(applied.nextUndo)).toBe("add code “Motif ekonomi”");
    await api.apply({ op: { type: "deleteCode", codeId: economic.id } });
    const undone = await api.undo();
    // The deleted code is named although it was gone when the undo was asked for.
    expect(undone.step).toEqual({ direction: "undo", description: expect.objectContaining({ key: "history.op.deleteCode" }), count: 1 });
    expect(en(undone.step!.description)).toBe("delete code “Motif ekonomi”");
    expect(undone.step!.description!.place).toEqual({ kind: "code", codeId: economic.id });
    expect(en(undone.nextUndo)).toBe("add code “Motif ekonomi”");
    expect(en(undone.nextRedo)).toBe("delete code “Motif ekonomi”");
    const redone = await api.redo();
    expect(redone.step?.direction).toBe("redo");
    expect(en(redone.nextUndo)).toBe("delete code “Motif ekonomi”");
    await api.closeProject();
  });

  it("lists the steps and steps back to a point, through dispatch, as one report", async () => {
    const api = await backend();
    const names = ["Motif ekonomi", "Motif budaya", "Motif politik", "Hambatan"];
    for (const name of names) await api.apply({ op: { type: "addCode", code: code(name) } });
    const list = (await dispatch(api, "undoHistory", {})) as Envelope<HistoryList>;
    expect(list.ok && list.value.undo.map(en)).toEqual(names.map((n) => `add code “${n}”`).reverse());
    // Back to before "Motif budaya": the latest three steps.
    const back = (await dispatch(api, "undoTo", { steps: 3 })) as Envelope<Applied>;
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.applied).toMatchObject({ type: "batch", ops: [{ type: "deleteCode" }, { type: "deleteCode" }, { type: "deleteCode" }] });
    expect(back.value.step).toMatchObject({ direction: "undo", count: 3 });
    expect(en(back.value.step!.description)).toBe("add code “Motif budaya”");
    expect(Object.values((await api.currentProject())!.state.codes).map((c) => c.name)).toEqual(["Motif ekonomi"]);
    expect((await api.undoHistory()).redo.map(en)).toEqual(["add code “Motif budaya”", "add code “Motif politik”", "add code “Hambatan”"]);
    expect(await dispatch(api, "undoTo", { steps: 0 })).toMatchObject({ ok: false, error: { code: "errors.ipc.badArgument" } });
    await api.closeProject();
  });
});
