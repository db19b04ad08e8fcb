import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

/** The command's stdout, which must have succeeded. */
async function out(args: string[], home: string): Promise<string> {
  const run = await tandai(args, home);
  expect(run.code, `${args.join(" ")}\n${run.stderr}`).toBe(0);
  return run.stdout;
}

describe("tandai's English counts", () => {
  it(
    "agree with their number: one document, code, coding, hit and row in the singular, two in the plural",
    async () => {
      const root = await temp();
      const home = join(root, "home");
      const dir = join(root, "tesis");
      const interview = join(root, "wawancara.txt");
      const report = join(root, "laporan.txt");
      await writeFile(interview, "Kerja sama ini didorong oleh motif ekonomi.\n");
      await writeFile(report, "Laporan dinas menyebut motif ekonomi dan budaya.\n");
      await succeeds(["new", dir, "--name", "Tesis"], home);

      // Soft: a wrong line does not hide the ones after it.
      // One of each.
      const imported = await out(["import", dir, interview, "--case", "Padang"], home);
      expect.soft(imported).toContain("1 of 1 file imported.\n");
      expect.soft(imported).toContain("1 imported document assigned to: Padang.\n");
      await succeeds(["code", dir, "--doc", "wawancara", "--quote", "motif ekonomi", "--code", "Motive"], home);
      expect.soft(await out(["info", dir], home)).toBe("Tesis: 1 document, 1 code, 1 coding, 1 case.\n");
      expect.soft(await out(["search", dir, "ekonomi"], home)).toContain("\n1 hit in 1 document searched.\n");
      expect.soft(await out(["autocode", dir, "budaya OR ekonomi", "--code", "Economic", "--unit", "word", "--dry-run"], home)).toContain(
        "Would code 1 passage with “Economic” (0 already coded, would be skipped); nothing was changed (--dry-run).\n",
      );
      const rows = join(root, "codings.csv");
      await writeFile(rows, "doc,quote,code\nwawancara,Kerja sama,Cooperation\n");
      expect.soft(await out(["code", dir, "--from", rows], home)).toContain("Coded 1 row of codings.csv as one change (one undo step).\n");

      // Two of each, and still one case.
      expect.soft(await out(["import", dir, report], home)).toContain("1 of 1 file imported.\n");
      // Both already imported: refused as duplicates, and the summary counts the two files.
      expect.soft((await tandai(["import", dir, report, interview], home)).stdout).toMatch(/^0 of 2 files imported\.$/m);
      await succeeds(["code", dir, "--doc", "laporan", "--quote", "motif ekonomi", "--code", "Motive"], home);
      expect.soft(await out(["info", dir], home)).toBe("Tesis: 2 documents, 2 codes, 3 codings, 1 case.\n");
      expect.soft(await out(["search", dir, "ekonomi"], home)).toContain("\n2 hits in 2 documents searched.\n");
      expect.soft(await out(["autocode", dir, "budaya OR ekonomi", "--code", "Economic", "--unit", "word"], home)).toContain("Coded 3 passages with “Economic” (0 already coded, skipped).\n");
    },
    SLOW,
  );
});
