import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, json, SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

const TRANSCRIPT = "Indonesia memandang ASEAN sebagai pilar.\nKerja sama ekonomi dengan Vietnam, dan ASEAN lagi.\n";

async function projectWithTranscript(root: string, name: string, home: string) {
  const dir = join(root, name);
  await succeeds(["new", dir], home);
  const transcript = join(root, "wawancara.txt");
  await writeFile(transcript, TRANSCRIPT);
  await succeeds(["import", dir, transcript], home);
  return dir;
}

/** The export's codings table, minus the columns that differ between projects (none should). */
async function exportedCodings(dir: string, home: string, out: string, lang = "en_US.UTF-8") {
  const run = await tandai(["export", dir, "--format", "csv", "--table", "codings", "--out", out], home, lang);
  expect(run.code, run.stderr).toBe(0);
  return (await readFile(out, "utf8")).split("\r\n").map((line) => line.split(",").filter((_, i) => i !== 13)); // all but "Coded at"
}

describe("tandai code --from", () => {
  it(
    "moves a project's codings: the export's CSV (in either language) applied to another project gives the same table",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const source = await projectWithTranscript(root, "sumber", home);
      await succeeds(["code", source, "--doc", "wawancara", "--quote", "ASEAN", "--occurrence", "2", "--code", "Kawasan/ASEAN", "--stance", "contradicts", "--coder", "Rani"], home);
      await succeeds(["code", source, "--doc", "wawancara", "--quote", "Kerja sama ekonomi", "--code", "Ekonomi", "--coder", "Budi"], home);

      for (const lang of ["en_US.UTF-8", "id_ID.UTF-8"]) {
        const target = await projectWithTranscript(root, `tujuan-${lang}`, home);
        const file = join(root, `codings-${lang}.csv`);
        const before = await exportedCodings(source, home, file, lang);
        const applied = await succeeds(["code", target, "--from", file], home);
        expect(applied).toMatchObject({ ok: true, applied: 2, total: 2, failed: 0, createdCodes: ["Ekonomi", "Kawasan", "Kawasan/ASEAN"] });
        expect(await exportedCodings(target, home, join(root, `again-${lang}.csv`), lang)).toEqual(before);
      }
    },
    SLOW,
  );

  it(
    "applies nothing from a file with a bad row, naming each row and why; --skip-errors applies the rest and still exits 1",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const dir = await projectWithTranscript(root, "tesis", home);
      const file = join(root, "codings.jsonl");
      await writeFile(
        file,
        [
          JSON.stringify({ doc: "wawancara", quote: "Vietnam", code: "Ekonomi", memo: "mitra utama" }),
          JSON.stringify({ doc: "wawancara", quote: "Jepang", code: "Ekonomi" }),
          JSON.stringify({ doc: "wawancara", start: 0, end: 9, code: "Aktor", stance: "supports", coder: "Rani" }),
          "{oops",
        ].join("\n"),
      );
      const refused = await tandai(["code", dir, "--from", file], home);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split("\n")).toEqual([
        "tandai: codings.jsonl, row 2: “Jepang” does not occur in “wawancara”. Copy the words exactly as they stand in the document.",
        expect.stringMatching(/^tandai: codings\.jsonl, row 4: the line is not valid JSON/),
        "tandai: Nothing applied: 2 of 4 rows of codings.jsonl have errors. Fix them, or pass --skip-errors to apply the other rows.",
      ]);
      expect(await succeeds(["info", dir], home)).toMatchObject({ codings: 0, codes: 0 });

      const skipped = await tandai(["code", dir, "--from", file, "--skip-errors", "--json"], home);
      expect(skipped.code).toBe(1);
      const report = json(skipped.stdout);
      expect(report).toMatchObject({ ok: false, applied: 2, total: 4, failed: 2, createdCodes: ["Ekonomi", "Aktor"] });
      expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
        [2, "errors.quote.notFound"],
        [4, "codeFrom.errors.badJson"],
      ]);
      expect(await succeeds(["info", dir], home)).toMatchObject({ codings: 2, codes: 2 });
    },
    SLOW,
  );

  it(
    "refuses a file it cannot use with one line naming it",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const dir = await projectWithTranscript(root, "tesis", home);
      const typo = join(root, "typo.csv");
      await writeFile(typo, "doc,qoute,code\nwawancara,ASEAN,Ekonomi\n");
      expect(await fails(["code", dir, "--from", typo], home)).toBe(
        "tandai: “typo.csv” has a column “qoute” that Tandai does not know. The columns are: doc, quote, occurrence, start, end, code, stance, coder, memo, created (or those of the codings table of an export).",
      );
      expect(await fails(["code", dir, "--from", join(root, "missing.csv")], home)).toMatch(/^tandai: Could not read “.*missing\.csv”: ENOENT/);
      expect(await fails(["code", dir, "--from", join(root, "codings.xlsx")], home)).toBe("tandai: “codings.xlsx” is neither .csv nor .jsonl: name the file codings.csv or codings.jsonl.");
      expect(await fails(["code", dir, "--from", typo, "--quote", "ASEAN"], home)).toBe("tandai: --from codes the rows of a file; it does not take --quote (put it in the file's columns).");
    },
    SLOW,
  );
});
