import { escapeXml } from "../charts/svg.js";
import { chartSvg, CONTRADICTS_MARK } from "./markdown.js";
import type { Inline, Report, ReportBlock } from "./model.js";
import { headingText, outlineOf, type Outline } from "./slug.js";

/**
 * The report as one self-contained HTML5 file: no scripts, no external fonts, images or styles, so
 * it opens anywhere offline, pastes into a word processor, and prints to A4 (it is also what
 * Electron's printToPDF turns into the PDF report).
 */
export function reportToHtml(report: Report): string {
  const outline = outlineOf(report);
  const subtitle = report.subtitle.filter((line) => line.trim()).map(multiline);
  const body = [
    `<h1 id="${escapeXml(outline.titleId)}">${escapeXml(headingText(report.title))}</h1>`,
    ...(subtitle.length ? [`<p class="subtitle">${subtitle.join("<br>")}</p>`] : []),
    ...report.blocks.map((block, i) => blockToHtml(block, outline, outline.ids[i])),
  ];
  return [
    "<!doctype html>",
    `<html lang="${report.language}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(headingText(report.title))}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/**
 * Print first: A4 margins of a thesis, a serif body at 12pt, headings kept with what follows,
 * table headers repeated on each page. Contradicting quotes differ in border style as well as
 * colour, so the difference survives a black-and-white printer.
 */
const CSS = `
@page { size: A4; margin: 25mm 20mm 25mm 30mm; }
html { color: #000; background: #fff; }
body { font-family: "Times New Roman", Times, "Noto Serif", "Noto Serif CJK KR", serif; font-size: 12pt; line-height: 1.5; max-width: 45em; margin: 2em auto; padding: 0 1em; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; break-after: avoid; page-break-inside: avoid; break-inside: avoid; }
h1 { font-size: 18pt; margin: 0 0 0.25em; }
h2 { font-size: 15pt; margin-top: 1.5em; }
h3 { font-size: 13pt; }
h4 { font-size: 12pt; }
.subtitle { margin-top: 0; color: #333; }
nav.toc ul { list-style: none; padding-left: 1.5em; }
nav.toc > ul { padding-left: 0; }
nav.toc a { color: inherit; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; font-size: 11pt; }
th, td { border: 1px solid #444; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
th { background: #eee; }
tr, blockquote, figure { page-break-inside: avoid; break-inside: avoid; }
blockquote.quote { margin: 1em 0 1em 1.5em; padding: 0.1em 0 0.1em 1em; border-left: 4px solid #2e7d32; }
blockquote.quote.contradicts { border-left: 4px dashed #c62828; }
blockquote.quote p { margin: 0 0 0.25em; }
blockquote.quote footer { font-size: 10.5pt; color: #333; }
cite { font-style: normal; }
figure { margin: 1em 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; font-size: 11pt; }
`;

function blockToHtml(block: ReportBlock, outline: Outline, id: string | undefined): string {
  const idAttr = id ? ` id="${escapeXml(id)}"` : "";
  switch (block.type) {
    case "heading": {
      // The title is the one <h1>; the report's own levels start below it.
      const tag = `h${block.level + 1}`;
      return `<${tag}${idAttr}>${escapeXml(headingText(block.text))}</${tag}>`;
    }
    case "paragraph":
      return `<p>${block.runs.map(run).join("")}</p>`;
    case "table": {
      const head = block.header.map((cell) => `<th scope="col">${multiline(cell)}</th>`).join("");
      const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${multiline(cell)}</td>`).join("")}</tr>`);
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
    }
    case "quote": {
      // The same wordless mark as in Markdown, for when the border is lost in a paste.
      const mark = block.stance === "contradicts" ? `<span class="stance">${CONTRADICTS_MARK}</span> ` : "";
      return (
        `<blockquote class="quote ${block.stance}"><p>“${multiline(block.text.trim())}”</p>` +
        `<footer>${mark}— <cite>${escapeXml(headingText(block.citation))}</cite></footer></blockquote>`
      );
    }
    case "chart":
      return `<figure class="chart">${chartSvg(block)}<figcaption>${escapeXml(headingText(block.title))}</figcaption></figure>`;
    case "toc":
      return `<nav class="toc"><h2${idAttr}>${escapeXml(headingText(block.title))}</h2>\n${tocList(outline)}</nav>`;
  }
}

function run(inline: Inline): string {
  let html = multiline(inline.text);
  if (inline.italic) html = `<em>${html}</em>`;
  if (inline.bold) html = `<strong>${html}</strong>`;
  return html;
}

function multiline(text: string): string {
  return escapeXml(text).replace(/\r\n?|\n/g, "<br>");
}

/** Nested lists from the outline's depths (each at most one deeper than the one before). */
function tocList(outline: Outline): string {
  if (!outline.entries.length) return "";
  let html = "";
  let depth = -1;
  for (const entry of outline.entries) {
    if (entry.depth > depth) html += "<ul><li>";
    else {
      html += "</li>";
      for (; depth > entry.depth; depth--) html += "</ul></li>";
      html += "<li>";
    }
    depth = entry.depth;
    html += `<a href="#${escapeXml(entry.id)}">${escapeXml(entry.text)}</a>`;
  }
  html += "</li>";
  for (; depth > 0; depth--) html += "</ul></li>";
  return `${html}</ul>\n`;
}
