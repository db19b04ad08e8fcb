import { describe, expect, it } from "vitest";
import { displayText, linesToBlocks } from "../../shared/index.js";

/** Double-spaced text as pdfjs extracts it from a thesis: every line followed by a blank one. */
const LINES = [
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

describe("displayText", () => {
  const text = LINES.join(" \n\n");
  const content = { text, blocks: linesToBlocks(text) };
  const range = (from: string, to: string) => [text.indexOf(from), text.indexOf(to) + to.length] as const;

  it("reads a passage crossing a line break inside a reflowed PDF paragraph on one line, as the view shows it", () => {
    expect(content.blocks.length).toBeLessThan(LINES.length);
    const [start, end] = range("Padang City Government in", "establishing a Sister City");
    expect(text.slice(start, end)).toContain("\n");
    expect(displayText(content, start, end)).toBe("Padang City Government in establishing a Sister City");
  });

  it("keeps the blocks of a passage over several paragraphs apart by one line break, leaving out the blank between", () => {
    const [start, end] = range("Ba Ria-Vung Tau Province (Vietnam).", "The Padang City");
    expect(displayText(content, start, end)).toBe("Ba Ria-Vung Tau Province (Vietnam).\nThe Padang City");
    const transcript = "Pewawancara: Apa motifnya?\r\n\r\nNarasumber: Ekonomi.";
    expect(displayText({ text: transcript, blocks: linesToBlocks(transcript) }, 13, transcript.length)).toBe("Apa motifnya?\nNarasumber: Ekonomi.");
  });

  it("leaves a passage within one line exactly as it is, and joins the lines of content without blocks", () => {
    const [start, end] = range("Memorandum", "2016.");
    expect(displayText(content, start, end)).toBe(text.slice(start, end));
    expect(displayText({ text: "satu\r\ndua  tiga", blocks: [] }, 0, 15)).toBe("satu dua  tiga");
  });
});
