import { describe, expect, it } from "vitest";
import {
  addTemplateOps,
  applyOperation,
  codePath,
  findCodes,
  importCodebookOps,
  templateFramework,
  type ImportedCode,
  type ProjectState,
} from "../../shared/index.js";
import { code, NOW, project } from "./fixtures.js";

const leaf = (name: string, extra: Partial<ImportedCode> = {}): ImportedCode => ({ name, children: [], ...extra });

/** Applies the import as one batch and returns its inverse. */
function run(state: ProjectState, tree: ImportedCode[]) {
  const { ops, summary } = importCodebookOps(state, tree, NOW);
  const inverse = ops.length ? applyOperation(state, { type: "batch", ops }, NOW) : null;
  return { ops, summary, inverse };
}

const paths = (state: ProjectState) => Object.values(state.codes).map((c) => codePath(state, c.id).join("/")).sort();

function withKeating(): ProjectState {
  const state = project();
  state.frameworks.keating = templateFramework("keating")!;
  return state;
}

describe("importCodebookOps", () => {
  it("adds codes with their nesting, descriptions and colours, in file order", () => {
    const state = project();
    const { summary } = run(state, [
      { name: "Motif", color: "#0072B2", description: "Alasan kerja sama", children: [leaf("Ekonomi", { color: "red" }), leaf("Budaya", { description: "Sejarah, bahasa" })] },
      leaf("Hambatan"),
    ]);
    expect(summary).toEqual({ created: 4, merged: 0, linked: [] });
    expect(paths(state)).toEqual(["Hambatan", "Motif", "Motif/Budaya", "Motif/Ekonomi"]);
    const [motif] = findCodes(state, "Motif");
    expect(motif).toMatchObject({ color: "#0072b2", parentId: null, description: { definition: "Alasan kerja sama", whenToUse: "", whenNotToUse: "" } });
    const [ekonomi] = findCodes(state, "Motif/Ekonomi");
    const [budaya] = findCodes(state, "Motif/Budaya");
    expect(ekonomi!.parentId).toBe(motif!.id);
    expect(ekonomi!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(ekonomi!.order).toBeLessThan(budaya!.order);
    expect(budaya!.description.definition).toBe("Sejarah, bahasa");
    expect(findCodes(state, "Hambatan")[0]!.order).toBeGreaterThan(motif!.order);
  });

  it("merges into existing codes of the same path (case- and accent-insensitive) instead of duplicating", () => {
    const state = project();
    const motive = code("Motif");
    const economic = { ...code("Ekonomi", motive.id), description: { definition: "Own definition", whenToUse: "", whenNotToUse: "" } };
    const elsewhere = code("Budaya");
    for (const c of [motive, economic, elsewhere]) state.codes[c.id] = c;

    const { summary } = run(state, [
      {
        name: "  MOTIF ",
        description: "Alasan",
        children: [leaf("ékonomi", { description: "Imported definition" }), leaf("Budaya"), { name: "Ekonomi", children: [leaf("Perdagangan")] }],
      },
    ]);
    // Motif and Ekonomi (twice) merged; "Budaya" under Motif is a new path, unlike the top-level one.
    expect(summary).toMatchObject({ created: 2, merged: 3 });
    expect(paths(state)).toEqual(["Budaya", "Motif", "Motif/Budaya", "Motif/Ekonomi", "Motif/Ekonomi/Perdagangan"]);
    expect(state.codes[motive.id]!.name).toBe("Motif");
    // An empty definition is filled, the researcher's own is kept.
    expect(state.codes[motive.id]!.description.definition).toBe("Alasan");
    expect(state.codes[economic.id]!.description.definition).toBe("Own definition");
  });

  it("merges a name repeated in the file itself", () => {
    const state = project();
    const { summary } = run(state, [leaf("Hambatan"), { name: "hambatan", description: "d", children: [leaf("Anggaran")] }]);
    expect(summary).toMatchObject({ created: 2, merged: 1 });
    expect(paths(state)).toEqual(["Hambatan", "Hambatan/Anggaran"]);
    expect(findCodes(state, "Hambatan")[0]!.description.definition).toBe("d");
  });

  it("links codes named like an indicator in English or Indonesian, whatever the case and accents", () => {
    const state = withKeating();
    const { summary } = run(state, [
      { name: "Motives", children: [leaf("MOTIF EKONOMI"), leaf(" Cultural  Motive "), leaf("Motif polítik"), leaf("Motif sosial")] },
    ]);
    expect(summary.linked).toEqual([
      { code: "Motives/MOTIF EKONOMI", indicatorId: "keating.economic" },
      { code: "Motives/Cultural Motive", indicatorId: "keating.cultural" },
      { code: "Motives/Motif polítik", indicatorId: "keating.political" },
    ]);
    expect(findCodes(state, "Motives/Motif ekonomi")[0]!.indicatorId).toBe("keating.economic");
    expect(findCodes(state, "Motif sosial")[0]!.indicatorId).toBeUndefined();
    expect(findCodes(state, "Motives")[0]!.indicatorId).toBeUndefined();
  });

  it("links an existing unlinked code it merges into, and leaves an existing link alone", () => {
    const state = withKeating();
    const unlinked = code("Motif Ékonomi");
    const linkedElsewhere = { ...code("Cultural motive"), indicatorId: "keating.political" };
    state.codes[unlinked.id] = unlinked;
    state.codes[linkedElsewhere.id] = linkedElsewhere;
    const { ops, summary } = run(state, [leaf("motif ekonomi"), leaf("Cultural motive")]);
    expect(ops).toEqual([{ type: "linkCode", codeId: unlinked.id, indicatorId: "keating.economic" }]);
    expect(summary).toEqual({ created: 0, merged: 2, linked: [{ code: "Motif Ékonomi", indicatorId: "keating.economic" }] });
    expect(state.codes[unlinked.id]!.indicatorId).toBe("keating.economic");
    expect(state.codes[linkedElsewhere.id]!.indicatorId).toBe("keating.political");
  });

  it("links nothing when the project has no framework", () => {
    const state = project();
    const { summary } = run(state, [leaf("Motif ekonomi"), leaf("Economic motive")]);
    expect(summary).toEqual({ created: 2, merged: 0, linked: [] });
    expect(Object.values(state.codes).every((c) => c.indicatorId === undefined)).toBe(true);
  });

  it("merges into a template's codes by path, and by indicator when named in the other language", () => {
    const state = project();
    applyOperation(state, { type: "batch", ops: addTemplateOps(state, "keating", "en", NOW) }, NOW);
    const before = structuredClone(state.codes);
    const { ops, summary } = run(state, [{ name: "Motives of paradiplomacy (Keating)", children: [leaf("Economic motive"), leaf("Motif budaya"), leaf("Motif sosial")] }]);
    expect(summary).toEqual({ created: 1, merged: 3, linked: [] });
    expect(ops).toHaveLength(1);
    expect(Object.values(state.codes).filter((c) => c.indicatorId === "keating.cultural")).toHaveLength(1);
    expect(Object.keys(state.codes)).toHaveLength(Object.keys(before).length + 1);
  });

  it("is undone in one step by the batch's inverse", () => {
    const state = withKeating();
    const existing = code("Motif");
    const plain = code("Motif ekonomi", existing.id);
    state.codes[existing.id] = existing;
    state.codes[plain.id] = plain;
    const before = structuredClone(state);
    const { inverse } = run(state, [{ name: "motif", description: "Alasan", children: [leaf("Motif Ekonomi"), leaf("Motif budaya", { color: "#123456" }), leaf("Lainnya", { children: [leaf("Sub")] })] }]);
    expect(state.codes[plain.id]!.indicatorId).toBe("keating.economic");
    expect(Object.keys(state.codes)).toHaveLength(5);
    applyOperation(state, inverse!, NOW);
    expect(state).toEqual(before);
  });

  it("yields no operation for an import already in the project", () => {
    const state = withKeating();
    run(state, [{ name: "Motif", children: [leaf("Motif ekonomi")] }]);
    const again = run(state, [{ name: "Motif", children: [leaf("Motif ekonomi")] }]);
    expect(again.ops).toEqual([]);
    expect(again.summary).toEqual({ created: 0, merged: 2, linked: [] });
  });
});
