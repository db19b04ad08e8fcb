import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument, MAX_IMPORT_BYTES, readImportFile } from "../../../electron/import/index.js";
import { catalogues, TandaiError, translate } from "../../../shared/index.js";
import { expectImportError, utf8 } from "./fixtures.js";

describe("importDocument dispatch", () => {
  it("refuses unsupported extensions, naming the file", async () => {
    for (const name of ["lama.doc", "tabel.xlsx", "catatan.rtf", "README", "arsip.txt.zip"]) {
      await expectImportError(importDocument(name, utf8("teks")), "import.errors.unsupported", name);
    }
  });

  it("titles a document by its file name without the extension, ignoring any folder", async () => {
    expect((await importDocument("Wawancara N3 (final).v2.txt", utf8("halo"))).title).toBe("Wawancara N3 (final).v2");
    expect((await importDocument("C:\\data\\Transkrip.TXT", utf8("halo"))).title).toBe("Transkrip");
    expect((await importDocument(".txt", utf8("halo"))).title).toBe(".txt");
  });

  it("names the file, not its folder, in errors", async () => {
    await expectImportError(importDocument("/home/dina/skripsi/kosong.md", new Uint8Array()), "import.errors.empty", "kosong.md");
  });

  it("refuses bytes over the limit", async () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    const error = await expectImportError(importDocument("besar.txt", new Uint8Array(MAX_IMPORT_BYTES + 1)), "import.errors.tooLarge", "besar.txt");
    expect(error.params).toMatchObject({ size: "50.0", max: 50 });
  });
});

describe("readImportFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tandai-import-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a file and returns its base name and bytes", async () => {
    const path = join(dir, "wawancara.txt");
    await writeFile(path, "P: Halo\nN: Bà Rịa–Vũng Tàu\n");
    const file = await readImportFile(path);
    expect(file.name).toBe("wawancara.txt");
    expect(new TextDecoder().decode(file.data)).toBe("P: Halo\nN: Bà Rịa–Vũng Tàu\n");
    const doc = await importDocument(file.name, file.data);
    expect(doc.content.blocks).toHaveLength(2);
  });

  it("refuses a 200 MB file by its size, without reading it", async () => {
    const path = join(dir, "raksasa.pdf");
    await writeFile(path, "");
    await truncate(path, 200 * 1024 * 1024); // sparse: takes no disk space
    const started = performance.now();
    const error = await expectImportError(readImportFile(path), "import.errors.tooLarge", "raksasa.pdf");
    expect(error.params).toMatchObject({ size: "200.0", max: 50 });
    // Reading 200 MB of zeros would take far longer than a stat.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("accepts a file of exactly the limit", async () => {
    const path = join(dir, "pas.txt");
    await writeFile(path, "");
    await truncate(path, MAX_IMPORT_BYTES);
    expect((await readImportFile(path)).data.byteLength).toBe(MAX_IMPORT_BYTES);
  });

  it("refuses a folder and a missing file, naming them", async () => {
    await mkdir(join(dir, "folder.txt"));
    await expectImportError(readImportFile(join(dir, "folder.txt")), "import.errors.notAFile", "folder.txt");
    await expectImportError(readImportFile(join(dir, "hilang.docx")), "import.errors.notFound", "hilang.docx");
  });

  it.skipIf(process.platform === "win32")("refuses a named pipe without opening it (opening one waits for a writer forever)", async () => {
    const path = join(dir, "pipa.txt");
    execFileSync("mkfifo", [path]);
    const outcome = await Promise.race([readImportFile(path).then(() => "read", (e: unknown) => e), new Promise((resolve) => setTimeout(resolve, 3000, "hung"))]);
    expect(outcome).toBeInstanceOf(TandaiError);
    expect(outcome).toMatchObject({ code: "import.errors.notAFile", params: { file: "pipa.txt" } });
  });
});

describe("import error messages", () => {
  const keys = Object.keys(catalogues.en.import.errors);

  it("exist in both languages with the same keys", () => {
    expect(keys.length).toBeGreaterThan(0);
    expect(Object.keys(catalogues.id.import.errors).sort()).toEqual([...keys].sort());
  });

  it.each(keys)("%s names the file and uses the same placeholders in both languages", (key) => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const en = catalogues.en.import.errors[key as keyof typeof catalogues.en.import.errors];
    const id = catalogues.id.import.errors[key as keyof typeof catalogues.id.import.errors];
    expect(placeholders(en)).toContain("file");
    expect(placeholders(id)).toEqual(placeholders(en));
    expect(en).not.toBe(id);
    const message = translate("id", `import.errors.${key}`, { file: "wawancara.docx", size: "200.0", max: 50, detail: "x", encoding: "UTF-8", count: 3, title: "Wawancara", seconds: 60, ratio: 1000, line: 3 });
    expect(message).toContain("“wawancara.docx”");
    expect(message).not.toContain("{{");
  });

  it("the error a user meets reads in full", async () => {
    const error = await expectImportError(importDocument("pindaian.txt", new Uint8Array([0, 1, 2, 3, 0, 0, 9, 0])), "import.errors.notText", "pindaian.txt");
    expect(translate("en", error.code, error.params)).toBe(
      "“pindaian.txt” does not look like text: it contains binary data. If it is a Word or PDF file, give it the right extension (.docx, .pdf); otherwise save it as plain text (UTF-8) and import it again.",
    );
  });
});
