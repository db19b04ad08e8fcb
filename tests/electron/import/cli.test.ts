import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";
import { manyParagraphsDocx } from "./hostile.js";

const temp = useTempDirs();
const KOI8R = Buffer.from("f0d2c9d7c5d42c20d120d3d4d5c4c5ced420c9da20e9cec4cfcec5dac9c92e", "hex");

describe("tandai import", () => {
  it(
    "refuses a file whose text is already in the project unless --allow-duplicate, and says which document",
    async () => {
      const root = await temp();
      const [dir, home] = [join(root, "tesis"), join(root, "home")];
      await succeeds(["new", dir], home);
      const first = join(root, "wawancara.txt");
      const copy = join(root, "salinan.txt");
      await writeFile(first, "P: Halo\nN: Selamat pagi\n");
      await writeFile(copy, "P: Halo\nN: Selamat pagi\n");
      await succeeds(["import", dir, first], home);
      const refused = await tandai(["import", dir, copy], home);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("Could not import salinan.txt: “salinan.txt” has exactly the same text as “wawancara”");
      expect(refused.stdout).toContain("0 of 1 file imported.");
      expect(await succeeds(["import", dir, copy, "--allow-duplicate"], home)).toMatchObject({ imported: 1 });
    },
    SLOW,
  );

  it(
    "says which encoding it assumed, and reads the file in the one given with --encoding",
    async () => {
      const root = await temp();
      const [dir, home] = [join(root, "tesis"), join(root, "home")];
      await succeeds(["new", dir], home);
      const file = join(root, "rusia.txt");
      await writeFile(file, KOI8R);
      const guessed = await tandai(["import", dir, file], home);
      expect(guessed.code).toBe(0);
      expect(guessed.stderr).toContain("“rusia.txt” did not say how its text is encoded; it was read as KOI8-R.");
      const chosen = await tandai(["import", dir, file, "--encoding", "windows-1251", "--json"], home);
      expect(chosen.code).toBe(0);
      expect(json(chosen.stdout).outcomes[0]).toMatchObject({ ok: true, encoding: "windows-1251" });
      expect(chosen.stderr).toBe("");
      const unknown = await tandai(["import", dir, file, "--encoding", "klingon"], home);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("could not be read as “klingon”: no such text encoding");
    },
    SLOW,
  );

  it(
    "fails a hostile file alone and imports the rest (parsed on the import worker)",
    async () => {
      const root = await temp();
      const [dir, home] = [join(root, "tesis"), join(root, "home")];
      await succeeds(["new", dir], home);
      const hostile = join(root, "paragraf.docx");
      const good = join(root, "baik.txt");
      await writeFile(hostile, await manyParagraphsDocx(250_000));
      await writeFile(good, "Teks yang baik.\n");
      const run = await tandai(["import", dir, hostile, good, "--json"], home);
      expect(run.code).toBe(1);
      const report = json(run.stdout);
      expect(report).toMatchObject({ imported: 1, total: 2 });
      expect(report.outcomes[0]).toMatchObject({ file: "paragraf.docx", ok: false, error: { code: "import.errors.tooManyParagraphs" } });
      expect(report.outcomes[0].message).toContain("“paragraf.docx” has too many paragraphs");
    },
    SLOW,
  );
});
