import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { interviewProject } from "./fixtures.js";

const temp = useTempDirs();

describe("tandai agreement", () => {
  it(
    "reports percent agreement, kappa and alpha per code between two coders, at paragraph and character unit",
    async () => {
      const root = await temp();
      const { home, dir, code } = await interviewProject(root);
      await code("peluang investasi", "Motif/Ekonomi", "Ayu");
      await code("Kerja sama ini dimulai", "Motif/Ekonomi", "Budi");
      await code("Pertukaran budaya", "Motif/Budaya", "Ayu");
      await code("Anggaran daerah terbatas", "Motif/Ekonomi", "Budi");

      const report = await succeeds(["agreement", dir, "--coders", "Ayu,Budi"], home);
      expect(report).toMatchObject({ ok: true, coders: ["Ayu", "Budi"], unit: "paragraph", excludeUncoded: false, documents: [{ title: "Wawancara" }], skippedDocuments: [] });
      const byName = Object.fromEntries(report.codes.map((c: { code: string }) => [c.code, c]));
      // Ekonomi: both on paragraph 1, Budi alone on 3, neither on 2 and 4.
      expect(byName["Motif/Ekonomi"]).toMatchObject({ units: 4, percentAgreement: 0.75 });
      expect(byName["Motif/Ekonomi"].kappa).toBeCloseTo(0.5, 12);
      expect(byName["Motif/Budaya"]).toMatchObject({ units: 4, percentAgreement: 0.75, kappa: 0 });
      expect(report.overall.units).toBe(8);
      expect(report.disagreements).toHaveLength(2);
      expect(report.disagreements[0]).toMatchObject({ document: "Wawancara", code: "Motif/Ekonomi" });

      const only = await succeeds(["agreement", dir, "--coders", "Ayu,Budi", "--codes", "Motif/Budaya", "--unit", "character", "--exclude-uncoded"], home);
      expect(only.codes).toHaveLength(1);
      expect(only.codes[0]).toMatchObject({ code: "Motif/Budaya", units: "Pertukaran budaya".length, percentAgreement: 0 });

      const human = await tandai(["agreement", dir, "--coders", "Ayu,Budi"], home);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain("Agreement between Ayu, Budi; unit: paragraph; uncoded units included.");
      expect(human.stdout).toContain("“Motif/Ekonomi”: 4 units, agreement 75.0 %, kappa 0.500, alpha 0.533");
      const indonesian = await tandai(["agreement", dir, "--coders", "Ayu,Budi", "--exclude-uncoded"], home, "id_ID.UTF-8");
      expect(indonesian.stdout).toContain("unit yang tidak dikodekan pengode mana pun dikeluarkan");

      // The report as a workbook and as a Word document, with the other exports' writers.
      const xlsx = join(root, "kesepakatan.xlsx");
      await succeeds(["agreement", dir, "--coders", "Ayu,Budi", "--out", xlsx], home);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(xlsx);
      const sheet = workbook.getWorksheet("Agreement")!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["Code", "Units", "Agreement", "Cohen's κ", "Krippendorff's α"]);
      expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(["Motif/Ekonomi", 4, 0.75, 0.5, 0.533]);
      const docx = join(root, "kesepakatan.docx");
      const written = await tandai(["agreement", dir, "--coders", "Ayu,Budi", "--out", docx], home);
      expect(written.stdout).toContain(`Agreement report written to “${docx}”.`);
      const xml = await (await JSZip.loadAsync(await readFile(docx))).file("word/document.xml")!.async("string");
      expect(xml).toContain("Krippendorff");
      expect(xml).toContain("Motif/Ekonomi");
      expect(await fails(["agreement", dir, "--coders", "Ayu,Budi", "--out", join(root, "k.pdf")], home)).toBe("tandai: --out must end in .docx, .xlsx, .csv, .md or .html, not “k.pdf”.");
      // The same export writes the table as CSV (what the app's Export dialog writes, one path).
      const csv = join(root, "kesepakatan.csv");
      await succeeds(["agreement", dir, "--coders", "Ayu,Budi", "--out", csv], home);
      expect((await readFile(csv, "utf8")).split("\r\n")[2]).toBe("Motif/Ekonomi,4,0.75,0.5,0.533");

      expect(await fails(["agreement", dir, "--coders", "Ayu,Citra"], home)).toBe("tandai: No coding in this project was made by the coder “Citra”. Coders in this project: Ayu, Budi.");
      expect(await fails(["agreement", dir, "--coders", "Ayu"], home)).toContain("Agreement needs two or more coders");
      expect(await fails(["agreement", dir], home)).toContain("agreement needs the coders to compare");
      expect(await fails(["agreement", dir, "--coders", "Ayu,Budi", "--unit", "word"], home)).toBe("tandai: --unit must be one of paragraph, sentence, character, not “word”.");
      expect(await fails(["agreement", dir, "--coders", "Ayu,Budi", "--categories", "Motif/Ekonomi"], home)).toContain("has no child codes");
    },
    SLOW,
  );

  it(
    "compares a parent's children as one nominal variable with --categories",
    async () => {
      const root = await temp();
      const { home, dir, code } = await interviewProject(root);
      await code("peluang investasi", "Motif/Ekonomi", "Ayu");
      await code("peluang investasi", "Motif/Ekonomi", "Budi");
      await code("Pertukaran budaya", "Motif/Budaya", "Ayu");
      await code("Pertukaran budaya", "Motif/Ekonomi", "Budi");
      await code("Anggaran daerah", "Motif/Ekonomi", "Ayu");
      const report = await succeeds(["agreement", dir, "--coders", "Ayu,Budi", "--categories", "Motif"], home);
      // Paragraph 1 agrees, 2 differs, 3 has Ayu's value only (Budi missing), 4 nobody.
      expect(report).toMatchObject({ categories: "Motif", codes: [], conflicts: 0 });
      expect(report.overall).toMatchObject({ units: 2, percentAgreement: 0.5 });
    },
    SLOW,
  );
});
