import { describe, expect, it } from "vitest";
import { linesToBlocks, locationOf } from "../../shared/index.js";

const texts = (text: string) => linesToBlocks(text).map((b) => text.slice(b.start, b.end));

describe("linesToBlocks", () => {
  it("keeps a transcript's lines (speaker turns) apart, CRLF, CR and LF alike, skipping blank lines", () => {
    const text = "Pewawancara: Apa motifnya?\r\nNarasumber: Ekonomi.\rNarasumber: Dan budaya\n\n  \nPewawancara: Terima kasih.";
    expect(texts(text)).toEqual(["Pewawancara: Apa motifnya?", "Narasumber: Ekonomi.", "Narasumber: Dan budaya", "Pewawancara: Terima kasih."]);
  });

  it("reflows double-spaced text extracted from a PDF into paragraphs, keeping the text verbatim", () => {
    const lines = [
      "ABSTRACT",
      "This research analyzed the interests of the Padang City Government in",
      "establishing a Sister City Cooperation with Ba Ria-Vung Tau Province (Vietnam).",
      "The Padang City Government had carried out cooperation since the signing of the",
      "Memorandum of Understanding (MoU) in 2016. This cooperation involved sub-",
      "state actors in international relations activities, which was included in the",
      "paradiplomacy phenomenon as an effort to fulfill regional interests in advancing",
      "regional capabilities or potentials in accordance with the mandate of regional",
      "autonomy policies.",
      "Keywords: paradiplomacy, sister city",
    ];
    const text = lines.join(" \n\n");
    const paragraphs = texts(text);
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toBe("ABSTRACT");
    expect(paragraphs[1]).toBe(`${lines[1]} \n\n${lines[2]}`);
    expect(paragraphs[2]!.startsWith("The Padang City Government")).toBe(true);
    expect(paragraphs[2]!.endsWith("autonomy policies.")).toBe(true);
    expect(paragraphs[3]).toBe("Keywords: paradiplomacy, sister city");
    // Offsets still point into the verbatim text, and locations count reflowed paragraphs.
    const at = text.indexOf("Memorandum");
    expect(locationOf({ text, blocks: linesToBlocks(text) }, at).paragraph).toBe(3);
  });

  it("does not reflow a short double-spaced note or a single-spaced text", () => {
    expect(texts("one line\n\nanother line\n\nthird")).toEqual(["one line", "another line", "third"]);
    const single = Array.from({ length: 10 }, (_, i) => `line ${i} without a full stop`).join("\n");
    expect(texts(single)).toHaveLength(10);
  });
});
