import { describe, expect, it } from "vitest";
import { importDocument } from "../../../electron/import/index.js";
import { ImportWorker } from "../../../electron/import/inWorker.js";
import { expectImportError, interviewDocx, utf8 } from "./fixtures.js";
import { minimalDocx, wordParagraph } from "./hostile.js";

/** The worker as `npm run build` bundles it (the unit tests' global setup builds it first). */
const WORKER = new URL("../../../dist/electron/importWorker.mjs", import.meta.url);

/** Text that needs far more heap than 64 MB to import: 900k short lines, each a block. */
const heavy = () => utf8("abc\n".repeat(900_000));

describe("imports on a worker thread", () => {
  it("imports as the main thread does", async () => {
    const worker = new ImportWorker(WORKER);
    try {
      const bytes = await interviewDocx();
      expect(await worker.run("Wawancara.docx", bytes)).toEqual(await importDocument("Wawancara.docx", bytes));
      await expectImportError(worker.run("kosong.txt", new Uint8Array()), "import.errors.empty", "kosong.txt");
    } finally {
      await worker.close();
    }
  });

  it("ends the thread after a large file (its garbage freed before the document is written) and goes on with a fresh one", async () => {
    const worker = new ImportWorker(WORKER);
    try {
      const line = "Kerja sama sister city Padang dengan Vũng Tàu dimulai tahun 2010.\n";
      const big = await worker.run("besar.txt", utf8(line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))));
      expect(big.content.text.startsWith(line)).toBe(true);
      expect((await worker.run("kecil.txt", utf8("Halo"))).content.text).toBe("Halo");
    } finally {
      await worker.close();
    }
  });

  it("stops a file that exhausts its heap ceiling, naming it, and imports the next file on a fresh thread", async () => {
    const worker = new ImportWorker(WORKER, { memoryMb: 64, timeoutMs: 60_000 });
    try {
      const error = await expectImportError(worker.run("raksasa.txt", heavy()), "import.errors.outOfMemory", "raksasa.txt");
      expect(error.params.max).toBe(64);
      const next = await worker.run("wawancara.txt", utf8("P: Halo\nN: Selamat pagi\n"));
      expect(next.content.blocks).toHaveLength(2);
    } finally {
      await worker.close();
    }
  });

  it("stops a file that takes longer than the time limit, naming it, and goes on", async () => {
    const worker = new ImportWorker(WORKER, { memoryMb: 512, timeoutMs: 200 });
    try {
      const slow = await minimalDocx(Array.from({ length: 20_000 }, (_, i) => wordParagraph(`Paragraf ${i}`)).join(""));
      const error = await expectImportError(worker.run("lambat.docx", slow), "import.errors.tooSlow", "lambat.docx");
      expect(error.params.seconds).toBe(0.2);
      expect((await worker.run("cepat.txt", utf8("Halo"))).content.text).toBe("Halo");
    } finally {
      await worker.close();
    }
  });
});
