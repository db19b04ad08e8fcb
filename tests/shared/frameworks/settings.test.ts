import { describe, expect, it } from "vitest";
import { applyOperation, batch, computeIndicators, Framework, Operation, TandaiError, type ProjectState } from "../../../shared/index.js";
import {
  emptyDraft,
  fieldPath,
  frameworkFileName,
  frameworkFromDraft,
  frameworkJson,
  importFrameworkOps,
  parseFrameworkFile,
  parseThreshold,
  thresholdsOps,
} from "../../../shared/frameworks/settings.js";
import { NOW } from "../fixtures.js";
import { roundTrip, world } from "./world.js";
import { expectRefused as refused } from "../operationChecks.js";

const status = (state: ProjectState, caseId: string, indicatorId: string) =>
  computeIndicators(state)
    .find((r) => r.caseId === caseId)!
    .frameworks.flatMap((f) => f.indicators)
    .find((i) => i.indicatorId === indicatorId)!.computed;

describe("setThresholds", () => {
  it("round-trips through its inverse and changes what counts as met", () => {
    const w = world(["keating"]);
    w.code(w.docs.a, "keating.economic");
    expect(status(w.state, w.padang, "keating.economic")).toBe("met");
    const after = roundTrip(w.state, { type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 2, minDocuments: 2 } });
    expect(after.frameworks.keating!.thresholds).toEqual({ minCodings: 2, minDocuments: 2 });
    expect(status(w.state, w.padang, "keating.economic")).toBe("not_met");
    w.code(w.docs.b, "keating.economic");
    expect(status(w.state, w.padang, "keating.economic")).toBe("met");
  });

  it("is refused for an unknown framework and for thresholds that are not whole numbers from 1", () => {
    const { state } = world(["keating"]);
    refused(state, { type: "setThresholds", frameworkId: "kuznetsov", thresholds: { minCodings: 1, minDocuments: 1 } }, "errors.op.unknownFramework");
    for (const bad of [0, -1, 1.5, Number.NaN, 20_000]) {
      refused(state, { type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: bad, minDocuments: 1 } }, "errors.op.badThreshold");
      refused(state, { type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 1, minDocuments: bad } }, "errors.op.badThreshold");
      expect(Operation.safeParse({ type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: bad, minDocuments: 1 } }).success).toBe(false);
    }
  });

  it("is only built when the thresholds change", () => {
    const { state } = world(["keating"]);
    expect(thresholdsOps(state, "keating", { minCodings: 1, minDocuments: 1 })).toEqual([]);
    expect(thresholdsOps(state, "keating", { minCodings: 3, minDocuments: 1 })).toEqual([{ type: "setThresholds", frameworkId: "keating", thresholds: { minCodings: 3, minDocuments: 1 } }]);
    expect(() => thresholdsOps(state, "nope", { minCodings: 1, minDocuments: 1 })).toThrow(TandaiError);
    expect([" 3 ", "1", "10000"].map(parseThreshold)).toEqual([3, 1, 10_000]);
    expect(["0", "-1", "1.5", "", "x", "10001"].map(parseThreshold)).toEqual([null, null, null, null, null, null]);
  });
});

function draft() {
  const d = emptyDraft();
  d.id = "hocking";
  d.name = { en: "Multilayered diplomacy (Hocking)", id: "Diplomasi berlapis (Hocking)" };
  d.kind = "assessment";
  d.indicators = [
    { key: "access", name: { en: "Access to national policy", id: "Akses ke kebijakan nasional" } },
    { key: "networks", name: { en: "Transnational networks", id: "Jaringan transnasional" } },
  ];
  d.thresholds = { minCodings: "2", minDocuments: "1" };
  return d;
}

describe("a framework defined in the form", () => {
  it("becomes a Framework with prefixed indicator ids and numeric thresholds", () => {
    const result = frameworkFromDraft(draft());
    expect(result).toEqual({
      ok: true,
      value: {
        id: "hocking",
        name: { en: "Multilayered diplomacy (Hocking)", id: "Diplomasi berlapis (Hocking)" },
        kind: "assessment",
        indicators: [
          { id: "hocking.access", name: { en: "Access to national policy", id: "Akses ke kebijakan nasional" } },
          { id: "hocking.networks", name: { en: "Transnational networks", id: "Jaringan transnasional" } },
        ],
        thresholds: { minCodings: 2, minDocuments: 1 },
      },
    });
  });

  it("names the first invalid field", () => {
    const bad = (change: (d: ReturnType<typeof draft>) => void) => {
      const d = draft();
      change(d);
      const result = frameworkFromDraft(d);
      if (result.ok) throw new Error("accepted");
      return result.problem;
    };
    expect(bad((d) => (d.id = "Hocking 2"))).toMatchObject({ key: "indicators.form.badId", params: { field: "id" } });
    expect(bad((d) => (d.name.id = "  "))).toMatchObject({ key: "indicators.form.badName", params: { field: "name.id" } });
    expect(bad((d) => (d.indicators[1]!.key = "Net works"))).toMatchObject({ key: "indicators.form.badIndicatorId", params: { field: "indicators[1].id", number: 2 } });
    expect(bad((d) => (d.indicators[1]!.key = "access"))).toMatchObject({ key: "indicators.form.badIndicatorId", params: { field: "indicators[1].id" } });
    expect(bad((d) => (d.indicators[0]!.name.en = ""))).toMatchObject({ key: "indicators.form.badIndicatorName", params: { field: "indicators[0].name.en" } });
    expect(bad((d) => (d.indicators = []))).toMatchObject({ key: "indicators.form.noIndicators", params: { field: "indicators" } });
    expect(bad((d) => (d.thresholds.minDocuments = "0"))).toMatchObject({ key: "indicators.form.badThreshold", params: { field: "thresholds.minDocuments" } });
    const { state } = world(["keating"]);
    expect(frameworkFromDraft({ ...draft(), id: "keating" }, state)).toEqual({ ok: false, problem: { key: "indicators.form.idTaken", params: { id: "keating", field: "id" } } });
    expect(frameworkFromDraft(draft(), state).ok).toBe(true);
  });
});

describe("framework files", () => {
  it("export exactly the Framework schema and read back the same framework", () => {
    const { state } = world(["keating"]);
    const keating = state.frameworks.keating!;
    expect(frameworkFileName(keating)).toBe("keating.framework.json");
    const text = frameworkJson(keating);
    expect(JSON.parse(text)).toEqual(Framework.parse(keating));
    expect(parseFrameworkFile(`\uFEFF${text}`, "keating.framework.json")).toEqual({ ok: true, value: keating });
  });

  it("name the file and the first invalid field", () => {
    expect(parseFrameworkFile("{ nope", "a.json")).toMatchObject({ ok: false, problem: { key: "indicators.file.notJson", params: { file: "a.json" } } });
    const framework = JSON.parse(frameworkJson((frameworkFromDraft(draft()) as { value: Framework }).value)) as Record<string, unknown>;
    (framework.indicators as { id: string }[])[1]!.id = "other.networks";
    expect(parseFrameworkFile(JSON.stringify(framework), "hocking.framework.json")).toMatchObject({
      ok: false,
      problem: { key: "indicators.file.invalid", params: { file: "hocking.framework.json", field: "indicators[1].id" } },
    });
    expect(fieldPath([])).toBe("(root)");
  });

  it("import as the framework, its group and linked codes in one batch; again only what is missing; a different one under the same id is refused", () => {
    const { state } = world([]);
    const hocking = (frameworkFromDraft(draft()) as { value: Framework }).value;
    const ops = importFrameworkOps(state, hocking, "id", NOW, "hocking.framework.json");
    if (!ops.ok) throw new Error("refused");
    applyOperation(state, batch(ops.value), NOW);
    expect(state.frameworks.hocking).toEqual(hocking);
    const linked = Object.values(state.codes).filter((c) => c.indicatorId?.startsWith("hocking."));
    expect(linked.map((c) => c.name)).toEqual(["Akses ke kebijakan nasional", "Jaringan transnasional"]);
    expect(state.codes[linked[0]!.parentId!]!.name).toBe("Diplomasi berlapis (Hocking)");

    expect(importFrameworkOps(state, structuredClone(hocking), "id", NOW, "again.json")).toEqual({ ok: true, value: [] });
    const changed = { ...hocking, kind: "inventory" as const };
    expect(importFrameworkOps(state, changed, "en", NOW, "changed.json")).toEqual({
      ok: false,
      problem: { key: "indicators.file.conflict", params: { file: "changed.json", id: "hocking", name: "Multilayered diplomacy (Hocking)" } },
    });
  });
});
