import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fails, json, SLOW, succeeds, tandai } from "./runCli.js";
import { useTempDirs } from "./tempDirs.js";

const temp = useTempDirs();

describe("tandai doc", () => {
  it(
    "lists, renames and deletes documents named by title or id; delete without --yes refuses and says what would go",
    async () => {
      const root = await temp();
      const dir = join(root, "tesis");
      const home = join(root, "home");
      await succeeds(["new", dir, "--name", "Tesis"], home);
      const a = join(root, "wawancara-bappeda.txt");
      const b = join(root, "mou.txt");
      await writeFile(a, "Anggaran kerja sama terbatas.\nBirokrasi lambat.\n");
      await writeFile(b, "Nota kesepahaman.\n");
      await succeeds(["import", dir, a, b], home);
      await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "Anggaran", "--code", "Hambatan/Anggaran"], home);
      await succeeds(["code", dir, "--doc", "wawancara-bappeda", "--quote", "Birokrasi", "--code", "Hambatan/Birokrasi"], home);

      const listed = await succeeds(["doc", "list", dir], home);
      expect(listed.documents).toHaveLength(2);
      const bappeda = listed.documents.find((d: { title: string }) => d.title === "wawancara-bappeda");
      expect(bappeda).toMatchObject({ type: "txt", characters: 48, codings: 2, groups: [] });
      expect(typeof bappeda.id).toBe("string");
      const human = await tandai(["doc", "list", dir], home);
      expect(human.stdout).toContain("2 documents in Tesis:");
      expect(human.stdout).toMatch(/wawancara-bappeda {2}\(txt, 48 characters, 2 codings; groups: –\)/);

      const renamed = await succeeds(["doc", "rename", dir, bappeda.id, "Wawancara", "Bappeda", "Padang"], home);
      expect(renamed).toMatchObject({ old: "wawancara-bappeda", title: "Wawancara Bappeda Padang", changed: true });
      expect((await tandai(["doc", "rename", dir, "mou", "Nota kesepahaman"], home)).stdout).toContain("Renamed “mou” to “Nota kesepahaman”.");

      // Without --yes: the truth about what would go, exit 1, nothing deleted.
      const refused = await fails(["doc", "delete", dir, "Wawancara Bappeda Padang"], home);
      expect(refused).toBe("tandai: Deleting “Wawancara Bappeda Padang” would also delete 2 codings and 0 memos. Run again with --yes to delete it.");
      expect((await succeeds(["info", dir], home)).documents).toBe(2);
      const indonesian = await tandai(["doc", "delete", dir, "Wawancara Bappeda Padang", "--lang", "id"], home);
      expect(indonesian.code).toBe(1);
      expect(indonesian.stderr).toContain("juga akan menghapus 2 pengodean dan 0 memo");

      const deleted = await tandai(["doc", "delete", dir, "wawancara bappeda padang", "--yes"], home);
      expect(deleted.code).toBe(0);
      expect(deleted.stdout).toContain("Deleted “Wawancara Bappeda Padang” with 2 codings and 0 memos.");
      expect(await succeeds(["info", dir], home)).toMatchObject({ documents: 1, codings: 0 });

      expect(await fails(["doc", "delete", dir, "missing", "--yes"], home)).toMatch(/No document titled or with id “missing”/);
      expect(await fails(["doc", "rename", dir, "Nota kesepahaman"], home)).toMatch(/needs the new title/);
      expect(await fails(["doc", "frob", dir], home)).toMatch(/frob/);
      expect((await tandai(["--help"], home)).stdout).toContain("tandai doc delete <dir> <title|id> [--yes]");
      expect(json((await tandai(["doc", "list", dir, "--json"], home)).stdout).documents[0].title).toBe("Nota kesepahaman");
    },
    SLOW,
  );

  it(
    "groups documents and exports only a group's documents, saying so in the report",
    async () => {
      const root = await temp();
      const dir = join(root, "p");
      const home = join(root, "home");
      await succeeds(["new", dir], home);
      const a = join(root, "wawancara.txt");
      const b = join(root, "mou.txt");
      await writeFile(a, "Anggaran kerja sama terbatas.\n");
      await writeFile(b, "Anggaran tidak dialokasikan.\n");
      await succeeds(["import", dir, a, b], home);
      await succeeds(["code", dir, "--doc", "wawancara", "--quote", "Anggaran kerja sama", "--code", "Hambatan/Anggaran"], home);
      await succeeds(["code", dir, "--doc", "mou", "--quote", "tidak dialokasikan", "--code", "Hambatan/Anggaran"], home);
      const created = await tandai(["doc", "group", dir, "Wawancara", "wawancara"], home);
      expect(created.stdout).toContain("Created the document group “Wawancara” with 1 document.");
      expect(await succeeds(["doc", "group", dir, "wawancara", "wawancara", "mou"], home)).toMatchObject({ created: false, documents: 2, added: [{ title: "mou" }] });
      expect((await succeeds(["doc", "list", dir], home)).documents.map((d: { groups: string[] }) => d.groups)).toEqual([["Wawancara"], ["Wawancara"]]);
      await succeeds(["doc", "group", dir, "Dokumen resmi", "mou"], home);

      const out = join(root, "laporan.md");
      await succeeds(["export", dir, "--format", "md", "--out", out, "--group", "Dokumen resmi"], home);
      const md = await readFile(out, "utf8");
      expect(md).toContain("Document groups: Dokumen resmi");
      expect(md).toContain("tidak dialokasikan");
      expect(md).not.toContain("Anggaran kerja sama");
      expect(await fails(["export", dir, "--format", "md", "--out", out, "--group", "Nope"], home)).toBe("tandai: No document group named “Nope”. The project's groups: Dokumen resmi, Wawancara.");
    },
    SLOW,
  );

  it(
    "keeps a slash typed as \\/ inside one code name, and a bare slash as a level",
    async () => {
      const root = await temp();
      const dir = join(root, "p");
      const home = join(root, "home");
      await succeeds(["new", dir], home);
      const a = join(root, "a.txt");
      await writeFile(a, "Pro dan kontra. Anggaran.\n");
      await succeeds(["import", dir, a], home);
      const literal = await succeeds(["code", dir, "--doc", "a", "--quote", "Pro dan kontra", "--code", "Pro\\/Kontra"], home);
      expect(literal).toMatchObject({ code: "Pro\\/Kontra", createdCodes: ["Pro\\/Kontra"] });
      const path = await succeeds(["code", dir, "--doc", "a", "--quote", "Anggaran", "--code", "Hambatan/Anggaran"], home);
      expect(path.createdCodes).toEqual(["Hambatan", "Hambatan/Anggaran"]);
      expect((await succeeds(["info", dir], home)).codes).toBe(3);
    },
    SLOW,
  );
});
