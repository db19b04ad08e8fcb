import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IParagraphStyleOptions,
  type IRunOptions,
} from "docx";
import { estimatePageNumbersWith } from "docx/layout";
import { svgToString } from "../../shared/charts/svg.js";
import type { Inline, Report, ReportBlock } from "../../shared/export/model.js";
import { CITATION_RUN, STANCE_RULES } from "./docxLook.js";
import { placeholder, withQuotesStreamed } from "./docxStream.js";
import { svgToPng } from "./png.js";

type Block<T extends ReportBlock["type"]> = Extract<ReportBlock, { type: T }>;

/** A4 with 2.5 cm margins, the page Indonesian universities ask theses to be written on. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
/** The width text runs across, in pixels at 96 dpi (what ImageRun sizes are in): 1 inch = 1440 twips. */
const TEXT_WIDTH_PX = Math.floor(((PAGE.width - 2 * PAGE.margin) / 1440) * 96);
/** The tallest a chart may be and still share its page with its caption (a page's text height less about four lines). */
const CHART_MAX_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 80;

/**
 * Fonts Word has on every Windows and Mac and LibreOffice replaces with metric-compatible ones
 * (Liberation Serif), all covering Vietnamese. Hangul is East Asian text, which Word and
 * LibreOffice set in the eastAsia font: Malgun Gothic ships with Windows; where it is missing,
 * LibreOffice falls back to a font that has Hangul (Noto Sans CJK on Linux, fonts-noto-cjk).
 */
const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", cs: "Times New Roman", eastAsia: "Malgun Gothic" };
const LANGUAGE_TAGS = { id: "id-ID", en: "en-US" } as const;

/**
 * Up to this many blocks the table of contents gets its page numbers written in, laid out by
 * docx's Word-like layout (`guess`: past fonts it has no widths for, such as the Korean one), so
 * LibreOffice and PDF converters, which don't update fields, show them. Laying out takes about
 * 10-15 ms a block, so a longer report leaves them for Word to fill in (`updateFields`).
 */
const PAGE_NUMBERS_MAX_BLOCKS = 400;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "808080" } as const;

/**
 * The report as a .docx: built-in heading styles with outline levels (the navigator and the table
 * of contents find them), real tables, charts as SVG with a PNG for older readers, and quotes in a
 * Quote style. Text goes into runs verbatim; docx escapes it for XML.
 *
 * A report longer than PAGE_NUMBERS_MAX_BLOCKS (which gets no page numbers laid out anyway) has its
 * quotes streamed into the file (docxStream.ts) rather than built by the library: the same XML, in a
 * fraction of the time and memory (a report of 100k quotes: 26.6 s and 1.29 GB before).
 */
export async function reportToDocx(report: Report, options: { stream?: boolean } = {}): Promise<Uint8Array> {
  if (!(options.stream ?? report.blocks.length > PAGE_NUMBERS_MAX_BLOCKS)) return new Uint8Array(await Packer.toBuffer(documentOf(report)));
  const nonce = Math.random().toString(36).slice(2, 10);
  const runs: Block<"quote">[][] = [];
  const head = await Packer.toBuffer(documentOf(report, { nonce, runs }));
  return withQuotesStreamed(head, nonce, runs);
}

/**
 * The library's document of the report. With `streamed`, each run of consecutive quotes is one
 * placeholder paragraph instead, its quotes collected into `runs` for docxStream.ts to write.
 */
function documentOf(report: Report, streamed?: { nonce: string; runs: Block<"quote">[][] }): Document {
  const children: FileChild[] = titleBlock(report);
  report.blocks.forEach((block, i) => {
    if (!streamed || block.type !== "quote") {
      children.push(...blockToDocx(block, report.blocks[i + 1]));
      return;
    }
    if (report.blocks[i - 1]?.type !== "quote") {
      children.push(new Paragraph({ children: [new TextRun(placeholder(streamed.nonce, streamed.runs.length))] }));
      streamed.runs.push([]);
    }
    streamed.runs.at(-1)!.push(block);
  });
  return new Document({
    title: report.title,
    creator: "Tandai",
    lastModifiedBy: "Tandai",
    // Word then offers to update the table of contents, filling in its page numbers.
    features: { updateFields: true },
    // Laid out only when the library holds the whole document (a streamed one is long past the limit).
    pageNumbers: !streamed && report.blocks.length <= PAGE_NUMBERS_MAX_BLOCKS ? estimatePageNumbersWith({ guess: true }) : undefined,
    styles: styles(report),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children,
      },
    ],
  });
}

function styles(report: Report) {
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: FONT, size, bold: true, color: "000000" },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  const paragraphStyles: IParagraphStyleOptions[] = [
    { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 24, color: "595959" }, paragraph: { spacing: { after: 60 } } },
    {
      id: "Quote",
      name: "Quote",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 120, after: 120 }, keepLines: true, border: { left: { ...BORDER, size: 18, space: 8 } } },
    },
    { id: "TOCHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal", run: { font: FONT, size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
  ];
  return {
    default: {
      document: {
        run: { font: FONT, size: 24, language: { value: LANGUAGE_TAGS[report.language], eastAsia: "ko-KR" } },
        paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 40, bold: true, color: "000000" }, paragraph: { spacing: { after: 120 } } },
      heading1: heading(32, 360, 0),
      heading2: heading(28, 240, 1),
      heading3: heading(24, 200, 2),
      caption: { run: { italics: true, size: 20, color: "404040" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
    },
    paragraphStyles,
  };
}

function titleBlock(report: Report): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: lines(report.title) }),
    ...report.subtitle.map((line) => new Paragraph({ style: "Subtitle", children: lines(line) })),
  ];
}

/** A paragraph right before these introduces them ("Supporting quotes (2)"), so it stays on their page. */
const INTRODUCED = new Set<ReportBlock["type"]>(["quote", "table", "chart"]);

function blockToDocx(block: ReportBlock, next: ReportBlock | undefined): FileChild[] {
  switch (block.type) {
    case "heading":
      return [heading(block)];
    case "paragraph":
      return [paragraph(block, next !== undefined && INTRODUCED.has(next.type))];
    case "table":
      // An empty paragraph after it: Word joins two tables that touch into one.
      return [table(block), new Paragraph({})];
    case "quote":
      return [quote(block)];
    case "chart":
      return chart(block);
    case "toc":
      return toc(block);
  }
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function heading(block: Block<"heading">): Paragraph {
  return new Paragraph({ heading: HEADING_LEVELS[block.level], children: lines(block.text) });
}

function paragraph(block: Block<"paragraph">, keepNext: boolean): Paragraph {
  return new Paragraph({ keepNext: keepNext || undefined, children: block.runs.flatMap(inline) });
}

function inline(run: Inline): TextRun[] {
  return lines(run.text, { bold: run.bold, italics: run.italic });
}

/**
 * Runs for text that may hold line breaks, which a w:t can't: each line after the first (and the
 * first too, with `breakBefore`) starts with a line break.
 */
function lines(text: string, options: IRunOptions = {}, breakBefore = false): TextRun[] {
  return text.split(/\r\n|\n|\r/).map((line, i) => new TextRun({ ...options, text: line, break: i > 0 || breakBefore ? 1 : undefined }));
}

/**
 * A full-width table with borders; the header row repeats on every page the table runs over.
 * Columns are as wide as their text needs, relatively: LibreOffice and Google Docs lay a table out
 * from its grid alone, and equal columns break words like "paradiplomasi" in a narrow one.
 */
function table(block: Block<"table">): Table {
  const columns = block.rows.reduce((most, row) => Math.max(most, row.length), Math.max(block.header.length, 1));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      // A short row stays on one page; a long one may break, as Word cuts off a row it can't split
      // that is taller than the page.
      cantSplit: cells.reduce((length, cell) => length + cell.length, 0) <= ROW_UNSPLIT_MAX_CHARS || undefined,
      children: Array.from({ length: columns }, (_, i) =>
        new TableCell({
          shading: header ? { fill: "E7E6E6", type: "clear", color: "auto" } : undefined,
          children: [new Paragraph({ spacing: { before: 40, after: 40 }, children: lines(cells[i] ?? "", { bold: header }) })],
        }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: columnWidths([block.header, ...block.rows], columns),
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
  });
}

/**
 * About the width of a character of 12 pt Times New Roman, in the body and in the bold header,
 * and a cell's side margins (Word's 0.19 cm each), in twips.
 */
const CHAR_TWIPS = { body: 120, header: 135 };
const CELL_MARGINS_TWIPS = 216;

/** About a third of a page of text in one row's cells together. */
const ROW_UNSPLIT_MAX_CHARS = 800;

/**
 * Column widths in twips, the first of the rows being the header, that share the text width by
 * what each column holds: first each column its widest word (up to 12 characters), so words
 * aren't broken where that can be helped, then what is left by how much more the column's text
 * would like, so definitions get more room than counts.
 */
function columnWidths(rows: readonly string[][], columns: number): number[] {
  const textWidth = PAGE.width - 2 * PAGE.margin;
  const least: number[] = [];
  const wanted: number[] = [];
  for (let c = 0; c < columns; c++) {
    // Loops, not Math.max(...spread): a table may have more rows than a call has room for arguments.
    // A character to spare per word: capitals and "m" are wider than the average.
    let widestWord = CHAR_TWIPS.body;
    let lengths = 0;
    rows.forEach((row, r) => {
      const text = row[c] ?? "";
      const charWidth = r === 0 ? CHAR_TWIPS.header : CHAR_TWIPS.body;
      for (const word of text.split(/\s+/)) widestWord = Math.max(widestWord, (Math.min(word.length, 12) + 1) * charWidth);
      lengths += Math.min(text.length, 120);
    });
    least.push(widestWord + CELL_MARGINS_TWIPS);
    wanted.push(Math.max(least[c]!, (lengths / rows.length) * CHAR_TWIPS.body + CELL_MARGINS_TWIPS));
  }
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const spare = textWidth - sum(least);
  // Too many columns for even their longest words: share the width by those alone.
  if (spare <= 0) return least.map((w) => Math.floor((w / sum(least)) * textWidth));
  const more = wanted.map((w, c) => w - least[c]!);
  const moreTotal = sum(more);
  return least.map((w, c) => Math.floor(w + (moreTotal > 0 ? (more[c]! / moreTotal) * spare : spare / columns)));
}

/**
 * A coded passage in the Quote style, verbatim between curly quotes, with its citation on the
 * next line. The stance shows in the left rule: green and single when the passage supports, red
 * and double when it contradicts (the report's text says which; this is only the look).
 */
function quote(block: Block<"quote">): Paragraph {
  return new Paragraph({
    style: "Quote",
    border: { left: STANCE_RULES[block.stance] },
    children: [...lines(`“${block.text}”`), ...lines(block.citation, CITATION_RUN, true)],
  });
}

/**
 * The chart as SVG, with a PNG at twice the size for readers without SVG, then its title. It keeps
 * its own size, so its text reads at the size the chart was drawn for, unless it is wider than the
 * text (scaled down to the text width) or taller than a page (scaled down to fit one: Word clips
 * an inline picture taller than the page).
 */
function chart(block: Block<"chart">): Paragraph[] {
  const ratio = block.width > 0 && block.height > 0 ? block.height / block.width : 0.5;
  const natural = block.width > 0 ? block.width : TEXT_WIDTH_PX;
  const width = Math.min(natural, TEXT_WIDTH_PX, Math.floor(CHART_MAX_HEIGHT_PX / ratio));
  const height = Math.round(width * ratio);
  const svg = svgToString(block.svg);
  return [
    new Paragraph({
      keepNext: true,
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "svg",
          data: Buffer.from(svg, "utf8"),
          fallback: { type: "png", data: svgToPng(svg, width * 2) },
          transformation: { width, height },
          altText: { name: block.title, title: block.title, description: block.title },
        }),
      ],
    }),
    new Paragraph({ style: "Caption", children: lines(block.title) }),
  ];
}

/** The title, then a TOC field over heading levels 1-3, with links, filled in from the headings. */
function toc(block: Block<"toc">): FileChild[] {
  return [
    new Paragraph({ style: "TOCHeading", children: lines(block.title) }),
    new TableOfContents(block.title, { hyperlink: true, headingStyleRange: "1-3" }),
  ];
}
