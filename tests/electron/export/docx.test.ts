import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { reportToDocx } from "../../../electron/export/docx.js";
import { importDocument } from "../../../electron/import/index.js";
import { svgToString } from "../../../shared/charts/svg.js";
import type { Report } from "../../../shared/export/model.js";
import { SAMPLE, sampleChart, sampleReport } from "./sampleReport.js";

/**
 * The .docx read back as Word would: unzipped, its parts parsed as XML in document order
 * (`preserveOrder`), without trimming the spaces between runs.
 */
type XmlNode = Record<string, unknown> & { ":@"?: Record<string, string> };
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", trimValues: false, parseTagValue: false, parseAttributeValue: false });

const tagOf = (node: XmlNode) => Object.keys(node).find((key) => key !== ":@")!;
const childrenOf = (node: XmlNode) => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as XmlNode[]) : []);
const attr = (node: XmlNode | undefined, name: string) => node?.[":@"]?.[name];
const child = (node: XmlNode | undefined, tag: string) => (node ? childrenOf(node).find((c) => tagOf(c) === tag) : undefined);

/** Every element with this tag at or below the nodes, in document order. */
function all(nodes: XmlNode[], tag: string): XmlNode[] {
  return nodes.flatMap((node) => [...(tagOf(node) === tag ? [node] : []), ...all(childrenOf(node), tag)]);
}

/** The text Word shows for a paragraph or cell: its w:t texts, with line breaks as "\n". */
function textOf(node: XmlNode): string {
  return childrenOf(node)
    .map((c) => {
      const tag = tagOf(c);
      if (tag === "#text") return "";
      if (tag === "w:t") return childrenOf(c).map((t) => String(t["#text"] ?? "")).join("");
      if (tag === "w:br") return "\n";
      if (tag === "w:instrText") return "";
      return textOf(c);
    })
    .join("");
}

const styleOf = (p: XmlNode) => attr(child(child(p, "w:pPr"), "w:pStyle"), "w:val");

interface Unpacked {
  zip: JSZip;
  body: XmlNode[];
  styles: XmlNode[];
  settings: XmlNode[];
  rels: XmlNode[];
}

async function unpack(report: Report): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(await reportToDocx(report));
  const part = async (path: string) => {
    const file = zip.file(path);
    expect(file, path).not.toBeNull();
    return parser.parse(await file!.async("string")) as XmlNode[];
  };
  const document = await part("word/document.xml");
  return {
    zip,
    body: childrenOf(all(document, "w:body")[0]!),
    styles: await part("word/styles.xml"),
    settings: await part("word/settings.xml"),
    rels: await part("word/_rels/document.xml.rels"),
  };
}

describe("reportToDocx", () => {
  let docx: Unpacked;
  beforeAll(async () => {
    docx = await unpack(sampleReport());
  });

  const styleDefinition = (id: string) => all(docx.styles, "w:style").find((s) => attr(s, "w:styleId") === id);
  const paragraphs = () => docx.body.filter((n) => tagOf(n) === "w:p");

  it("writes every block of the report in order, with its style", () => {
    const summary = docx.body
      .filter((n) => tagOf(n) !== "w:sectPr")
      .map((n) => {
        const tag = tagOf(n);
        if (tag === "w:tbl") return "table";
        if (tag === "w:sdt") return "toc";
        if (all([n], "w:drawing").length) return "chart";
        return `${styleOf(n) ?? "Normal"}: ${textOf(n)}`;
      });
    const report = sampleReport();
    const [h1, h2, h3, appendix] = SAMPLE.headings;
    expect(summary).toEqual([
      `Title: ${report.title}`,
      ...report.subtitle.map((line) => `Subtitle: ${line}`),
      `TOCHeading: ${SAMPLE.tocTitle}`,
      "toc",
      `Heading1: ${h1}`,
      `Normal: Laporan ini merangkum 12 koding dari 3 dokumen, termasuk kota ${SAMPLE.vietnamese} dan ${SAMPLE.korean}.`,
      "table",
      "Normal: ", // the space after a table, so two tables never run together
      `Heading2: ${h2}`,
      `Heading3: ${h3}`,
      `Quote: “${SAMPLE.supporting}”\n${SAMPLE.supportingCitation}`,
      `Quote: “${SAMPLE.contradicting}”\n${SAMPLE.contradictingCitation}`,
      `Quote: “${SAMPLE.koreanQuote}”\n${SAMPLE.koreanCitation}`,
      "chart",
      `Caption: ${SAMPLE.chartTitle}`,
      `Heading1: ${appendix}`,
      "Normal: Catatan: kutipan ditulis apa adanya.",
    ]);
  });

  it("keeps bold and italic runs", () => {
    const runs = all(paragraphs(), "w:r").filter((r) => [SAMPLE.korean, "12 koding", SAMPLE.vietnamese].includes(textOf(r)));
    const props = (r: XmlNode) => ({ text: textOf(r), bold: !!child(child(r, "w:rPr"), "w:b"), italic: !!child(child(r, "w:rPr"), "w:i") });
    expect(runs.map(props)).toEqual([
      { text: "12 koding", bold: true, italic: false },
      { text: SAMPLE.vietnamese, bold: false, italic: true },
      { text: SAMPLE.korean, bold: true, italic: true },
    ]);
  });

  it("uses the built-in heading styles, with outline levels for the navigator and the table of contents", () => {
    for (const level of [1, 2, 3]) {
      const style = styleDefinition(`Heading${level}`);
      expect(style, `Heading${level}`).toBeDefined();
      expect(attr(child(style, "w:name"), "w:val")).toBe(`Heading ${level}`);
      expect(attr(child(child(style, "w:pPr"), "w:outlineLvl"), "w:val")).toBe(String(level - 1));
    }
    expect(styleDefinition("Quote")).toBeDefined();
    expect(styleDefinition("Caption")).toBeDefined();
  });

  it("writes the table as a real table: full width, borders, a repeating header row, the exact cell texts", () => {
    const tables = docx.body.filter((n) => tagOf(n) === "w:tbl");
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    const tblPr = child(table, "w:tblPr");
    expect(attr(child(tblPr, "w:tblW"), "w:type")).toBe("pct");
    expect(attr(child(tblPr, "w:tblW"), "w:w")).toBe("5000");
    const borders = child(tblPr, "w:tblBorders");
    for (const side of ["w:top", "w:bottom", "w:insideH", "w:insideV"]) expect(attr(child(borders, side), "w:val"), side).toBe("single");
    const rows = childrenOf(table).filter((n) => tagOf(n) === "w:tr");
    const repeats = (row: XmlNode) => {
      const mark = child(child(row, "w:trPr"), "w:tblHeader");
      return !!mark && !["false", "0", "off"].includes(attr(mark, "w:val") ?? "true");
    };
    expect(rows.map(repeats)).toEqual([true, false, false]);
    // Short rows don't break across pages.
    expect(rows.every((row) => !!child(child(row, "w:trPr"), "w:cantSplit"))).toBe(true);
    const cells = rows.map((row) => childrenOf(row).filter((n) => tagOf(n) === "w:tc").map(textOf));
    expect(cells).toEqual([[...SAMPLE.tableHeader], ...SAMPLE.tableRows.map((row) => [...row])]);
  });

  it("sets quotes verbatim in the Quote style, the stance as the colour and style of the left rule", () => {
    const quotes = paragraphs().filter((p) => styleOf(p) === "Quote");
    expect(quotes.map(textOf)).toEqual([
      `“${SAMPLE.supporting}”\n${SAMPLE.supportingCitation}`,
      `“${SAMPLE.contradicting}”\n${SAMPLE.contradictingCitation}`,
      `“${SAMPLE.koreanQuote}”\n${SAMPLE.koreanCitation}`,
    ]);
    const rule = (p: XmlNode) => {
      const left = child(child(child(p, "w:pPr"), "w:pBdr"), "w:left");
      return { colour: attr(left, "w:color"), style: attr(left, "w:val") };
    };
    const [supports, contradicts, supportsToo] = quotes.map(rule);
    expect(supports!.colour).toMatch(/^[0-9A-F]{6}$/);
    expect(contradicts!.colour).toMatch(/^[0-9A-F]{6}$/);
    expect(contradicts!.colour).not.toBe(supports!.colour);
    // Told apart in a grey printout too.
    expect(contradicts!.style).not.toBe(supports!.style);
    expect(supportsToo).toEqual(supports);
  });

  it("writes the table of contents as a TOC field over heading levels 1-3, filled in from the headings", () => {
    const toc = docx.body.find((n) => tagOf(n) === "w:sdt")!;
    const instructions = all([toc], "w:instrText").map(textOfInstr);
    expect(instructions[0]).toMatch(/^TOC\b.*\\o "1-3"/);
    expect(instructions[0]).toContain("\\h");
    const entries = all([toc], "w:p").map(textOf).filter(Boolean);
    expect(entries.map((e) => e.replace(/\d+$/, ""))).toEqual([...SAMPLE.headings]);
    // With their page numbers written in, for LibreOffice and converters that don't update fields.
    expect(entries.map((e) => /\d+$/.exec(e)?.[0])).toEqual(["1", "1", "1", "2"]);
    // Word asks to update fields when it opens the file, so the page numbers become its own.
    expect(all(docx.settings, "w:updateFields")).toHaveLength(1);
  });

  it("embeds the chart as SVG with a PNG fallback, at its own size and proportions", async () => {
    const relationships = all(docx.rels, "Relationship");
    const target = (id: string | undefined) => relationships.find((r) => attr(r, "Id") === id)?.[":@"]?.Target;
    const blip = all(docx.body, "a:blip")[0]!;
    const pngPath = target(attr(blip, "r:embed"));
    const svgPath = target(attr(all([blip], "asvg:svgBlip")[0], "r:embed"));
    expect(pngPath).toMatch(/^media\/.+\.png$/);
    expect(svgPath).toMatch(/^media\/.+\.svg$/);

    const png = await docx.zip.file(`word/${pngPath}`)!.async("uint8array");
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    const pngWidth = new DataView(png.buffer, png.byteOffset).getUint32(16);
    expect(pngWidth).toBe(960); // twice the chart's width, sharp when printed
    const svg = await docx.zip.file(`word/${svgPath}`)!.async("string");
    expect(svg).toBe(svgToString(sampleChart));
    expect(svg).toContain(SAMPLE.korean);

    const extent = all(docx.body, "wp:extent")[0]!;
    const [cx, cy] = [Number(attr(extent, "cx")), Number(attr(extent, "cy"))];
    expect(cx / 914400).toBeCloseTo(480 / 96, 2); // its 480 px, at 96 to the inch, as drawn
    expect(cx / cy).toBeCloseTo(480 / 200, 2);
    expect(attr(all(docx.body, "wp:docPr")[0], "descr")).toBe(SAMPLE.chartTitle);
  });

  it("scales a chart wider than the text, or taller than a page, down to fit, keeping its proportions", async () => {
    const chart = (width: number, height: number): Report => ({ language: "en", title: "T", subtitle: [], blocks: [{ type: "chart", title: "Chart", svg: sampleChart, width, height }] });
    const inches = async (report: Report) => {
      const extent = all((await unpack(report)).body, "wp:extent")[0]!;
      return [Number(attr(extent, "cx")) / 914400, Number(attr(extent, "cy")) / 914400] as const;
    };
    const [wideX, wideY] = await inches(chart(1600, 400));
    expect(wideX).toBeCloseTo((21 - 5) / 2.54, 1); // A4's width less its 2.5 cm margins
    expect(wideX / wideY).toBeCloseTo(4, 2);
    const [tallX, tallY] = await inches(chart(400, 2000));
    expect(tallY).toBeLessThan((29.7 - 5) / 2.54);
    expect(tallY).toBeGreaterThan(8);
    expect(tallX / tallY).toBeCloseTo(400 / 2000, 2);
  });

  it("gives table columns room by what they hold and keeps an introducing paragraph with its quotes", async () => {
    const report: Report = {
      language: "en",
      title: "T",
      subtitle: [],
      blocks: [
        { type: "table", header: ["Code", "Definition", "Codings"], rows: [["Motif paradiplomasi", "Trade, investment and tourism the city hopes for, as stated by officials.", "3"]] },
        { type: "paragraph", runs: [{ text: "Supporting quotes (1)", italic: true }] },
        { type: "quote", text: "q", citation: "c", stance: "supports" },
        { type: "paragraph", runs: [{ text: "Closing words." }] },
      ],
    };
    const { body } = await unpack(report);
    const grid = all(body, "w:gridCol").map((col) => Number(attr(col, "w:w")));
    expect(grid).toHaveLength(3);
    const [code, definition, codings] = grid as [number, number, number];
    expect(definition).toBeGreaterThan(code);
    expect(code).toBeGreaterThan(codings);
    expect(code + definition + codings).toBeGreaterThan(9000); // the whole text width, 16 cm ≈ 9070 twips
    const keepsWithNext = (text: string) => !!child(child(body.find((n) => tagOf(n) === "w:p" && textOf(n) === text), "w:pPr"), "w:keepNext");
    expect(keepsWithNext("Supporting quotes (1)")).toBe(true);
    expect(keepsWithNext("Closing words.")).toBe(false);
  });

  it("sizes a codebook's columns by their cells, not their headers: the code paths get the room, the counts only their header word", async () => {
    const rows = [
      ["Motif paradiplomasi (Keating)/Motif ekonomi", "Perdagangan, investasi dan pariwisata yang diharapkan kota.", "Motif ekonomi", "12"],
      ["Motif paradiplomasi (Keating)/Motif budaya", "", "Motif budaya", "3"],
      ["Hambatan/Keterbatasan anggaran daerah", "Dana APBD tidak cukup untuk kunjungan.", "", "7"],
    ];
    const { body } = await unpack({ language: "id", title: "T", subtitle: [], blocks: [{ type: "table", header: ["Kode", "Definisi", "Indikator", "Pengodean"], rows }] });
    const [code, definition, indicator, codings] = all(body, "w:gridCol").map((col) => Number(attr(col, "w:w"))) as [number, number, number, number];
    expect(code).toBeGreaterThan(1.5 * codings);
    expect(definition).toBeGreaterThan(1.5 * codings);
    expect(indicator).toBeGreaterThanOrEqual(codings);
    // "Pengodean" in bold, with a character to spare, and the cell's margins.
    expect(codings).toBeGreaterThanOrEqual(10 * 135 + 216);
  });

  it("sets the report's language for spell-checking, Korean for East Asian text, and fonts for both", async () => {
    const defaults = (styles: XmlNode[]) => child(child(all(styles, "w:docDefaults")[0], "w:rPrDefault"), "w:rPr");
    const lang = child(defaults(docx.styles), "w:lang");
    expect(attr(lang, "w:val")).toBe("id-ID");
    expect(attr(lang, "w:eastAsia")).toBe("ko-KR");
    const fonts = child(defaults(docx.styles), "w:rFonts");
    expect(attr(fonts, "w:ascii")).toBeTruthy();
    expect(attr(fonts, "w:eastAsia")).toBeTruthy();

    const english = await unpack({ ...sampleReport(), language: "en" });
    expect(attr(child(defaults(english.styles), "w:lang"), "w:val")).toBe("en-US");
  });

  it("keeps line breaks inside a text as line breaks, and an empty report is still a document", async () => {
    const report: Report = { language: "en", title: "T", subtitle: [], blocks: [{ type: "paragraph", runs: [{ text: "one\ntwo" }] }, { type: "table", header: ["A", "B"], rows: [["x\ny"]] }] };
    const { body } = await unpack(report);
    expect(textOf(body.find((n) => tagOf(n) === "w:p" && textOf(n).startsWith("one"))!)).toBe("one\ntwo");
    // A row too long for a page may break: Word cuts off the rest of one that can't.
    const long = await unpack({ ...report, blocks: [{ type: "table", header: ["A"], rows: [["word ".repeat(2000)]] }] });
    expect(all(long.body, "w:tr").map((row) => !!child(child(row, "w:trPr"), "w:cantSplit"))).toEqual([true, false]);
    const cells = all(body, "w:tc").map(textOf);
    expect(cells).toEqual(["A", "B", "x\ny", ""]); // a short row is padded to the header's width

    const empty = await unpack({ language: "id", title: "Kosong", subtitle: [], blocks: [] });
    expect(empty.body.filter((n) => tagOf(n) === "w:p").map(textOf)).toEqual(["Kosong"]);
  });

  it("reads back through Tandai's own .docx importer with the headings' levels", async () => {
    const doc = await importDocument("laporan.docx", await reportToDocx(sampleReport()));
    const headings = doc.content.blocks.filter((b) => b.kind === "heading").map((b) => ({ level: b.level, text: doc.content.text.slice(b.start, b.end) }));
    expect(headings.filter((h) => SAMPLE.headings.includes(h.text as never))).toEqual([
      { level: 1, text: SAMPLE.headings[0] },
      { level: 2, text: SAMPLE.headings[1] },
      { level: 3, text: SAMPLE.headings[2] },
      { level: 1, text: SAMPLE.headings[3] },
    ]);
    expect(doc.content.text).toContain(`“${SAMPLE.koreanQuote}”`);
  });
});

function textOfInstr(node: XmlNode): string {
  return childrenOf(node)
    .map((t) => String(t["#text"] ?? ""))
    .join("");
}
