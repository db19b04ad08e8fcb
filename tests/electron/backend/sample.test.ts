import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { codePath, computeIndicators, PATH_SEPARATOR, verdictSentence, type Language } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

async function freshSample(systemLocale: string) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "t", transport: "web", systemLocale }).init();
  return api.openSampleProject();
}

describe("the sample project of a first start", () => {
  it.each([
    ["id-ID", "id", ["Motif paradiplomasi (Keating)/Motif ekonomi", "Hambatan/Pandemi Covid-19", "Tahap"], "terdapat motif ekonomi; motif budaya diperdebatkan; tidak ada motif politik"],
    ["en-US", "en", ["Motives of paradiplomacy (Keating)/Economic motive", "Obstacle/Covid-19 pandemic", "Stage"], "economic motive present; cultural motive contested; no political motive"],
  ] as const)("in %s: the codebook in the UI language, Keating's framework linked, and a verdict for the case", async (locale, language, paths, sentence) => {
    const { state } = await freshSample(locale);
    const names = Object.keys(state.codes).map((id) => codePath(state, id as never).join(PATH_SEPARATOR));
    for (const path of paths) expect(names).toContain(path);
    expect(Object.keys(state.frameworks)).toEqual(["keating"]);
    const linked = Object.values(state.codes).filter((c) => c.indicatorId).map((c) => c.indicatorId);
    expect(linked.sort()).toEqual(["keating.cultural", "keating.economic", "keating.political"]);

    const [result] = computeIndicators(state);
    expect(result!.caseId).toBe(Object.keys(state.cases)[0]);
    const keating = result!.frameworks[0]!;
    expect(Object.fromEntries(keating.indicators.map((r) => [r.indicatorId, r.effective]))).toEqual({ "keating.economic": "met", "keating.cultural": "contested", "keating.political": "not_met" });
    expect(verdictSentence(language as Language, state.frameworks.keating!, keating.verdict)).toBe(sentence);
  });
});
