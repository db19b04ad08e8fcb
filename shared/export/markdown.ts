import { svgToString } from "../charts/svg.js";
import type { Inline, Report, ReportBlock } from "./model.js";
import { headingText, outlineOf, type Outline } from "./slug.js";

export { slugify } from "./slug.js";

/**
 * The report as CommonMark with GFM tables, to paste into a thesis or open in any Markdown editor.
 * Text is escaped only where Markdown would misread it, never transliterated or normalised, so
 * Vietnamese, Korean and curly quotes come out exactly as they went in.
 */
export function reportToMarkdown(report: Report): string {
  const outline = outlineOf(report);
  const parts: string[] = [`# ${escapeHeading(report.title)}`];
  const subtitle = report.subtitle.flatMap((line) => splitLines(line)).filter((line) => line.trim());
  if (subtitle.length) parts.push(subtitle.map(escapeLine).join(HARD_BREAK));
  report.blocks.forEach((block) => {
    const out = blockToMarkdown(block, outline);
    if (out) parts.push(out);
  });
  return `${parts.join("\n\n")}\n`;
}

/** A backslash before the newline: a line break that survives every CommonMark renderer. */
const HARD_BREAK = "\\\n";

/**
 * Contradicting evidence is marked "(−)" (U+2212) at the start of its citation line, a sign that
 * reads the same in Indonesian and English; the builder supplies any words, and a supporting quote,
 * the usual case, carries no mark.
 */
export const CONTRADICTS_MARK = "(−)";

function blockToMarkdown(block: ReportBlock, outline: Outline): string {
  switch (block.type) {
    case "heading":
      // The title is the one level-1 heading; the report's own levels start below it.
      return `${"#".repeat(block.level + 1)} ${escapeHeading(block.text)}`;
    case "paragraph":
      return paragraph(block.runs);
    case "table":
      return table(block.header, block.rows);
    case "quote": {
      const lines = trimBlankLines(splitLines(block.text)).map(escapeLine);
      const body = `“${lines.join(HARD_BREAK)}”`.split("\n").map((line) => `> ${line}`);
      const mark = block.stance === "contradicts" ? `${CONTRADICTS_MARK} ` : "";
      return [...body, ">", `> ${mark}— ${splitLines(block.citation).map(escapeText).join(" ")}`].join("\n");
    }
    case "chart": {
      const title = escapeText(headingText(block.title));
      // The title twice: as alt text for screen readers and as the visible caption a figure needs.
      const image = `![${title}](data:image/svg+xml;base64,${base64(utf8(chartSvg(block)))})`;
      return title ? `${image}\n\n*${title}*` : image;
    }
    case "toc": {
      const items = outline.entries.map((e) => `${"  ".repeat(e.depth)}- [${escapeText(e.text)}](#${e.id})`);
      const heading = `## ${escapeHeading(block.title)}`;
      return items.length ? `${heading}\n\n${items.join("\n")}` : heading;
    }
  }
}

/** The chart's SVG, given a viewBox and size from the block if it lacks them, so it scales. */
export function chartSvg(block: Extract<ReportBlock, { type: "chart" }>): string {
  const attrs = { width: block.width, height: block.height, viewBox: `0 0 ${block.width} ${block.height}`, ...block.svg.attrs };
  return svgToString({ ...block.svg, attrs });
}

function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

/** Blank lines only inside: a line break at either end would show as a stray backslash. */
function trimBlankLines(lines: string[]): string[] {
  let [start, end] = [0, lines.length];
  while (start < end && !lines[start]!.trim()) start++;
  while (end > start && !lines[end - 1]!.trim()) end--;
  return lines.slice(start, end);
}

/** Characters that start emphasis, code, links, HTML, strikethrough or a table cell anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;

function escapeText(text: string): string {
  // "&" only where it would start an entity ("&amp;", "&#39;"), so "R&D" stays as typed.
  return text.replace(INLINE_SPECIAL, "\\$&").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
}

function escapeHeading(text: string): string {
  // Every "#", since trailing ones would be read as the heading's closing sequence.
  return escapeText(headingText(text)).replace(/#/g, "\\#");
}

/**
 * One line of running text. Blanks at either end are dropped (Markdown ignores them, and four in
 * front would make a code block), and what would start a block there (heading, list, quote,
 * setext underline) is escaped.
 */
function escapeLine(line: string): string {
  return escapeLineStart(escapeText(trimBlanks(line)));
}

/** Spaces and tabs only: a no-break space at a line's end is the author's, and stays. */
function trimBlanks(line: string): string {
  return line.replace(/^[ \t]+|[ \t]+$/g, "");
}

function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

function paragraph(runs: Inline[]): string {
  // Adjacent runs with the same style are one, so "**a****b**" never appears.
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else merged.push({ ...run });
  }
  // The paragraph's lines, each the pieces of the runs it holds.
  const lines: Inline[][] = [[]];
  for (const run of merged) {
    splitLines(run.text).forEach((text, i) => {
      if (i > 0) lines.push([]);
      if (text) lines[lines.length - 1]!.push({ ...run, text });
    });
  }
  return trimBlankLines(lines.map(styleLine))
    .map((line) => escapeLineStart(trimBlanks(line)))
    .join(HARD_BREAK);
}

interface Piece {
  lead: string;
  core: string;
  trail: string;
  marker: string;
}

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

function styleLine(runs: Inline[]): string {
  const pieces: Piece[] = runs.map((run) => {
    // Emphasis cannot open before or close after a blank, so blanks stay outside the markers.
    const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/su.exec(run.text)!;
    const marker = core ? (run.bold ? "**" : "") + (run.italic ? "*" : "") : "";
    return { lead: lead!, core: core!, trail: trail!, marker };
  });
  return pieces
    .map((piece, i) => {
      const text = escapeText(piece.core);
      if (!piece.marker) return piece.lead + text + piece.trail;
      const [prev, next] = [pieces[i - 1], pieces[i + 1]];
      const before = piece.lead || (prev ? prev.core + prev.trail : "");
      const after = piece.trail || (next ? next.lead + next.core : "");
      const canOpen = opens(before.at(-1), piece.core.at(0)!, !piece.lead && !!prev?.marker && !prev.trail);
      const canClose = opens(after.at(0), piece.core.at(-1)!, !piece.trail && !!next?.marker && !next.lead);
      if (canOpen && canClose) return `${piece.lead}${piece.marker}${text}${[...piece.marker].reverse().join("")}${piece.trail}`;
      // Where "*" would not be read as emphasis (CommonMark's flanking rules), inline HTML is.
      const tags = [...(piece.marker.length >= 2 ? ["strong"] : []), ...(piece.marker.length % 2 ? ["em"] : [])];
      const [open, close] = [tags.map((t) => `<${t}>`).join(""), [...tags].reverse().map((t) => `</${t}>`).join("")];
      return `${piece.lead}${open}${text}${close}${piece.trail}`;
    })
    .join("");
}

/**
 * Whether "*" next to `inner` (the first or last character of the styled text) and `outer` (the
 * character beyond it) delimits emphasis: not when another run's markers touch it (they would merge
 * into one run of asterisks), nor when punctuation inside meets a letter outside ("kata**“x”**").
 */
function opens(outer: string | undefined, inner: string, touchesMarker: boolean): boolean {
  if (touchesMarker) return false;
  if (outer === undefined || SPACE.test(outer)) return true;
  return !PUNCT.test(inner) || PUNCT.test(outer);
}

function table(header: string[], rows: string[][]): string {
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  if (width === 0) return "";
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? "")).join(" | ")} |`;
  return [line(header), `|${" --- |".repeat(width)}`, ...rows.map(line)].join("\n");
}

/** A cell is one line: "|" is escaped with the rest, line breaks become <br>, as GFM allows. */
function cell(text: string): string {
  return splitLines(text.trim()).map(escapeText).join("<br>");
}

/** UTF-8 by hand: shared/ may use only what Node, the renderer and tests all type (no TextEncoder). */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate, as TextEncoder replaces it
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes (not of a string, which is where btoa breaks on anything past Latin-1). */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? "=" : B64[(n >> 6) & 63]!;
    out += c === undefined ? "=" : B64[n & 63]!;
  }
  return out;
}
