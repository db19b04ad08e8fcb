import { describe, expect, it } from "vitest";
import { packBlocks, unpackBlocks } from "../../../electron/import/packedBlocks.js";
import { ImportWorker } from "../../../electron/import/inWorker.js";
import { importDocument } from "../../../electron/import/index.js";
import { offset, type Block } from "../../../shared/index.js";
import { textPdf, utf8 } from "./fixtures.js";

const WORKER = new URL("../../../dist/electron/importWorker.mjs", import.meta.url);

describe("blocks packed into numbers for the trip back from the import thread", () => {
  it("come back as the same objects: headings with levels, pages, and no key where there was none", () => {
    const blocks: Block[] = [
      { start: offset(0), end: offset(5), kind: "heading", level: 2 },
      { start: offset(6), end: offset(20), kind: "paragraph" },
      { start: offset(21), end: offset(30), kind: "paragraph", page: 3 },
      { start: offset(31), end: offset(2_000_000_000), kind: "heading", level: 6, page: 10_000 },
    ];
    const packed = packBlocks(blocks);
    expect(packed.length).toBe(20);
    const back = unpackBlocks(packed);
    expect(back).toEqual(blocks);
    expect(Object.keys(back[1]!)).toEqual(["start", "end", "kind"]);
    expect(unpackBlocks(packBlocks([]))).toEqual([]);
  });

  it("a PDF's pages and a Markdown file's headings arrive from the thread as the main thread makes them", async () => {
    const worker = new ImportWorker(WORKER);
    try {
      const pdf = await textPdf([["Halaman satu."], ["Halaman dua."]]);
      expect(await worker.run("dua.pdf", pdf)).toEqual(await importDocument("dua.pdf", pdf));
      const md = utf8("# Bab 1\n\nKerja sama.\n\n### Bagian\nSister city.\n");
      expect(await worker.run("bab.md", md)).toEqual(await importDocument("bab.md", md));
    } finally {
      await worker.close();
    }
  });
});
