import { describe, expect, it } from "vitest";
import {
  addTemplateOps,
  applyOperation,
  batch,
  Framework,
  overrideKey,
  ProjectState,
  TandaiError,
  TEMPLATE_IDS,
  templateFramework,
  TEMPLATES,
  Operation,
} from "../../../shared/index.js";
import { code, NOW, project } from "../fixtures.js";
import { roundTrip, world } from "./world.js";
import { expectRefused } from "../operationChecks.js";

function expectError(state: ProjectState, op: Operation, key: string, id?: string) {
  const error = expectRefused(state, op, key);
  if (id !== undefined) expect(error.params.id).toBe(id);
}

describe("templates", () => {
  it("ship the eight frameworks with their ids, kinds and indicator ids", () => {
    expect(TEMPLATE_IDS).toEqual(["kuznetsov", "keating", "stages", "obstacles", "lecours", "duchacek", "mukti", "sectors"]);
    const kinds = Object.fromEntries(TEMPLATES.map((f) => [f.id, f.kind]));
    expect(kinds).toEqual({
      kuznetsov: "assessment",
      keating: "classification",
      stages: "ordered_assessment",
      obstacles: "inventory",
      lecours: "classification",
      duchacek: "exclusive_classification",
      mukti: "exclusive_classification",
      sectors: "inventory",
    });
    const ids = (id: string) => templateFramework(id)!.indicators.map((i) => i.id.split(".")[1]);
    expect(ids("kuznetsov")).toEqual(["causes", "motives", "legal", "implementation", "central", "consequences"]);
    expect(ids("keating")).toEqual(["economic", "cultural", "political"]);
    expect(ids("stages")).toEqual(["initiation", "planning", "execution"]);
    expect(ids("obstacles")).toEqual(["pandemic", "human_resources", "budget", "language_culture", "bureaucracy", "information"]);
    expect(ids("lecours")).toEqual(["economic", "cooperation", "political"]);
    expect(ids("duchacek")).toEqual(["transborder", "transregional", "global"]);
    expect(ids("mukti")).toEqual(["political", "economic", "multipurpose"]);
    expect(ids("sectors")).toEqual(["economy", "fisheries", "agriculture", "tourism", "culture", "education", "health"]);
  });

  it("validate against the schema, with both names everywhere and Kuznetsov's descriptions in both languages", () => {
    for (const f of TEMPLATES) {
      expect(Framework.parse(f)).toEqual(f);
      expect(f.thresholds).toEqual({ minCodings: 1, minDocuments: 1 });
    }
    const k = templateFramework("kuznetsov")!;
    expect(k.name).toEqual({ en: "Paradiplomacy capacity (Kuznetsov)", id: "Kapasitas paradiplomasi (Kuznetsov)" });
    expect(k.indicators.every((i) => i.description?.en && i.description.id)).toBe(true);
    expect(k.indicators[3]!.name).toEqual({ en: "Implementation (institutionalisation)", id: "Penerapan paradiplomasi" });
  });

  it("are handed out as copies", () => {
    templateFramework("keating")!.indicators[0]!.name.en = "changed";
    expect(templateFramework("keating")!.indicators[0]!.name.en).toBe("Economic motive");
  });
});

describe("Framework schema", () => {
  const custom = { id: "putnam", name: { en: "Two-level game", id: "Permainan dua tingkat" }, kind: "classification", indicators: [{ id: "putnam.level1", name: { en: "Level I", id: "Tingkat I" } }] };

  it("defaults the thresholds to one coding in one document", () => {
    expect(Framework.parse(custom).thresholds).toEqual({ minCodings: 1, minDocuments: 1 });
    expect(Framework.parse({ ...custom, thresholds: { minDocuments: 2 } }).thresholds).toEqual({ minCodings: 1, minDocuments: 2 });
  });

  it("refuses indicators of another framework, duplicates, bad kinds and empty names", () => {
    expect(Framework.safeParse({ ...custom, indicators: [{ id: "keating.economic", name: { en: "x", id: "x" } }] }).success).toBe(false);
    expect(Framework.safeParse({ ...custom, indicators: [custom.indicators[0], custom.indicators[0]] }).success).toBe(false);
    expect(Framework.safeParse({ ...custom, kind: "ranking" }).success).toBe(false);
    expect(Framework.safeParse({ ...custom, name: { en: " ", id: "x" } }).success).toBe(false);
    expect(Framework.safeParse({ ...custom, indicators: [] }).success).toBe(false);
    expect(Framework.safeParse({ ...custom, thresholds: { minCodings: 0, minDocuments: 1 } }).success).toBe(false);
  });
});

describe("project files written before frameworks", () => {
  it("still validate, with no frameworks and no overrides", () => {
    const old = structuredClone(project()) as Partial<ProjectState>;
    delete old.frameworks;
    delete old.overrides;
    const parsed = ProjectState.parse(old);
    expect(parsed.frameworks).toEqual({});
    expect(parsed.overrides).toEqual({});
  });

  it("keep a code's link through the schema", () => {
    const state = project();
    const c = { ...code("Motif ekonomi"), indicatorId: "keating.economic" };
    state.codes[c.id] = c;
    expect(ProjectState.parse(state).codes[c.id]!.indicatorId).toBe("keating.economic");
  });
});

describe("framework operations", () => {
  it("add and remove a framework, undoably", () => {
    const state = project();
    const after = roundTrip(state, { type: "addFramework", framework: templateFramework("stages")! });
    expect(after.frameworks.stages!.kind).toBe("ordered_assessment");
    applyOperation(state, { type: "addFramework", framework: templateFramework("mukti")! }, NOW);
    const removed = roundTrip(state, { type: "removeFramework", frameworkId: "stages" });
    expect(Object.keys(removed.frameworks)).toEqual(["mukti"]);
    expectError(state, { type: "addFramework", framework: templateFramework("mukti")! }, "errors.op.duplicateId", "mukti");
    expectError(state, { type: "removeFramework", frameworkId: "stages" }, "errors.op.unknownFramework", "stages");
  });

  it("removing a framework takes its overrides with it and undo restores them with their dates; codes keep their links", () => {
    const w = world(["kuznetsov", "keating"]);
    applyOperation(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: { status: "met", justification: "x" } }, "2026-02-01T00:00:00.000Z");
    applyOperation(w.state, { type: "setOverride", caseId: w.other, indicatorId: "keating.political", override: { status: "not_met", justification: "y" } }, NOW);
    applyOperation(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "kuznetsov.legal", override: { status: "met", justification: "z" } }, NOW);
    const after = roundTrip(w.state, { type: "removeFramework", frameworkId: "keating" });
    expect(Object.keys(after.overrides)).toEqual([overrideKey(w.padang, "kuznetsov.legal")]);
    expect(Object.values(after.codes).filter((c) => c.indicatorId?.startsWith("keating.")).length).toBe(3);
    const undo = applyOperation(w.state, { type: "removeFramework", frameworkId: "kuznetsov" }, NOW);
    applyOperation(w.state, undo, "2026-03-01T00:00:00.000Z");
    expect(w.state.overrides[overrideKey(w.padang, "kuznetsov.legal")]).toEqual({ status: "met", justification: "z", at: NOW });
  });

  it("link and unlink a code, undoably, and refuse unknown codes and indicators", () => {
    const w = world(["keating"]);
    const free = code("Kerja sama pendidikan");
    applyOperation(w.state, { type: "addCode", code: free }, NOW);
    const linked = roundTrip(w.state, { type: "linkCode", codeId: free.id, indicatorId: "keating.cultural" });
    expect(linked.codes[free.id]!.indicatorId).toBe("keating.cultural");
    const relinked = roundTrip(w.state, { type: "linkCode", codeId: free.id, indicatorId: "keating.political" });
    expect(relinked.codes[free.id]!.indicatorId).toBe("keating.political");
    const unlinked = roundTrip(w.state, { type: "linkCode", codeId: free.id, indicatorId: null });
    expect("indicatorId" in unlinked.codes[free.id]!).toBe(false);
    expectError(w.state, { type: "linkCode", codeId: free.id, indicatorId: "keating.religious" }, "errors.op.unknownIndicator", "keating.religious");
    expectError(w.state, { type: "linkCode", codeId: free.id, indicatorId: "stages.initiation" }, "errors.op.unknownIndicator", "stages.initiation");
    expectError(w.state, { type: "linkCode", codeId: code("ghost").id, indicatorId: "keating.cultural" }, "errors.op.unknownCode");
  });

  it("set, change and clear an override, undoably, with its justification trimmed", () => {
    const w = world(["keating"]);
    const key = overrideKey(w.padang, "keating.cultural");
    const set = roundTrip(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: { status: "met", justification: "  Festival budaya tahunan  " } });
    expect(set.overrides[key]).toEqual({ status: "met", justification: "Festival budaya tahunan", at: NOW });
    const changed = roundTrip(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: { status: "contested", justification: "Belum jelas" } });
    expect(changed.overrides[key]!.status).toBe("contested");
    const cleared = roundTrip(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: null });
    expect(cleared.overrides[key]).toBeUndefined();
  });

  it("refuses an override on an unknown case or indicator, and one without a justification", () => {
    const w = world(["keating"]);
    expectError(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "kuznetsov.legal", override: { status: "met", justification: "x" } }, "errors.op.unknownIndicator", "kuznetsov.legal");
    const ghost = "ghostcase1" as typeof w.padang;
    expectError(w.state, { type: "setOverride", caseId: ghost, indicatorId: "keating.economic", override: { status: "met", justification: "x" } }, "errors.op.unknownCase", ghost);
    const schema = (justification: string) => ({ type: "setOverride", caseId: w.padang, indicatorId: "keating.economic", override: { status: "met", justification } });
    expect(() => Operation.parse(schema("   "))).toThrow();
    expectError(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.economic", override: { status: "met", justification: "  " } }, "errors.op.emptyJustification", "keating.economic");
    expect(Operation.parse(schema(" ok ")).type).toBe("setOverride");
  });

  it("deleting a case takes its overrides, and undo restores both", () => {
    const w = world(["keating"]);
    applyOperation(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: { status: "met", justification: "x" } }, NOW);
    applyOperation(w.state, { type: "setOverride", caseId: w.other, indicatorId: "keating.cultural", override: { status: "met", justification: "y" } }, NOW);
    const after = roundTrip(w.state, { type: "deleteCase", caseId: w.padang });
    expect(Object.keys(after.overrides)).toEqual([overrideKey(w.other, "keating.cultural")]);
  });

  it("deleting a case without overrides still yields the plain addCase inverse", () => {
    const w = world(["keating"]);
    const inverse = applyOperation(w.state, { type: "deleteCase", caseId: w.padang }, NOW);
    expect(inverse.type).toBe("addCase");
  });

  it("deleting a linked code removes it with its link, and undo brings the link back", () => {
    const w = world(["keating"]);
    const id = w.codeFor("keating.economic");
    w.code(w.docs.a, "keating.economic");
    const undo = applyOperation(w.state, { type: "deleteCode", codeId: id }, NOW);
    expect(w.state.codes[id]).toBeUndefined();
    applyOperation(w.state, undo, NOW);
    expect(w.state.codes[id]!.indicatorId).toBe("keating.economic");
    expect(roundTrip(w.state, { type: "deleteCode", codeId: id }).codes[id]).toBeUndefined();
  });

  it("merging: the target keeps its own link, an unlinked target takes the source's", () => {
    const w = world(["keating"]);
    const economic = w.codeFor("keating.economic");
    const cultural = w.codeFor("keating.cultural");
    const plain = code("Perdagangan");
    applyOperation(w.state, { type: "addCode", code: plain }, NOW);

    const kept = roundTrip(w.state, { type: "mergeCodes", sourceId: cultural, targetId: economic });
    expect(kept.codes[economic]!.indicatorId).toBe("keating.economic");

    const taken = roundTrip(w.state, { type: "mergeCodes", sourceId: economic, targetId: plain.id });
    expect(taken.codes[plain.id]!.indicatorId).toBe("keating.economic");
  });

  it("merging a code whose framework was removed leaves the target unlinked", () => {
    const w = world(["keating"]);
    const plain = code("Perdagangan");
    applyOperation(w.state, { type: "addCode", code: plain }, NOW);
    applyOperation(w.state, { type: "removeFramework", frameworkId: "keating" }, NOW);
    const after = roundTrip(w.state, { type: "mergeCodes", sourceId: w.codeFor("keating.economic"), targetId: plain.id });
    expect(after.codes[plain.id]!.indicatorId).toBeUndefined();
  });
});

describe("addTemplateOps", () => {
  it("adds a group named after the framework with one linked child per indicator, as one undoable batch", () => {
    const state = project();
    const existing = code("Catatan umum");
    applyOperation(state, { type: "addCode", code: existing }, NOW);
    const ops = addTemplateOps(state, "keating", "id", NOW);
    expect(ops.map((o) => o.type)).toEqual(["addFramework", "addCode", "addCode", "addCode", "addCode"]);
    const after = roundTrip(state, batch(ops));
    const group = Object.values(after.codes).find((c) => c.name === "Motif paradiplomasi (Keating)")!;
    expect(group.parentId).toBeNull();
    expect(group.order).toBeGreaterThan(existing.order);
    expect(group.description.definition).toBe("Motives of paradiplomacy (Keating) / Motif paradiplomasi (Keating)");
    const children = Object.values(after.codes).filter((c) => c.parentId === group.id).sort((a, b) => a.order - b.order);
    expect(children.map((c) => [c.name, c.indicatorId])).toEqual([
      ["Motif ekonomi", "keating.economic"],
      ["Motif budaya", "keating.cultural"],
      ["Motif politik", "keating.political"],
    ]);
    expect(children[0]!.description.definition).toBe("Economic motive / Motif ekonomi");
  });

  it("names codes in English when asked, with Kuznetsov's description as when to use", () => {
    const state = project();
    applyOperation(state, batch(addTemplateOps(state, "kuznetsov", "en", NOW)), NOW);
    const legal = Object.values(state.codes).find((c) => c.indicatorId === "kuznetsov.legal")!;
    expect(legal.name).toBe("Legal basis");
    expect(legal.description.whenToUse).toContain("Permendagri 25/2020");
    expect(state.codes[legal.parentId!]!.name).toBe("Paradiplomacy capacity (Kuznetsov)");
  });

  it("adding a framework twice adds nothing the second time", () => {
    const state = project();
    applyOperation(state, batch(addTemplateOps(state, "obstacles", "id", NOW)), NOW);
    const codes = Object.keys(state.codes).length;
    expect(addTemplateOps(state, "obstacles", "id", NOW)).toEqual([]);
    expect(addTemplateOps(state, "obstacles", "en", NOW)).toEqual([]);
    expect(Object.keys(state.codes).length).toBe(codes);
  });

  it("brings back only what is missing: a deleted indicator code into the existing group, or the framework after its removal", () => {
    const w = world(["keating"]);
    const cultural = w.codeFor("keating.cultural");
    const group = w.state.codes[cultural]!.parentId;
    applyOperation(w.state, { type: "deleteCode", codeId: cultural }, NOW);
    const ops = addTemplateOps(w.state, "keating", "id", NOW);
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ type: "addCode", code: { parentId: group, indicatorId: "keating.cultural", name: "Motif budaya", order: 1 } });
    applyOperation(w.state, batch(ops), NOW);

    applyOperation(w.state, { type: "removeFramework", frameworkId: "keating" }, NOW);
    expect(addTemplateOps(w.state, "keating", "id", NOW).map((o) => o.type)).toEqual(["addFramework"]);
  });

  it("uses the project's own framework under that id before the built-in template", () => {
    const state = project();
    const custom = Framework.parse({
      id: "putnam",
      name: { en: "Two-level game", id: "Permainan dua tingkat" },
      kind: "assessment",
      indicators: [{ id: "putnam.domestic", name: { en: "Domestic ratification", id: "Ratifikasi domestik" } }],
    });
    applyOperation(state, { type: "addFramework", framework: custom }, NOW);
    const ops = addTemplateOps(state, "putnam", "en", NOW);
    expect(ops.map((o) => o.type)).toEqual(["addCode", "addCode"]);
    applyOperation(state, batch(ops), NOW);
    expect(Object.values(state.codes).map((c) => [c.name, c.indicatorId])).toEqual([["Two-level game", undefined], ["Domestic ratification", "putnam.domestic"]]);
  });

  it("refuses an unknown template", () => {
    expect(() => addTemplateOps(project(), "putnam", "en", NOW)).toThrow(TandaiError);
  });
});
