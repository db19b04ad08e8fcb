import { describe, expect, it } from "vitest";
import {
  applyOperation,
  batch,
  checkAttributeValue,
  CodingIndex,
  computeIndicators,
  isIsoDate,
  newAttributeId,
  parseNumberInput,
  ProjectState,
  sourceTypeAttribute,
  sourceTypeAttributeOps,
  translate,
  type AttributeDefinition,
  type AttributeId,
  type AttributeType,
  type CaseId,
  type IndicatorResult,
} from "../../../shared/index.js";
import { NOW, project } from "../fixtures.js";
import { roundTrip, world } from "../frameworks/world.js";
import { expectRefused as expectError } from "../operationChecks.js";

function attribute(name: string, type: AttributeType, appliesTo: "document" | "case" = "document", choices?: string[]): AttributeDefinition {
  return { id: newAttributeId(), name, appliesTo, type, ...(choices ? { choices } : {}), createdAt: NOW };
}

/** The world of the framework tests with four document attributes and one case attribute. */
function attributed() {
  const w = world(["keating"]);
  const country = attribute("Partner country", "text");
  const year = attribute("Year signed", "number", "case");
  const signed = attribute("Signed on", "date");
  const level = attribute("Level", "choice", "document", ["province", "city"]);
  for (const a of [country, year, signed, level]) applyOperation(w.state, { type: "addAttribute", attribute: a }, NOW);
  const doc = (id: string) => ({ kind: "document" as const, id: w.docs[id as "a"].id });
  const kase = (id: CaseId) => ({ kind: "case" as const, id });
  return { ...w, country, year, signed, level, doc, kase };
}

describe("attribute operations", () => {
  it("add, update and remove an attribute of each type, each undone exactly", () => {
    const state = project();
    for (const a of [attribute("Partner country", "text"), attribute("Year signed", "number", "case"), attribute("Signed on", "date"), attribute("Level", "choice", "case", ["province", "city"])]) {
      const after = roundTrip(state, { type: "addAttribute", attribute: a });
      expect(after.attributes[a.id]).toEqual(a);
      roundTrip(state, { type: "updateAttribute", attributeId: a.id, name: `${a.name} (2)` });
      if (a.type === "choice") roundTrip(state, { type: "updateAttribute", attributeId: a.id, choices: ["province", "city", "regency"] });
      roundTrip(state, { type: "removeAttribute", attributeId: a.id });
    }
  });

  it("set, change and clear values on documents and cases, each undone exactly", () => {
    const w = attributed();
    let after = roundTrip(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.country.id, value: "Vietnam" });
    expect(after.documents[w.docs.a.id]!.attributes).toEqual({ [w.country.id]: "Vietnam" });
    roundTrip(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.country.id, value: "Viet Nam" });
    roundTrip(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.signed.id, value: "2024-02-29" });
    roundTrip(w.state, { type: "setAttributeValue", target: w.doc("b"), attributeId: w.level.id, value: "city" });
    after = roundTrip(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.year.id, value: 2019 });
    expect(after.cases[w.padang]!.attributes).toEqual({ [w.year.id]: 2019 });
    after = roundTrip(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.year.id, value: null });
    // No value left: no attributes key either, so the file stays as it was before attributes.
    expect("attributes" in after.cases[w.padang]!).toBe(false);
    // An empty text clears the value.
    after = roundTrip(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.country.id, value: "  " });
    expect(after.documents[w.docs.a.id]!.attributes).toEqual({ [w.signed.id]: "2024-02-29" });
  });

  it("removeAttribute removes its values everywhere, and undo restores them", () => {
    const w = attributed();
    applyOperation(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.level.id, value: "province" }, NOW);
    applyOperation(w.state, { type: "setAttributeValue", target: w.doc("c"), attributeId: w.level.id, value: "city" }, NOW);
    applyOperation(w.state, { type: "setAttributeValue", target: w.doc("c"), attributeId: w.country.id, value: "Malaysia" }, NOW);
    const before = structuredClone(w.state);
    const inverse = applyOperation(w.state, { type: "removeAttribute", attributeId: w.level.id }, NOW);
    expect(w.state.attributes[w.level.id]).toBeUndefined();
    expect(w.state.documents[w.docs.a.id]!.attributes).toBeUndefined();
    expect(w.state.documents[w.docs.c.id]!.attributes).toEqual({ [w.country.id]: "Malaysia" });
    applyOperation(w.state, inverse, NOW);
    expect(w.state).toEqual(before);
    expect(w.state.documents[w.docs.c.id]!.attributes).toEqual({ [w.level.id]: "city", [w.country.id]: "Malaysia" });
  });

  it("a document or case removed with its values comes back with them", () => {
    const w = attributed();
    applyOperation(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.country.id, value: "Vietnam" }, NOW);
    applyOperation(w.state, { type: "setAttributeValue", target: w.kase(w.other), attributeId: w.year.id, value: 2021 }, NOW);
    const undoRemove = applyOperation(w.state, { type: "removeDocument", documentId: w.docs.a.id }, NOW);
    applyOperation(w.state, undoRemove, NOW);
    expect(w.state.documents[w.docs.a.id]!.attributes).toEqual({ [w.country.id]: "Vietnam" });
    roundTrip(w.state, { type: "deleteCase", caseId: w.other });
    expect(w.state.cases[w.other]).toBeUndefined();
  });

  it("refuses values of the wrong type, naming the attribute and the value", () => {
    const w = attributed();
    let error = expectError(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.year.id, value: "2019" }, "errors.op.attributeNotNumber");
    expect(error.params).toMatchObject({ attribute: "Year signed", value: "2019" });
    expectError(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.year.id, value: Number.NaN }, "errors.op.attributeNotNumber");
    expectError(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.year.id, value: Number.POSITIVE_INFINITY }, "errors.op.attributeNotNumber");
    expectError(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.country.id, value: 12 }, "errors.op.attributeNotText");
    for (const bad of ["2024-02-30", "24-02-01", "2024-2-1", "01/02/2024", "2024-13-01"]) {
      error = expectError(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.signed.id, value: bad }, "errors.op.attributeNotDate");
      expect(error.params).toMatchObject({ attribute: "Signed on", value: bad });
    }
    error = expectError(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.level.id, value: "village" }, "errors.op.attributeNotChoice");
    expect(error.params).toMatchObject({ attribute: "Level", value: "village", choices: "province, city" });
    expect(translate("en", error.code, error.params)).toBe("“village” is not one of the choices of “Level” (province, city).");
    // The target must be of the kind the attribute describes, and must exist.
    error = expectError(w.state, { type: "setAttributeValue", target: w.kase(w.padang), attributeId: w.country.id, value: "Vietnam" }, "errors.op.attributeOfDocuments");
    expect(error.params.attribute).toBe("Partner country");
    expectError(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: w.year.id, value: 2019 }, "errors.op.attributeOfCases");
    expectError(w.state, { type: "setAttributeValue", target: w.doc("a"), attributeId: "nosuchattr" as AttributeId, value: 1 }, "errors.op.unknownAttribute");
    expectError(w.state, { type: "setAttributeValue", target: { kind: "case", id: "nosuchcase" as CaseId }, attributeId: w.year.id, value: 1 }, "errors.op.unknownCase");
  });

  it("refuses bad definitions: a clashing name, a choice attribute without choices, choices that are in use", () => {
    const w = attributed();
    expectError(w.state, { type: "addAttribute", attribute: attribute("partner COUNTRY", "text") }, "errors.op.duplicateAttribute");
    // The same name on cases is another attribute.
    applyOperation(w.state, { type: "addAttribute", attribute: attribute("Partner country", "text", "case") }, NOW);
    expectError(w.state, { type: "addAttribute", attribute: attribute("Kind", "choice") }, "errors.op.attributeNoChoices");
    expectError(w.state, { type: "addAttribute", attribute: attribute("Kind", "choice", "document", ["a", "A"]) }, "errors.op.attributeDuplicateChoice");
    expectError(w.state, { type: "addAttribute", attribute: attribute("Pages", "number", "document", ["1"]) }, "errors.op.attributeChoicesNotChoice");
    expectError(w.state, { type: "addAttribute", attribute: { ...w.country, name: "Other" } }, "errors.op.duplicateId");
    expectError(w.state, { type: "updateAttribute", attributeId: w.signed.id, name: "Level" }, "errors.op.duplicateAttribute");
    applyOperation(w.state, { type: "setAttributeValue", target: w.doc("b"), attributeId: w.level.id, value: "city" }, NOW);
    const error = expectError(w.state, { type: "updateAttribute", attributeId: w.level.id, choices: ["province"] }, "errors.op.attributeChoiceInUse");
    expect(error.params).toMatchObject({ attribute: "Level", value: "city" });
    roundTrip(w.state, { type: "updateAttribute", attributeId: w.level.id, choices: ["city", "regency"], name: "Government level" });
  });

  it("project files written before attributes still validate", () => {
    const old = structuredClone(project()) as Partial<ProjectState>;
    delete old.attributes;
    expect(ProjectState.parse(old).attributes).toEqual({});
  });
});

describe("value helpers", () => {
  it("check ISO dates and parse numbers with an Indonesian or English decimal mark", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(parseNumberInput("1,5")).toBe(1.5);
    expect(parseNumberInput("1.5")).toBe(1.5);
    expect(parseNumberInput("1.000.000")).toBe(1_000_000);
    expect(parseNumberInput("1,000,000")).toBe(1_000_000);
    expect(parseNumberInput("1.234,5")).toBe(1234.5);
    expect(parseNumberInput("-2019")).toBe(-2019);
    expect(parseNumberInput("abc")).toBeNaN();
    expect(parseNumberInput("12abc")).toBeNaN();
    expect(parseNumberInput("")).toBeNaN();
    expect(checkAttributeValue(attribute("Note", "text"), "  hi ")).toBe("hi");
  });
});

describe("source type and triangulation", () => {
  it("sourceTypeAttributeOps adds the source type once, in the interface language", () => {
    const state = project();
    const [op, ...rest] = sourceTypeAttributeOps(state, "id", NOW);
    expect(rest).toEqual([]);
    roundTrip(state, op!);
    expect(sourceTypeAttribute(state)).toMatchObject({ name: "Jenis sumber", appliesTo: "document", type: "choice", choices: ["wawancara", "dokumen resmi", "literatur"], role: "sourceType" });
    expect(sourceTypeAttributeOps(state, "en", NOW)).toEqual([]);
    const english = project();
    applyOperation(english, batch(sourceTypeAttributeOps(english, "en", NOW)), NOW);
    expect(sourceTypeAttribute(english)).toMatchObject({ name: "Source type", choices: ["interview", "official document", "literature"] });
    // A second source type attribute is refused, as is a source type that is not a document choice.
    expectError(state, { type: "addAttribute", attribute: { ...attribute("Kind", "choice", "document", ["x"]), role: "sourceType" } }, "errors.op.sourceTypeExists");
    expectError(english, { type: "addAttribute", attribute: { ...attribute("Kind", "text", "case"), role: "sourceType" } }, "errors.op.sourceTypeShape");
  });

  it("setFrameworkSourceTypes round-trips and refuses an unknown framework", () => {
    const w = world(["keating"]);
    let after = roundTrip(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["wawancara", "dokumen resmi", "wawancara"] });
    expect(after.frameworks.keating!.sourceTypes).toEqual(["wawancara", "dokumen resmi"]);
    after = roundTrip(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["literatur"] });
    expect(after.frameworks.keating!.sourceTypes).toEqual(["literatur"]);
    after = roundTrip(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: [] });
    expect("sourceTypes" in after.frameworks.keating!).toBe(false);
    expectError(w.state, { type: "setFrameworkSourceTypes", frameworkId: "kuznetsov", sourceTypes: ["wawancara"] }, "errors.op.unknownFramework");
  });

  it("counts only the chosen source types, which changes an indicator's status", () => {
    const w = world(["keating"]);
    const status = (caseId: CaseId, indicatorId: string): IndicatorResult =>
      computeIndicators(w.state).find((r) => r.caseId === caseId)!.frameworks[0]!.indicators.find((i) => i.indicatorId === indicatorId)!;
    // Padang holds A (an interview) and B (literature).
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.b, "keating.economic", "contradicts");
    w.code(w.docs.b, "keating.cultural");
    expect([status(w.padang, "keating.economic").computed, status(w.padang, "keating.cultural").computed]).toEqual(["contested", "met"]);

    // Naming source types without the attribute in the project changes nothing.
    applyOperation(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["wawancara"] }, NOW);
    expect(status(w.padang, "keating.economic").computed).toBe("contested");

    applyOperation(w.state, batch(sourceTypeAttributeOps(w.state, "id", NOW)), NOW);
    const source = sourceTypeAttribute(w.state)!;
    const setType = (doc: "a" | "b" | "c", value: string) =>
      applyOperation(w.state, { type: "setAttributeValue", target: { kind: "document", id: w.docs[doc].id }, attributeId: source.id, value }, NOW);
    setType("a", "wawancara");
    setType("b", "literatur");
    // Only interviews count now: B's contradiction and B's cultural support are left out.
    expect(status(w.padang, "keating.economic")).toMatchObject({ computed: "met", supporting: 1, contradicting: 0, documents: 1 });
    expect(status(w.padang, "keating.cultural")).toMatchObject({ computed: "not_met", supporting: 0 });
    // The English name of a built-in type matches its Indonesian value.
    applyOperation(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["Literature"] }, NOW);
    expect(status(w.padang, "keating.cultural").computed).toBe("met");
    expect(status(w.padang, "keating.economic")).toMatchObject({ computed: "not_met", supporting: 0, contradicting: 1 });
    // A document without a source type does not count while a choice is made.
    applyOperation(w.state, { type: "setAttributeValue", target: { kind: "document", id: w.docs.b.id }, attributeId: source.id, value: null }, NOW);
    expect(status(w.padang, "keating.cultural").computed).toBe("not_met");
    // Counting every type again restores the plain counts.
    applyOperation(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: [] }, NOW);
    expect([status(w.padang, "keating.economic").computed, status(w.padang, "keating.cultural").computed]).toEqual(["contested", "met"]);
  });

  it("gives the same counts through a CodingIndex as through the codings", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.b, "keating.economic");
    applyOperation(w.state, batch(sourceTypeAttributeOps(w.state, "en", NOW)), NOW);
    const source = sourceTypeAttribute(w.state)!;
    applyOperation(w.state, { type: "setAttributeValue", target: { kind: "document", id: w.docs.a.id }, attributeId: source.id, value: "interview" }, NOW);
    applyOperation(w.state, { type: "setFrameworkSourceTypes", frameworkId: "keating", sourceTypes: ["interview"] }, NOW);
    const index = new CodingIndex(w.state);
    expect(computeIndicators(w.state, undefined, undefined, undefined, index)).toEqual(computeIndicators(w.state));
    expect(computeIndicators(w.state)[0]!.frameworks[0]!.indicators[0]).toMatchObject({ supporting: 1, documents: 1 });
  });
});
