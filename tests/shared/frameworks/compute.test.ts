import { describe, expect, it } from "vitest";
import {
  applyOperation,
  computeIndicators,
  frameworkVerdict,
  templateFramework,
  verdictSentence,
  type CaseId,
  type CaseResult,
  type Framework,
  type IndicatorResult,
} from "../../../shared/index.js";
import { code, coding, NOW } from "../fixtures.js";
import { world, type World } from "./world.js";

function result(results: CaseResult[], caseId: CaseId, indicatorId: string): IndicatorResult {
  const found = results.find((r) => r.caseId === caseId)!;
  const framework = found.frameworks.find((f) => indicatorId.startsWith(`${f.frameworkId}.`))!;
  return framework.indicators.find((i) => i.indicatorId === indicatorId)!;
}

const at = (w: World, caseId: CaseId, indicatorId: string) => result(computeIndicators(w.state), caseId, indicatorId);
const counts = (r: IndicatorResult) => [r.supporting, r.contradicting, r.documents, r.computed];

describe("computeIndicators", () => {
  it("gives every case × framework × indicator, in order, with the verdict", () => {
    const w = world(["kuznetsov", "keating"]);
    const results = computeIndicators(w.state);
    expect(results.map((r) => r.caseId)).toEqual([w.padang, w.other]);
    expect(results[0]!.frameworks.map((f) => f.frameworkId)).toEqual(["kuznetsov", "keating"]);
    expect(results[0]!.frameworks[1]!.indicators.map((i) => i.indicatorId)).toEqual(["keating.economic", "keating.cultural", "keating.political"]);
    expect(results[0]!.frameworks[0]!.verdict).toMatchObject({ kind: "assessment", verdict: "not_optimal" });
    expect(results[0]!.frameworks[1]!.indicators.every((i) => i.computed === "not_met" && i.supporting === 0)).toBe(true);
  });

  it("counts a document's codings for every case it belongs to, and distinct documents per case", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.b, "keating.economic"); // B is in both cases
    w.code(w.docs.c, "keating.economic", "contradicts");
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([3, 0, 2, "met"]);
    expect(counts(at(w, w.other, "keating.economic"))).toEqual([1, 1, 1, "contested"]);
  });

  it("applies the framework's thresholds: minCodings and minDocuments", () => {
    const w = world(["keating"]);
    const strict: Framework = { ...w.state.frameworks.keating!, thresholds: { minCodings: 2, minDocuments: 2 } };
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.c, "keating.cultural");
    w.code(w.docs.b, "keating.cultural");
    const r = computeIndicators(w.state, [strict]);
    // Two codings in one document: no triangulation yet.
    expect(counts(result(r, w.padang, "keating.economic"))).toEqual([2, 0, 1, "not_met"]);
    // Two codings in two documents of the second case.
    expect(counts(result(r, w.other, "keating.cultural"))).toEqual([2, 0, 2, "met"]);
    // One of those documents is in Padang's case too, but one coding is not enough there.
    expect(counts(result(r, w.padang, "keating.cultural"))).toEqual([1, 0, 1, "not_met"]);
  });

  it("only contradicting evidence is not met, and says so", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.cultural", "contradicts");
    expect(at(w, w.padang, "keating.cultural")).toMatchObject({ computed: "not_met", hasContradicting: true, contradicting: 1, documents: 0 });
  });

  it("ignores unlinked codes, documents in no case, and links to frameworks not asked for", () => {
    const w = world(["keating", "stages"]);
    const plain = code("Catatan");
    applyOperation(w.state, { type: "addCode", code: plain }, NOW);
    applyOperation(w.state, { type: "addCoding", coding: coding(w.docs.a.id, plain.id, 0, 5) }, NOW);
    applyOperation(w.state, { type: "unassignDocument", caseId: w.other, documentId: w.docs.c.id }, NOW);
    w.code(w.docs.c, "keating.economic");
    w.code(w.docs.a, "stages.initiation");
    const r = computeIndicators(w.state, [w.state.frameworks.keating!]);
    expect(r[0]!.frameworks.map((f) => f.frameworkId)).toEqual(["keating"]);
    expect(r.flatMap((c) => c.frameworks[0]!.indicators).every((i) => i.supporting === 0)).toBe(true);
  });

  it("takes links and overrides as given, for what-if views", () => {
    const w = world(["keating"]);
    const plain = code("Perdagangan");
    applyOperation(w.state, { type: "addCode", code: plain }, NOW);
    applyOperation(w.state, { type: "addCoding", coding: coding(w.docs.a.id, plain.id, 0, 5) }, NOW);
    const links = new Map([[plain.id as string, "keating.economic"]]);
    const overrides = { [`${w.padang}|keating.political`]: { status: "met" as const, justification: "Wawancara Gubernur", at: NOW } };
    const r = computeIndicators(w.state, Object.values(w.state.frameworks), links, overrides);
    expect(counts(result(r, w.padang, "keating.economic"))).toEqual([1, 0, 1, "met"]);
    expect(result(r, w.padang, "keating.political")).toMatchObject({ computed: "not_met", effective: "met" });
  });

  it("shows an override beside the computed status and lets it decide the verdict", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.cultural", "contradicts");
    applyOperation(w.state, { type: "setOverride", caseId: w.padang, indicatorId: "keating.cultural", override: { status: "met", justification: "Kesamaan budaya Minang–Melayu disebut berulang" } }, NOW);
    const r = at(w, w.padang, "keating.cultural");
    expect(r).toMatchObject({ computed: "not_met", hasContradicting: true, effective: "met", override: { status: "met", at: NOW } });
    expect(at(w, w.other, "keating.cultural").override).toBeNull();
    const padang = computeIndicators(w.state)[0]!.frameworks[0]!;
    expect(padang.verdict).toMatchObject({ present: ["keating.cultural"] });
  });

  it("follows the coding: removing, recoding, changing stance, removing a document, deleting or merging a linked code", () => {
    const w = world(["keating"]);
    const first = w.code(w.docs.a, "keating.economic");
    const second = w.code(w.docs.b, "keating.economic");
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([2, 0, 2, "met"]);

    applyOperation(w.state, { type: "setStance", codingId: second, stance: "contradicts" }, NOW);
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([1, 1, 1, "contested"]);

    const undoRemove = applyOperation(w.state, { type: "removeCoding", codingId: first }, NOW);
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([0, 1, 0, "not_met"]);
    applyOperation(w.state, undoRemove, NOW);

    applyOperation(w.state, { type: "recodeCoding", codingId: first, codeId: w.codeFor("keating.political") }, NOW);
    expect(counts(at(w, w.padang, "keating.political"))).toEqual([1, 0, 1, "met"]);
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([0, 1, 0, "not_met"]);

    applyOperation(w.state, { type: "removeDocument", documentId: w.docs.b.id }, NOW);
    expect(counts(at(w, w.padang, "keating.economic"))).toEqual([0, 0, 0, "not_met"]);

    // Merging the political code into the (linked) cultural code: the target keeps its link, so the evidence moves there.
    applyOperation(w.state, { type: "mergeCodes", sourceId: w.codeFor("keating.political"), targetId: w.codeFor("keating.cultural") }, NOW);
    expect(counts(at(w, w.padang, "keating.cultural"))).toEqual([1, 0, 1, "met"]);
    expect(counts(at(w, w.padang, "keating.political"))).toEqual([0, 0, 0, "not_met"]);

    applyOperation(w.state, { type: "deleteCode", codeId: w.codeFor("keating.cultural") }, NOW);
    expect(counts(at(w, w.padang, "keating.cultural"))).toEqual([0, 0, 0, "not_met"]);
  });

  it("unlinking a code takes its evidence away from the indicator", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.economic");
    applyOperation(w.state, { type: "linkCode", codeId: w.codeFor("keating.economic"), indicatorId: null }, NOW);
    expect(computeIndicators(w.state)[0]!.frameworks[0]!.indicators[0]!.supporting).toBe(0);
  });

  it("a project without cases or frameworks gives nothing", () => {
    const w = world([]);
    expect(computeIndicators(w.state).every((c) => c.frameworks.length === 0)).toBe(true);
    applyOperation(w.state, { type: "deleteCase", caseId: w.padang }, NOW);
    applyOperation(w.state, { type: "deleteCase", caseId: w.other }, NOW);
    expect(computeIndicators(w.state, [templateFramework("keating")!])).toEqual([]);
  });
});

describe("the thesis cases, from coding to sentence", () => {
  it("Keating: economic supported, cultural and political only argued against", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.economic");
    w.code(w.docs.b, "keating.economic");
    // "There is no cultural motive: the two provinces differ in language and history."
    w.code(w.docs.a, "keating.cultural", "contradicts");
    w.code(w.docs.b, "keating.political", "contradicts");
    const keating = computeIndicators(w.state).find((r) => r.caseId === w.padang)!.frameworks[0]!;
    expect(keating.indicators.map((i) => i.computed)).toEqual(["met", "not_met", "not_met"]);
    expect(keating.indicators.map((i) => i.hasContradicting)).toEqual([false, true, true]);
    const framework = w.state.frameworks.keating!;
    expect(verdictSentence("en", framework, keating.verdict)).toBe("economic motive present; no cultural or political motive");
    expect(verdictSentence("id", framework, keating.verdict)).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
  });

  it("Kuznetsov: no implementation evidence, and only contradicting evidence on the consequences", () => {
    const w = world(["kuznetsov"]);
    for (const key of ["causes", "motives", "legal", "central"]) w.code(w.docs.a, `kuznetsov.${key}`);
    w.code(w.docs.b, "kuznetsov.consequences", "contradicts");
    const kuznetsov = computeIndicators(w.state).find((r) => r.caseId === w.padang)!.frameworks[0]!;
    expect(kuznetsov.verdict).toEqual({ kind: "assessment", verdict: "not_optimal", unmet: ["kuznetsov.implementation", "kuznetsov.consequences"], contested: [] });
    const framework = w.state.frameworks.kuznetsov!;
    expect(verdictSentence("en", framework, kuznetsov.verdict)).toBe(
      "Paradiplomacy capacity is not optimal: the indicators implementation (institutionalisation) and consequences of the cooperation are not met",
    );
    expect(verdictSentence("id", framework, kuznetsov.verdict)).toBe(
      "Kapasitas paradiplomasi tidak optimal: indikator penerapan paradiplomasi dan konsekuensi kerja sama tidak terpenuhi",
    );
    // The verdict is the same whether it is taken from compute or from the results again.
    expect(frameworkVerdict(framework, kuznetsov.indicators)).toEqual(kuznetsov.verdict);
  });
});

describe("computeIndicators at thesis scale", () => {
  it("reads 100k codings for every template in well under a second (the figure is in tests/bench/indicators.ts)", () => {
    const w = world([]);
    const { state } = w;
    for (const id of ["kuznetsov", "keating", "stages", "obstacles", "lecours", "duchacek", "mukti", "sectors"]) {
      state.frameworks[id] = templateFramework(id)!;
    }
    const indicators = Object.values(state.frameworks).flatMap((f) => f.indicators.map((i) => i.id));
    const codes = indicators.map((indicatorId) => ({ ...code(indicatorId), indicatorId }));
    for (const c of codes) state.codes[c.id] = c;
    const docs = Object.values(state.documents);
    for (let i = 0; i < 100_000; i++) {
      const c = coding(docs[i % docs.length]!.id, codes[i % codes.length]!.id, 0, 5, { stance: i % 7 === 0 ? "contradicts" : "supports" });
      state.codings[c.id] = c;
    }
    const started = performance.now();
    const r = computeIndicators(state);
    const elapsed = performance.now() - started;
    const total = r.flatMap((c) => c.frameworks.flatMap((f) => f.indicators)).reduce((n, i) => n + i.supporting + i.contradicting, 0);
    // Padang holds A and B, the other case B and C: B's codings count twice.
    const inDoc = (doc: (typeof docs)[number]) => Object.values(state.codings).filter((c) => c.documentId === doc.id).length;
    expect(total).toBe(inDoc(w.docs.a) + 2 * inDoc(w.docs.b) + inDoc(w.docs.c));
    expect(elapsed).toBeLessThan(1000);
  });
});
