import { describe, expect, it } from "vitest";
import {
  describeResult,
  frameworkVerdict,
  indicatorStatus,
  joinNames,
  lowerFirst,
  subjectName,
  templateFramework,
  verdictSentence,
  type Framework,
  type IndicatorResult,
  type StoredOverride,
} from "../../../shared/index.js";

const ONE = { minCodings: 1, minDocuments: 1 };
const counts = (supporting: number, contradicting = 0, documents = supporting ? 1 : 0) => ({ supporting, contradicting, documents });
const template = (id: string): Framework => templateFramework(id)!;
const override = (status: StoredOverride["status"], justification = "Dibahas dengan pembimbing"): StoredOverride => ({ status, justification, at: "2026-01-02T00:00:00.000Z" });

/** Results for a framework from {key: [supporting, contradicting, documents?]}; keys left out have no evidence. */
function results(framework: Framework, evidence: Record<string, [number, number?, number?]>, overrides: Record<string, StoredOverride> = {}): IndicatorResult[] {
  return framework.indicators.map((i) => {
    const key = i.id.slice(framework.id.length + 1);
    const [s, c, d] = evidence[key] ?? [0];
    return indicatorStatus(i.id, counts(s, c ?? 0, d ?? (s ? 1 : 0)), framework.thresholds, overrides[key] ?? null);
  });
}

describe("indicatorStatus", () => {
  it("is met with supporting evidence at the threshold and nothing against", () => {
    const r = indicatorStatus("keating.economic", counts(1), ONE);
    expect(r).toEqual({
      indicatorId: "keating.economic",
      supporting: 1,
      contradicting: 0,
      documents: 1,
      computed: "met",
      hasContradicting: false,
      override: null,
      effective: "met",
    });
  });

  it("is not met without evidence", () => {
    expect(indicatorStatus("keating.economic", counts(0), ONE)).toMatchObject({ computed: "not_met", hasContradicting: false, effective: "not_met" });
  });

  it("is not met below minCodings, and met at it", () => {
    const t = { minCodings: 3, minDocuments: 1 };
    expect(indicatorStatus("x.a", counts(2, 0, 2), t).computed).toBe("not_met");
    expect(indicatorStatus("x.a", counts(3, 0, 1), t).computed).toBe("met");
  });

  it("is not met with enough codings in too few documents (triangulation), and met across enough documents", () => {
    const t = { minCodings: 2, minDocuments: 2 };
    expect(indicatorStatus("x.a", counts(5, 0, 1), t).computed).toBe("not_met");
    expect(indicatorStatus("x.a", counts(2, 0, 2), t).computed).toBe("met");
    expect(indicatorStatus("x.a", counts(1, 0, 2), t).computed).toBe("not_met");
  });

  it("is not met with only contradicting evidence, and says it was argued against", () => {
    const r = indicatorStatus("keating.cultural", counts(0, 2, 0), ONE);
    expect(r).toMatchObject({ computed: "not_met", hasContradicting: true, supporting: 0, contradicting: 2, documents: 0 });
  });

  it("is not met below the threshold even with contradicting evidence too", () => {
    expect(indicatorStatus("x.a", counts(1, 1, 1), { minCodings: 2, minDocuments: 1 })).toMatchObject({ computed: "not_met", hasContradicting: true });
  });

  it("is contested when the threshold is reached and something contradicts", () => {
    expect(indicatorStatus("x.a", counts(3, 1, 2), ONE)).toMatchObject({ computed: "contested", hasContradicting: true, effective: "contested" });
  });

  it("keeps the computed status beside an override and takes the override as effective", () => {
    const o = override("met", "Narasumber kunci menegaskannya");
    const r = indicatorStatus("x.a", counts(0, 1, 0), ONE, o);
    expect(r.computed).toBe("not_met");
    expect(r.override).toEqual(o);
    expect(r.effective).toBe("met");
    expect(indicatorStatus("x.a", counts(4), ONE, override("not_met")).effective).toBe("not_met");
  });
});

describe("describeResult", () => {
  it("gives the status with its counts, the contradicting evidence, and the override beside the computed status", () => {
    expect(describeResult("en", indicatorStatus("x.a", counts(2, 0, 2), ONE))).toBe("met (supporting: 2, contradicting: 0, documents: 2)");
    expect(describeResult("id", indicatorStatus("x.a", counts(0, 1, 0), ONE))).toBe(
      "tidak terpenuhi (mendukung: 0, bertentangan: 1, dokumen: 0; ada bukti yang bertentangan)",
    );
    expect(describeResult("en", indicatorStatus("x.a", counts(1, 1), ONE, override("met", "the MoU settles it")))).toBe(
      "computed: contested (supporting: 1, contradicting: 1, documents: 1); researcher’s decision: met — the MoU settles it",
    );
    expect(describeResult("id", indicatorStatus("x.a", counts(1, 1), ONE, override("met", "MoU sudah ditandatangani")))).toBe(
      "hasil perhitungan: diperdebatkan (mendukung: 1, bertentangan: 1, dokumen: 1); keputusan peneliti: terpenuhi — MoU sudah ditandatangani",
    );
  });
});

describe("frameworkVerdict and verdictSentence", () => {
  it("assessment: optimal when all six Kuznetsov indicators are met", () => {
    const k = template("kuznetsov");
    const all = Object.fromEntries(["causes", "motives", "legal", "implementation", "central", "consequences"].map((key) => [key, [1] as [number]]));
    const v = frameworkVerdict(k, results(k, all));
    expect(v).toEqual({ kind: "assessment", verdict: "optimal", unmet: [], contested: [] });
    expect(verdictSentence("en", k, v)).toBe("Paradiplomacy capacity is optimal: all indicators are met");
    expect(verdictSentence("id", k, v)).toBe("Kapasitas paradiplomasi optimal: seluruh indikator terpenuhi");
  });

  it("assessment: the thesis case, no implementation evidence and only contradicting evidence on consequences", () => {
    const k = template("kuznetsov");
    const v = frameworkVerdict(k, results(k, { causes: [3], motives: [2], legal: [4, 0, 2], central: [1], consequences: [0, 2] }));
    expect(v).toEqual({ kind: "assessment", verdict: "not_optimal", unmet: ["kuznetsov.implementation", "kuznetsov.consequences"], contested: [] });
    expect(verdictSentence("id", k, v)).toBe(
      "Kapasitas paradiplomasi tidak optimal: indikator penerapan paradiplomasi dan konsekuensi kerja sama tidak terpenuhi",
    );
    expect(verdictSentence("en", k, v)).toBe(
      "Paradiplomacy capacity is not optimal: the indicators implementation (institutionalisation) and consequences of the cooperation are not met",
    );
  });

  it("assessment: one unmet indicator reads in the singular; contested counts as unmet and is named", () => {
    const k = template("kuznetsov");
    const all = Object.fromEntries(["causes", "motives", "legal", "implementation", "central"].map((key) => [key, [1] as [number]]));
    const v = frameworkVerdict(k, results(k, { ...all, legal: [2, 1] }));
    expect(v).toMatchObject({ verdict: "not_optimal", unmet: ["kuznetsov.legal", "kuznetsov.consequences"], contested: ["kuznetsov.legal"] });
    expect(verdictSentence("en", k, v)).toBe(
      "Paradiplomacy capacity is not optimal: the indicators legal basis and consequences of the cooperation are not met; the evidence on legal basis is contested",
    );
    const one = frameworkVerdict(k, results(k, { ...all }));
    expect(verdictSentence("en", k, one)).toBe("Paradiplomacy capacity is not optimal: the indicator consequences of the cooperation is not met");
    expect(verdictSentence("id", k, one)).toBe("Kapasitas paradiplomasi tidak optimal: indikator konsekuensi kerja sama tidak terpenuhi");
  });

  it("assessment: overrides decide the verdict", () => {
    const k = template("kuznetsov");
    const all = Object.fromEntries(["causes", "motives", "legal", "implementation", "central"].map((key) => [key, [1] as [number]]));
    expect(frameworkVerdict(k, results(k, all, { consequences: override("met") }))).toMatchObject({ verdict: "optimal", unmet: [] });
    const full = { ...all, consequences: [1] as [number] };
    expect(frameworkVerdict(k, results(k, full, { causes: override("not_met") }))).toMatchObject({ verdict: "not_optimal", unmet: ["kuznetsov.causes"] });
  });

  it("assessment: indicators missing from the results count as without evidence", () => {
    const k = template("kuznetsov");
    expect(frameworkVerdict(k, [])).toMatchObject({ verdict: "not_optimal", unmet: k.indicators.map((i) => i.id) });
  });

  it("ordered assessment: implemented, partially with the furthest stage, and none reached", () => {
    const s = template("stages");
    const done = frameworkVerdict(s, results(s, { initiation: [1], planning: [1], execution: [1] }));
    expect(done).toEqual({ kind: "ordered_assessment", verdict: "implemented", furthest: "stages.execution", unmet: [], contested: [] });
    expect(verdictSentence("en", s, done)).toBe("Implementation stages: fully implemented, every stage is met");
    expect(verdictSentence("id", s, done)).toBe("Tahap implementasi kerja sama: terlaksana sepenuhnya, seluruh tahap terpenuhi");

    const part = frameworkVerdict(s, results(s, { initiation: [2], planning: [1], execution: [0, 1] }));
    expect(part).toEqual({ kind: "ordered_assessment", verdict: "partially_implemented", furthest: "stages.planning", unmet: ["stages.execution"], contested: [] });
    expect(verdictSentence("en", s, part)).toBe(
      "Implementation stages: partially implemented, the furthest stage reached is planning and design; the indicator execution is not met",
    );
    expect(verdictSentence("id", s, part)).toBe(
      "Tahap implementasi kerja sama: terlaksana sebagian, tahap terjauh yang dicapai adalah tahap perencanaan dan perancangan; indikator tahap pelaksanaan tidak terpenuhi",
    );

    // The furthest stage is the last met in order, even past an unmet one.
    const gap = frameworkVerdict(s, results(s, { initiation: [1], execution: [1] }));
    expect(gap).toMatchObject({ verdict: "partially_implemented", furthest: "stages.execution", unmet: ["stages.planning"] });

    const none = frameworkVerdict(s, results(s, {}));
    expect(none).toMatchObject({ verdict: "partially_implemented", furthest: null });
    expect(verdictSentence("en", s, none)).toBe(
      "Implementation stages: no stage has been reached yet; the indicators “initiation”, “planning and design” and “execution” are not met",
    );
    expect(verdictSentence("id", s, none)).toBe(
      "Tahap implementasi kerja sama: belum ada tahap yang tercapai; indikator “tahap inisiasi”, “tahap perencanaan dan perancangan” dan “tahap pelaksanaan” tidak terpenuhi",
    );
  });

  it("classification: the Keating thesis case, economic supported, cultural and political only contradicted", () => {
    const k = template("keating");
    const v = frameworkVerdict(k, results(k, { economic: [4, 0, 2], cultural: [0, 2], political: [0, 1] }));
    expect(v).toEqual({ kind: "classification", present: ["keating.economic"], dominant: "keating.economic", contested: [], absent: ["keating.cultural", "keating.political"] });
    expect(verdictSentence("en", k, v)).toBe("economic motive present; no cultural or political motive");
    expect(verdictSentence("id", k, v)).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
  });

  it("classification: the dominant category has the most supporting codings, and a tie goes to the first in order", () => {
    const k = template("keating");
    const v = frameworkVerdict(k, results(k, { economic: [2], cultural: [5], political: [1] }));
    expect(v).toMatchObject({ present: ["keating.economic", "keating.cultural", "keating.political"], dominant: "keating.cultural", absent: [] });
    expect(verdictSentence("en", k, v)).toBe("economic, cultural and political motive present; cultural motive dominant");
    const tie = frameworkVerdict(k, results(k, { economic: [3], political: [3] }));
    expect(tie).toMatchObject({ present: ["keating.economic", "keating.political"], dominant: "keating.economic", absent: ["keating.cultural"] });
    expect(verdictSentence("id", k, tie)).toBe("terdapat motif ekonomi dan politik; motif ekonomi paling dominan; tidak ada motif budaya");
  });

  it("classification: none present, and contested ones named apart from absent ones", () => {
    const k = template("keating");
    const none = frameworkVerdict(k, results(k, {}));
    expect(none).toMatchObject({ present: [], dominant: null, absent: ["keating.economic", "keating.cultural", "keating.political"] });
    expect(verdictSentence("en", k, none)).toBe("no economic, cultural or political motive");
    const contested = frameworkVerdict(k, results(k, { economic: [1], political: [2, 1] }));
    expect(contested).toMatchObject({ present: ["keating.economic"], contested: ["keating.political"], absent: ["keating.cultural"] });
    expect(verdictSentence("en", k, contested)).toBe("economic motive present; political motive contested; no cultural motive");
    expect(verdictSentence("id", k, contested)).toBe("terdapat motif ekonomi; motif politik diperdebatkan; tidak ada motif budaya");
  });

  it("classification: longer names are listed whole (Lecours)", () => {
    const l = template("lecours");
    const v = frameworkVerdict(l, results(l, { economic: [1], cooperation: [1] }));
    expect(verdictSentence("id", l, v)).toBe(
      "terdapat “lapisan pertama: ekonomi” dan “lapisan kedua: kerja sama budaya, pendidikan dan teknis”; lapisan pertama: ekonomi paling dominan; tidak ada lapisan ketiga: politik",
    );
  });

  it("exclusive classification: the single type, several flagged, or none", () => {
    const d = template("duchacek");
    const one = frameworkVerdict(d, results(d, { global: [2] }));
    expect(one).toEqual({ kind: "exclusive_classification", type: "duchacek.global", several: false, present: ["duchacek.global"], contested: [] });
    expect(verdictSentence("en", d, one)).toBe("Types of paradiplomacy: global paradiplomacy");
    expect(verdictSentence("id", d, one)).toBe("Tipe paradiplomasi: paradiplomasi global");

    const several = frameworkVerdict(d, results(d, { transborder: [1], global: [1] }));
    expect(several).toMatchObject({ type: null, several: true, present: ["duchacek.transborder", "duchacek.global"] });
    expect(verdictSentence("en", d, several)).toBe(
      "Types of paradiplomacy: the evidence points to several types (transborder regional paradiplomacy and global paradiplomacy) where only one should apply",
    );

    const none = frameworkVerdict(d, results(d, { transregional: [1, 1] }));
    expect(none).toMatchObject({ type: null, several: false, present: [], contested: ["duchacek.transregional"] });
    expect(verdictSentence("en", d, none)).toBe(
      "Types of paradiplomacy: no type is supported by the evidence; the evidence on transregional paradiplomacy is contested",
    );
    const m = template("mukti");
    expect(verdictSentence("id", m, frameworkVerdict(m, results(m, { economic: [1], political: [1] })))).toBe(
      "Kategori paradiplomasi: bukti menunjuk pada beberapa tipe (paradiplomasi politik dan ekonomi), padahal hanya satu yang semestinya berlaku",
    );
  });

  it("inventory: present items ranked by supporting codings, then documents, then framework order", () => {
    const o = template("obstacles");
    const v = frameworkVerdict(o, results(o, { pandemic: [2, 0, 1], human_resources: [2, 0, 2], budget: [5, 0, 3], bureaucracy: [2, 0, 1], information: [0, 3] }));
    expect(v).toEqual({ kind: "inventory", ranked: ["obstacles.budget", "obstacles.human_resources", "obstacles.pandemic", "obstacles.bureaucracy"], contested: [] });
    expect(verdictSentence("en", o, v)).toBe(
      "Obstacles, most evidenced first: limited budget, limited human resources, Covid-19 pandemic and bureaucracy",
    );
    expect(verdictSentence("id", o, v)).toBe(
      "Hambatan dan tantangan, dari yang paling banyak buktinya: keterbatasan anggaran, keterbatasan sumber daya manusia, pandemi Covid-19 dan sistem birokrasi",
    );
    const s = template("sectors");
    const none = frameworkVerdict(s, results(s, {}));
    expect(none).toEqual({ kind: "inventory", ranked: [], contested: [] });
    expect(verdictSentence("en", s, none)).toBe("Fields of cooperation: none found in the evidence");
    expect(verdictSentence("id", s, none)).toBe("Bidang kerja sama: tidak ada yang ditemukan dalam bukti");
  });
});

describe("sentence helpers", () => {
  it("drop the author from the subject, lower-case mid-sentence but not acronyms, fold shared words", () => {
    expect(subjectName("Motives of paradiplomacy (Keating)")).toBe("Motives of paradiplomacy");
    expect(subjectName("Obstacles")).toBe("Obstacles");
    expect(lowerFirst("Motif ekonomi")).toBe("motif ekonomi");
    expect(lowerFirst("UU 23/2014")).toBe("UU 23/2014");
    expect(lowerFirst("Covid-19 pandemic")).toBe("Covid-19 pandemic");
    expect(joinNames("en", ["a"])).toBe("a");
    expect(joinNames("en", [])).toBe("");
    expect(joinNames("en", ["cultural motive", "political motive"], "or")).toBe("cultural or political motive");
    expect(joinNames("id", ["motif budaya", "motif politik"], "or")).toBe("motif budaya atau politik");
    expect(joinNames("en", ["tourism", "health", "culture"])).toBe("tourism, health and culture");
    expect(joinNames("en", ["economic motive", "tourism"])).toBe("economic motive and tourism");
  });

  it("quotes the names when one holds a list word or a comma, so the list reads one way in both languages", () => {
    expect(joinNames("id", ["motif ekonomi dan budaya", "motif politik"])).toBe("“motif ekonomi dan budaya” dan “motif politik”");
    expect(joinNames("id", ["ekonomi dan budaya", "politik", "keamanan"])).toBe("“ekonomi dan budaya”, “politik” dan “keamanan”");
    expect(joinNames("en", ["trade and investment", "culture"], "or")).toBe("“trade and investment” or “culture”");
    // A name in the other language counts too, and so does a comma; one name alone needs no quotes.
    expect(joinNames("en", ["ekonomi dan budaya", "politics"])).toBe("“ekonomi dan budaya” and “politics”");
    expect(joinNames("en", ["tourism, sport", "health"])).toBe("“tourism, sport” and “health”");
    expect(joinNames("id", ["ekonomi dan budaya"])).toBe("ekonomi dan budaya");
    // "Andalas" and "Dana" hold no list word.
    expect(joinNames("id", ["Universitas Andalas", "Dana Alokasi"])).toBe("Universitas Andalas dan Dana Alokasi");
  });

  it("a verdict over indicators named with 'dan'/'and' lists them unambiguously", () => {
    const keating = template("keating");
    const framework: Framework = {
      ...keating,
      indicators: [
        { id: "keating.economic", name: { en: "Economic and cultural motive", id: "Motif ekonomi dan budaya" } },
        { id: "keating.political", name: { en: "Political motive", id: "Motif politik" } },
      ],
    };
    const verdict = frameworkVerdict(framework, results(framework, { economic: [2], political: [1] }));
    expect(verdictSentence("id", framework, verdict)).toBe("terdapat “motif ekonomi dan budaya” dan “motif politik”; motif ekonomi dan budaya paling dominan");
    expect(verdictSentence("en", framework, verdict)).toContain("“economic and cultural motive” and “political motive”");
  });
});
