import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { reportToDocx } from "../../../electron/export/docx.js";
import { longReport } from "./longReport.js";
import { sampleReport } from "./sampleReport.js";

/**
 * The docx library numbers heading bookmarks (`_Toc1`, …) and pictures from counters it keeps across documents,
 * so two documents built in one process differ there only: numbered here in order of appearance
 * (the bookmark's name and id both; which name goes with which id stays checked by the order).
 */
function renumberBookmarks(xml: string): string {
  const renumber = (pattern: RegExp, write: (n: number) => string) => {
    const numbers = new Map<string, number>();
    xml = xml.replace(pattern, (_, n: string) => write(numbers.get(n) ?? numbers.set(n, numbers.size + 1).get(n)!));
  };
  renumber(/_Toc(\d+)/g, (n) => `_Toc${n}`);
  renumber(/<w:bookmark(?:Start w:name="[^"]*"|End) w:id="(\d+)"/g, (n) => `<w:bookmark w:id="${n}"`);
  renumber(/<wp:docPr id="(\d+)"/g, (n) => `<wp:docPr id="${n}"`);
  renumber(/<pic:cNvPr id="(\d+)"/g, (n) => `<pic:cNvPr id="${n}"`);
  return xml;
}

/** Each part of the .docx as text, the dates of docProps/core.xml (the moment it was written) taken out. */
async function parts(docx: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)!.async("string");
    out.set(name, name === "docProps/core.xml" ? text.replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1>") : renumberBookmarks(text));
  }
  return out;
}

/** Where two texts first differ, with some of each around it (a whole document.xml is too long to read in a failure). */
function firstDifference(actual: string, expected: string): { at: number; actual: string; expected: string } | null {
  if (actual === expected) return null;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  return { at, actual: actual.slice(Math.max(0, at - 120), at + 120), expected: expected.slice(Math.max(0, at - 120), at + 120) };
}

describe("the streamed .docx report", () => {
  it("writes the same parts, byte for byte, as the docx library writing every quote itself", async () => {
    const report = longReport();
    expect(report.blocks.length).toBeGreaterThan(400);
    const [library, streamed] = await Promise.all([reportToDocx(report, { stream: false }), reportToDocx(report, { stream: true })]);
    const expected = await parts(library);
    const actual = await parts(streamed);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [name, text] of expected) expect(firstDifference(actual.get(name)!, text), name).toBeNull();
    // And the quotes are all there (the placeholders all replaced).
    const body = actual.get("word/document.xml")!;
    expect(body).not.toContain("\uE000");
    expect(body.match(/<w:pStyle w:val="Quote"\/>/g)?.length).toBe(report.blocks.filter((b) => b.type === "quote").length);
  });

  it("is what a long report gets by default, and a short one is left to the library", async () => {
    const long = await parts(await reportToDocx(longReport()));
    expect(long.get("word/document.xml")).toContain("#449");
    const short = sampleReport();
    expect(short.blocks.length).toBeLessThanOrEqual(400);
    // The short report has its table of contents' page numbers laid out (only the library path does).
    const body = (await parts(await reportToDocx(short))).get("word/document.xml")!;
    expect(body).toMatch(/PAGEREF[^<]*<\/w:instrText>/);
  });
});
