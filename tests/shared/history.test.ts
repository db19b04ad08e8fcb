import { describe, expect, it } from "vitest";
import { applyOperation, describeOperation, History, translate, descriptionParams, type Operation } from "../../shared/index.js";
import { code, NOW, project } from "./fixtures.js";

describe("History", () => {
  it("keeps what each step was, so undo and redo can say it, and lists the steps most recent first", () => {
    const state = project();
    const history = new History();
    // Described before it is applied, as the backend does: a removed name is known only then.
    const make = (op: Operation) => {
      const description = describeOperation(op, state);
      history.record(applyOperation(state, op, NOW), description);
    };
    const a = code("Motif ekonomi");
    const b = code("Hambatan");
    make({ type: "addCode", code: a });
    make({ type: "addCode", code: b });
    make({ type: "updateCode", codeId: a.id, name: "Ekonomi" });
    const words = (d: ReturnType<typeof describeOperation> | null) => (d ? translate("en", d.key, descriptionParams(d, "en")) : null);
    expect(words(history.nextUndo)).toBe("rename code “Motif ekonomi” to “Ekonomi”");
    expect(history.nextRedo).toBeNull();

    history.undone(applyOperation(state, history.peekUndo()!, NOW));
    expect(words(history.nextUndo)).toBe("add code “Hambatan”");
    expect(words(history.nextRedo)).toBe("rename code “Motif ekonomi” to “Ekonomi”");
    expect(history.list().undo.map(words)).toEqual(["add code “Hambatan”", "add code “Motif ekonomi”"]);
    expect(history.list().redo.map(words)).toEqual(["rename code “Motif ekonomi” to “Ekonomi”"]);

    history.redone(applyOperation(state, history.peekRedo()!, NOW));
    expect(words(history.nextUndo)).toBe("rename code “Motif ekonomi” to “Ekonomi”");
    expect(state.codes[a.id]!.name).toBe("Ekonomi");
  });
});
