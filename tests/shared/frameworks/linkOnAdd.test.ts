import { describe, expect, it } from "vitest";
import {
  addTemplateOps,
  applyOperation,
  batch,
  computeIndicators,
  frameworkLinkPlan,
  TandaiError,
  templateFramework,
  type CodeId,
  type ProjectState,
} from "../../../shared/index.js";
import { code, coding, documentMeta, NOW, project } from "../fixtures.js";
import { roundTrip } from "../operationChecks.js";

/** The reported case: the researcher coded "Motif ekonomi" twice before adding Keating's framework. */
function codedBeforeFramework() {
  const state: ProjectState = project();
  const doc = documentMeta("Wawancara Bappeda", 1000);
  applyOperation(state, { type: "addDocument", document: doc }, NOW);
  const motive = code("Motif");
  // Capitals and a missing accent do not hide the match; nesting does not either.
  const economic = code("motif EKONOMI", motive.id);
  const other = code("Catatan umum");
  for (const c of [motive, economic, other]) applyOperation(state, { type: "addCode", code: c }, NOW);
  const caseOp = { type: "addCase" as const, case: { id: "caseAAAAAAAA" as never, name: "Padang – Ba Ria-Vung Tau", documentIds: [doc.id], createdAt: NOW } };
  applyOperation(state, caseOp, NOW);
  applyOperation(state, { type: "addCoding", coding: coding(doc.id, economic.id, 0, 10) }, NOW);
  applyOperation(state, { type: "addCoding", coding: coding(doc.id, economic.id, 20, 30) }, NOW);
  return { state, economic: economic.id, other: other.id, motive: motive.id };
}

const named = (state: ProjectState, name: string) => Object.values(state.codes).filter((c) => c.name.toLowerCase() === name.toLowerCase());

describe("adding a framework uses the researcher's codes", () => {
  it("links the existing code named like an indicator instead of creating a second one, and the verdict counts its codings", () => {
    const { state, economic } = codedBeforeFramework();
    const ops = addTemplateOps(state, "keating", "id", NOW);
    expect(ops.filter((o) => o.type === "linkCode")).toEqual([{ type: "linkCode", codeId: economic, indicatorId: "keating.economic" }]);
    roundTrip(state, batch(ops));
    expect(named(state, "Motif ekonomi")).toHaveLength(1);
    expect(state.codes[economic]!.indicatorId).toBe("keating.economic");
    // Only the two indicators without a code got new ones, in a group named after the framework.
    const created = ops.flatMap((o) => (o.type === "addCode" ? [o.code.name] : []));
    expect(created).toEqual(["Motif paradiplomasi (Keating)", "Motif budaya", "Motif politik"]);
    const [result] = computeIndicators(state);
    const keating = result!.frameworks.find((f) => f.frameworkId === "keating")!;
    expect(keating.indicators.find((i) => i.indicatorId === "keating.economic")).toMatchObject({ supporting: 2, effective: "met" });
    expect(keating.verdict).toMatchObject({ kind: "classification", present: ["keating.economic"] });
  });

  it("matches the English name too, and shows the plan before anything is written", () => {
    const { state, economic } = codedBeforeFramework();
    const cultural = code("Cultural Motive");
    applyOperation(state, { type: "addCode", code: cultural }, NOW);
    const plan = frameworkLinkPlan(state, templateFramework("keating")!);
    expect(plan.map((r) => [r.indicator.id, r.match])).toEqual([
      ["keating.economic", economic],
      ["keating.cultural", cultural.id],
      ["keating.political", null],
    ]);
  });

  it("lets the user choose per indicator: another code, or a new code instead of the match", () => {
    const { state, economic, other } = codedBeforeFramework();
    const ops = addTemplateOps(state, "keating", "id", NOW, { "keating.economic": null, "keating.cultural": other });
    applyOperation(state, batch(ops), NOW);
    expect(state.codes[economic]!.indicatorId).toBeUndefined();
    expect(state.codes[other]!.indicatorId).toBe("keating.cultural");
    expect(named(state, "Motif ekonomi")).toHaveLength(2);
    expect(named(state, "Motif budaya")).toHaveLength(0);
  });

  it("refuses one code chosen for two indicators, or a code that does not exist, before writing anything", () => {
    const { state, other } = codedBeforeFramework();
    expect(() => addTemplateOps(state, "keating", "id", NOW, { "keating.cultural": other, "keating.political": other })).toThrow(TandaiError);
    expect(() => addTemplateOps(state, "keating", "id", NOW, { "keating.cultural": "missingcode1" as CodeId })).toThrow(/missingcode1|unknownCode/);
  });

  it("does not take a code linked to another indicator", () => {
    const state = project();
    applyOperation(state, batch(addTemplateOps(state, "lecours", "en", NOW)), NOW);
    const renamed = Object.values(state.codes).find((c) => c.indicatorId === "lecours.economic")!;
    applyOperation(state, { type: "updateCode", codeId: renamed.id, name: "Economic motive" }, NOW);
    const plan = frameworkLinkPlan(state, templateFramework("keating")!);
    expect(plan[0]!.match).toBeNull();
  });
});
