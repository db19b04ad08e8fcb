import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, SLOW, succeeds, tandai } from "../runCli.js";
import { useTempDirs } from "../tempDirs.js";

const temp = useTempDirs();

const TRANSCRIPT = "Pewawancara: Apa hambatannya? 🤝\r\nNarasumber: Anggaran kami kecil. Penganggaran juga lambat.\r\nPewawancara: Dan bahasa?\r\nNarasumber: Bahasa juga. Anggaran penerjemah tidak ada.\r\n";

async function project() {
  const root = await temp();
  const home = join(root, "home");
  const dir = join(root, "tesis");
  const file = join(root, "wawancara.txt");
  await writeFile(file, TRANSCRIPT);
  await succeeds(["new", dir], home);
  await succeeds(["import", dir, file], home);
  return { home, dir };
}

describe("tandai search and autocode", () => {
  it(
    "prints {total, hits} with exact offsets, scoped to a speaker, and auto-codes one batch with a dry run first",
    async () => {
      const { home, dir } = await project();
      const found = await succeeds(["search", dir, "anggaran"], home);
      expect(found.total).toBe(3);
      expect(found.hits.map((h: { text: string }) => h.text)).toEqual(["Anggaran", "Penganggaran", "Anggaran"]);
      for (const hit of found.hits) expect(TRANSCRIPT.slice(hit.start, hit.end)).toBe(hit.text);
      expect(found.hits[0]).toMatchObject({ document: "wawancara", before: "Narasumber: ", after: " kami kecil. Penganggaran juga lambat." });
      expect((await succeeds(["search", dir, "bahasa", "--speaker", "Pewawancara"], home)).hits.map((h: { text: string }) => h.text)).toEqual(["bahasa"]);
      const human = await tandai(["search", dir, "anggaran", "--no-stem"], home);
      expect(human.stdout).toContain("wawancara (paragraph 2): Narasumber: [Anggaran] kami kecil. Penganggaran juga lambat.");
      expect(human.stdout).toContain("2 hits in 1 document searched.");

      const preview = await succeeds(["autocode", dir, "anggaran", "--code", "Hambatan/Anggaran", "--unit", "sentence", "--dry-run"], home);
      expect(preview).toMatchObject({ count: 3, dryRun: true });
      expect(preview.codings.map((c: { text: string }) => c.text)).toEqual(["Anggaran kami kecil.", "Penganggaran juga lambat.", "Anggaran penerjemah tidak ada."]);
      expect((await succeeds(["info", dir], home)).codings).toBe(0);
      const coded = await succeeds(["autocode", dir, "anggaran", "--code", "Hambatan/Anggaran", "--unit", "sentence", "--coder", "Rina"], home);
      expect(coded).toMatchObject({ count: 3, createdCode: true, code: "Hambatan/Anggaran" });
      expect((await succeeds(["info", dir], home)).codings).toBe(3);
      const again = await tandai(["autocode", dir, "anggaran", "--code", "Anggaran", "--unit", "sentence"], home);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("Coded 0 passages with “Hambatan/Anggaran” (3 already coded, skipped).");
      // Only within passages coded with it, and only outside any coding.
      expect((await succeeds(["search", dir, "anggaran", "--within", "Hambatan/Anggaran"], home)).total).toBe(3);
      expect((await succeeds(["search", dir, "bahasa", "--uncoded"], home)).total).toBe(2);
    },
    SLOW,
  );

  it(
    "fails with one clear line on bad input",
    async () => {
      const { home, dir } = await project();
      expect(await fails(["search", dir], home)).toMatch(/search needs a query/);
      expect(await fails(["search", dir, " "], home)).toMatch(/Type something to search for/);
      expect(await fails(["search", dir, "yang dan"], home)).toMatch(/only very common words/);
      expect(await fails(["search", dir, "(a+", "--regex"], home)).toMatch(/The regular expression \(a\+ is not valid/);
      expect(await fails(["search", dir, "x", "--sort", "random"], home)).toMatch(/--sort must be one of document, after, before/);
      expect(await fails(["autocode", dir, "anggaran"], home)).toMatch(/autocode needs --code/);
      expect(await fails(["autocode", dir, "anggaran", "--code", "X", "--unit", "page"], home)).toMatch(/--unit must be one of word, sentence, paragraph, turn/);
      const json = await tandai(["search", dir, '"anggaran', "--json"], home);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: "search.errors.unclosedQuote" } });
    },
    SLOW,
  );
});
