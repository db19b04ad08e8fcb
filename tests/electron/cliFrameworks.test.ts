import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, json, SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

// Modelled on a thesis interview about a sister-province cooperation (own text, not the shared corpus).
const INTERVIEW = [
  "Kepala bidang menjelaskan bahwa tujuan utama kerja sama ini adalah membuka pasar ekspor hasil perikanan.",
  "Ia menambahkan bahwa kedua provinsi tidak memiliki kedekatan sejarah maupun bahasa.",
  "Kerja sama ini juga tidak dimaksudkan untuk memperkuat otonomi politik daerah.",
].join("\n");
const REPORT = "Laporan tahunan mencatat kunjungan delegasi dagang dan rencana investasi pelabuhan.";

/** A project with two documents, the way a thesis writer starts. */
async function project() {
  const root = await temp();
  const home = join(root, "home");
  const dir = join(root, "tesis");
  await succeeds(["new", dir, "--name", "Paradiplomasi Padang"], home);
  const interview = join(root, "wawancara-bappeda.txt");
  const report = join(root, "laporan-tahunan.txt");
  await writeFile(interview, INTERVIEW);
  await writeFile(report, REPORT);
  await succeeds(["import", dir, interview, report], home);
  return { root, home, dir };
}

describe("tandai framework, case and indicators", () => {
  it("adds the Keating template once, codes with indicator ids, and reports the thesis verdict in both languages", async () => {
    const { home, dir } = await project();

    const added = await succeeds(["framework", "add", dir, "keating"], home);
    expect(added).toMatchObject({ ok: true, frameworkId: "keating", changed: true, frameworkAdded: true, kind: "classification" });
    expect(added.createdCodes).toEqual([
      "Motives of paradiplomacy (Keating)",
      "Motives of paradiplomacy (Keating)/Economic motive",
      "Motives of paradiplomacy (Keating)/Cultural motive",
      "Motives of paradiplomacy (Keating)/Political motive",
    ]);
    expect(added.indicators.map((i: { indicatorId: string; codes: unknown[] }) => [i.indicatorId, i.codes.length])).toEqual([
      ["keating.economic", 1],
      ["keating.cultural", 1],
      ["keating.political", 1],
    ]);

    const twice = await succeeds(["framework", "add", dir, "keating"], home);
    expect(twice).toMatchObject({ ok: true, changed: false, frameworkAdded: false, createdCodes: [] });
    const human = await tandai(["framework", "add", dir, "keating"], home);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("already in the project with all its codes; nothing changed");
    expect(await succeeds(["info", dir], home)).toMatchObject({ codes: 4 });

    const created = await succeeds(["case", "add", dir, "Padang – Ba Ria-Vung Tau", "--doc", "wawancara-bappeda", "--doc", "laporan-tahunan"], home);
    expect(created).toMatchObject({ ok: true, name: "Padang – Ba Ria-Vung Tau", created: true, documents: 2 });
    expect(created.assigned.map((d: { title: string }) => d.title)).toEqual(["wawancara-bappeda", "laporan-tahunan"]);
    // Same case, whatever the capitals and accents: reused, nothing assigned twice.
    const reused = await succeeds(["case", "add", dir, "padang – ba ría-vung tau", "--doc", "wawancara-bappeda"], home);
    expect(reused).toMatchObject({ ok: true, caseId: created.caseId, created: false, assigned: [], documents: 2 });
    expect(await succeeds(["info", dir], home)).toMatchObject({ cases: 1 });

    const coded = await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "membuka pasar ekspor hasil perikanan", "--code", "keating.economic"], home);
    expect(coded).toMatchObject({ code: "Motives of paradiplomacy (Keating)/Economic motive", createdCodes: [], stance: "supports" });
    await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "tidak memiliki kedekatan sejarah maupun bahasa", "--code", "keating.cultural", "--stance", "contradicts"], home);
    await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "tidak dimaksudkan untuk memperkuat otonomi politik", "--code", "keating.political", "--stance", "contradicts"], home);
    expect(await succeeds(["info", dir], home)).toMatchObject({ codes: 4, codings: 3 });

    const result = await succeeds(["indicators", dir, "--framework", "keating", "--case", "Padang – Ba Ria-Vung Tau"], home);
    expect(result.cases).toHaveLength(1);
    const [padang] = result.cases;
    expect(padang).toMatchObject({ caseId: created.caseId, name: "Padang – Ba Ria-Vung Tau", documents: 2 });
    expect(padang.frameworks).toHaveLength(1);
    const [keating] = padang.frameworks;
    expect(keating).toMatchObject({ frameworkId: "keating", kind: "classification", name: { en: "Motives of paradiplomacy (Keating)", id: "Motif paradiplomasi (Keating)" } });
    expect(keating.indicators).toEqual([
      expect.objectContaining({ id: "keating.economic", name: { en: "Economic motive", id: "Motif ekonomi" }, computed: "met", effective: "met", supporting: 1, contradicting: 0, documents: 1, hasContradicting: false, override: null }),
      expect.objectContaining({ id: "keating.cultural", computed: "not_met", effective: "not_met", supporting: 0, contradicting: 1, documents: 0, hasContradicting: true, override: null }),
      expect.objectContaining({ id: "keating.political", computed: "not_met", effective: "not_met", supporting: 0, contradicting: 1, documents: 0, hasContradicting: true, override: null }),
    ]);
    expect(keating.verdict).toMatchObject({ kind: "classification", present: ["keating.economic"], dominant: "keating.economic", contested: [], absent: ["keating.cultural", "keating.political"] });
    expect(keating.verdict.sentence).toContain("economic motive present");
    expect(keating.verdict.sentence).toBe("economic motive present; no cultural or political motive");

    const indonesian = await succeeds(["indicators", dir, "--lang", "id"], home);
    expect(indonesian.language).toBe("id");
    expect(indonesian.cases[0].frameworks[0].verdict.sentence).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
    const table = await tandai(["indicators", dir, "--lang", "id"], home);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain("Padang – Ba Ria-Vung Tau × Motif paradiplomasi (Keating)");
    expect(table.stdout).toMatch(/keating\.economic\s+Motif ekonomi\s+terpenuhi/);
    expect(table.stdout).toContain("Kesimpulan: terdapat motif ekonomi; tidak ada motif budaya atau politik");
    const english = await tandai(["indicators", dir], home);
    expect(english.stdout).toMatch(/keating\.cultural\s+Cultural motive\s+not met \(supporting: 0, contradicting: 1, documents: 0; with contradicting evidence\)/);
    expect(english.stdout).toContain("Verdict: economic motive present; no cultural or political motive");
  }, SLOW);

  it("names template codes in the language asked for", async () => {
    const { home, dir } = await project();
    const added = await succeeds(["framework", "add", dir, "kuznetsov", "--lang", "id"], home);
    expect(added.createdCodes[0]).toBe("Kapasitas paradiplomasi (Kuznetsov)");
    expect(added.createdCodes).toContain("Kapasitas paradiplomasi (Kuznetsov)/Penerapan paradiplomasi");
    // The indicator id reaches a code whose name has a "/" in it, which no path could.
    const coded = await succeeds(["code", dir, "--doc", "laporan-tahunan", "--quote", "kunjungan delegasi dagang", "--code", "kuznetsov.causes"], home);
    expect(coded.code).toBe("Kapasitas paradiplomasi (Kuznetsov)/Awal mula kerja sama");
  });

  it("imports a custom framework from JSON, once, and codes against it", async () => {
    const { root, home, dir } = await project();
    const file = join(root, "kepercayaan.json");
    const framework = {
      id: "trust",
      name: { en: "Mutual trust", id: "Saling percaya" },
      kind: "assessment",
      indicators: [
        { id: "trust.visits", name: { en: "Reciprocal visits", id: "Kunjungan timbal balik" } },
        { id: "trust.followup", name: { en: "Follow-up", id: "Tindak lanjut" } },
      ],
      thresholds: { minCodings: 1, minDocuments: 1 },
    };
    await writeFile(file, JSON.stringify(framework, null, 2));
    const imported = await succeeds(["framework", "import", dir, file], home);
    expect(imported).toMatchObject({ ok: true, frameworkId: "trust", kind: "assessment", changed: true, frameworkAdded: true });
    expect(imported.createdCodes).toEqual(["Mutual trust", "Mutual trust/Reciprocal visits", "Mutual trust/Follow-up"]);
    expect(await succeeds(["framework", "import", dir, file], home)).toMatchObject({ changed: false, createdCodes: [] });

    await succeeds(["case", "add", dir, "Padang", "--doc", "laporan-tahunan"], home);
    await succeeds(["code", dir, "--doc", "laporan-tahunan", "--quote", "kunjungan delegasi dagang", "--code", "trust.visits"], home);
    const result = await succeeds(["indicators", dir, "--framework", "trust"], home);
    const [trust] = result.cases[0].frameworks;
    expect(trust.indicators.map((i: { id: string; effective: string }) => [i.id, i.effective])).toEqual([
      ["trust.visits", "met"],
      ["trust.followup", "not_met"],
    ]);
    expect(trust.verdict).toMatchObject({ kind: "assessment", verdict: "not_optimal", unmet: ["trust.followup"] });
    expect(trust.verdict.sentence).toBe("Mutual trust is not optimal: the indicator follow-up is not met");

    // Another framework under the same id is refused, not silently swapped in.
    await writeFile(file, JSON.stringify({ ...framework, kind: "inventory" }));
    expect(await fails(["framework", "import", dir, file], home)).toMatch(/kepercayaan\.json: .*different framework .*“trust”/);
  }, SLOW);

  it("fails with one clear line naming the bad framework file, field or id", async () => {
    const { root, home, dir } = await project();
    const invalid = join(root, "rusak.json");
    await writeFile(invalid, JSON.stringify({ id: "trust", name: { en: "Trust", id: "Percaya" }, kind: "assessment", indicators: [{ id: "other.visits", name: { en: "Visits", id: "Kunjungan" } }] }));
    expect(await fails(["framework", "import", dir, invalid], home)).toBe('tandai: rusak.json is not a valid framework: indicators[0].id: must start with "trust."');
    const badKind = join(root, "jenis.json");
    await writeFile(badKind, JSON.stringify({ id: "trust", name: { en: "Trust", id: "Percaya" }, kind: "ranking", indicators: [{ id: "trust.a", name: { en: "A", id: "A" } }] }));
    expect(await fails(["framework", "import", dir, badKind], home)).toMatch(/^tandai: jenis\.json is not a valid framework: kind: /);
    const notJson = join(root, "bukan.json");
    await writeFile(notJson, "{ id: trust");
    expect(await fails(["framework", "import", dir, notJson], home)).toMatch(/bukan\.json is not valid JSON/);

    const invalidJson = await tandai(["framework", "import", dir, invalid, "--json"], home);
    expect(invalidJson.code).toBe(1);
    expect(json(invalidJson.stdout)).toMatchObject({ ok: false, error: { code: "cli.errors.badFramework", params: { file: "rusak.json", field: "indicators[0].id" } } });

    expect(await fails(["framework", "add", dir, "keatin"], home)).toBe(
      "tandai: There is no built-in framework “keatin”. Built-in frameworks: kuznetsov, keating, stages, obstacles, lecours, duchacek, mukti, sectors.",
    );
    expect(await fails(["framework", "add", dir, "keatin", "--lang", "id"], home)).toMatch(/Tidak ada kerangka analisis bawaan “keatin”.*kuznetsov, keating/);
    expect(await fails(["framework", "remove", dir, "keating"], home)).toMatch(/Unknown command “framework remove”/);
    expect(await succeeds(["info", dir], home)).toMatchObject({ codes: 0 });
  }, SLOW);

  it("fails with one clear line on a bad indicator id, case, framework filter or option", async () => {
    const { home, dir } = await project();
    expect(await fails(["code", dir, "--doc", "laporan-tahunan", "--quote", "kunjungan", "--code", "keating.economic"], home)).toMatch(
      /No code is linked to the indicator “keating\.economic”\. Run tandai framework add <dir> keating/,
    );
    await succeeds(["framework", "add", dir, "keating"], home);
    expect(await fails(["code", dir, "--doc", "laporan-tahunan", "--quote", "kunjungan", "--code", "keating.religious"], home)).toMatch(/“keating\.religious” is not an indicator/);
    expect(await fails(["case", "add", dir, "Padang", "--doc", "hilang"], home)).toMatch(/No document titled or with id “hilang”/);
    expect(await fails(["case", "add", dir], home)).toMatch(/case add needs <name>/);
    expect(await fails(["indicators", dir, "--framework", "kuznetsov"], home)).toMatch(/no framework “kuznetsov”. Its frameworks: keating/);
    expect(await fails(["indicators", dir, "--case", "Surabaya"], home)).toMatch(/No case named “Surabaya”/);
    expect(await fails(["indicators", dir, "--lang", "fr"], home)).toMatch(/--lang must be one of id, en, not “fr”/);
    expect(await fails(["code", dir, "--doc", "a", "--doc", "b", "--quote", "q", "--code", "c"], home)).toMatch(/code takes only one --doc/);
    // The failed commands changed nothing: the Keating codes only, no case, no coding.
    expect(await succeeds(["info", dir], home)).toMatchObject({ codes: 4, cases: 0, codings: 0 });
  }, SLOW);
});
