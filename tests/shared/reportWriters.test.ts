// @vitest-environment jsdom
// jsdom parses the HTML as a browser would (DOMParser); jsdom itself has no type declarations here.
import { describe, expect, it } from "vitest";
import { svgToString } from "../../shared/charts/svg.js";
import { reportToHtml } from "../../shared/export/html.js";
import { base64, chartSvg, reportToMarkdown, utf8 } from "../../shared/export/markdown.js";
import type { Inline, Report, ReportBlock } from "../../shared/export/model.js";
import { createSlugger, slugify } from "../../shared/export/slug.js";

const VUNG_TAU = "Bà Rịa–Vũng Tàu";
const BUSAN = "부산광역시";
const QUOTE = "“Kami ingin investasi,” katanya.\nBaris kedua: <script>alert(1)</script> & 1 | 2";
const CITATION = `Wawancara 1, ${VUNG_TAU}, p. 3, ¶ 12; ani`;
const CONTRA = "Tidak ada manfaat *sama sekali*";
const CONTRA_CITATION = `Laporan ${BUSAN}, ¶ 4; budi`;

const chart: Extract<ReportBlock, { type: "chart" }> = {
  type: "chart",
  title: "Frekuensi kode “utama”",
  width: 200,
  height: 100,
  svg: {
    tag: "svg",
    attrs: { width: 200, height: 100 },
    children: [
      { tag: "rect", attrs: { x: 0, y: 0, width: 50, height: 20, fill: "#336" } },
      { tag: "text", attrs: { x: 5, y: 50 }, children: [`${BUSAN} & ${VUNG_TAU} <x>`] },
    ],
  },
};

/** Every block type, with the content that breaks naive writers. */
const report: Report = {
  language: "id",
  title: `Laporan Koding: ${VUNG_TAU} & ${BUSAN}`,
  subtitle: ["Proyek “Sister City”", "# Cakupan: 2 kasus"],
  blocks: [
    { type: "toc", title: "Daftar Isi" },
    { type: "heading", level: 1, text: "Motif ekonomi" },
    {
      type: "paragraph",
      runs: [
        { text: `Kota ${VUNG_TAU} dan ${BUSAN} menyebut “kerja sama” — ` },
        { text: "5 * 3 <script>alert(1)</script>", bold: true },
        { text: " & R&D | a_b [x] &amp; ", italic: true },
        { text: "\n# bukan judul\n- bukan daftar\n1. bukan nomor" },
      ],
    },
    { type: "heading", level: 2, text: "Motif ekonomi" },
    {
      type: "table",
      header: ["Kode", "Jumlah | n"],
      rows: [
        ["Ekonomi *utama*", "3"],
        [`Baris\nkedua ${BUSAN}`, "<b>&</b>"],
      ],
    },
    { type: "quote", text: QUOTE, citation: CITATION, stance: "supports" },
    { type: "quote", text: CONTRA, citation: CONTRA_CITATION, stance: "contradicts" },
    { type: "heading", level: 3, text: `Kesimpulan: ${VUNG_TAU} (akhir)!` },
    { type: "heading", level: 1, text: "Motif ekonomi" },
    chart,
  ],
};

describe("slugs", () => {
  it("follow GitHub: lower case, punctuation dropped, Unicode letters kept, repeats numbered", () => {
    expect(slugify(`Kesimpulan: ${VUNG_TAU} (akhir)!`)).toBe("kesimpulan-bà-rịavũng-tàu-akhir");
    expect(slugify(BUSAN)).toBe(BUSAN);
    const slug = createSlugger();
    expect(["A b", "a b", "A B", "a-b-1", "?!"].map(slug)).toEqual(["a-b", "a-b-1", "a-b-2", "a-b-1-1", "section"]);
  });
});

describe("reportToMarkdown", () => {
  const md = reportToMarkdown(report);

  it("lays out every block, escaping only what Markdown would misread", () => {
    const fragments = [
      `# Laporan Koding: ${VUNG_TAU} & ${BUSAN}\n\nProyek “Sister City”\\\n\\# Cakupan: 2 kasus\n\n## Daftar Isi\n\n`,
      "- [Motif ekonomi](#motif-ekonomi)\n  - [Motif ekonomi](#motif-ekonomi-1)\n    - [Kesimpulan: Bà Rịa–Vũng Tàu (akhir)!](#kesimpulan-bà-rịavũng-tàu-akhir)\n- [Motif ekonomi](#motif-ekonomi-2)\n\n",
      "\n\n## Motif ekonomi\n\n",
      `Kota ${VUNG_TAU} dan ${BUSAN} menyebut “kerja sama” — **5 \\* 3 \\<script\\>alert(1)\\</script\\>** *& R&D \\| a\\_b \\[x\\] \\&amp;*` +
        "\\\n\\# bukan judul\\\n\\- bukan daftar\\\n1\\. bukan nomor\n\n",
      "\n\n### Motif ekonomi\n\n",
      "| Kode | Jumlah \\| n |\n| --- | --- |\n| Ekonomi \\*utama\\* | 3 |\n| Baris<br>kedua 부산광역시 | \\<b\\>&\\</b\\> |\n\n",
      `> ““Kami ingin investasi,” katanya.\\\n> Baris kedua: \\<script\\>alert(1)\\</script\\> & 1 \\| 2”\n>\n> — ${CITATION}\n\n`,
      `> “Tidak ada manfaat \\*sama sekali\\*”\n>\n> (−) — ${CONTRA_CITATION}\n\n`,
      "\n\n#### Kesimpulan: Bà Rịa–Vũng Tàu (akhir)!\n\n",
      "![Frekuensi kode “utama”](data:image/svg+xml;base64,",
      ")\n\n*Frekuensi kode “utama”*\n",
    ];
    for (const fragment of fragments) expect(md).toContain(fragment);
    expect(md.endsWith("*\n")).toBe(true);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it("keeps Unicode byte for byte", () => {
    const bytes = Buffer.from(md, "utf8");
    for (const text of [VUNG_TAU, BUSAN, "“kerja sama”", CITATION, CONTRA_CITATION]) {
      expect(bytes.includes(Buffer.from(text, "utf8"))).toBe(true);
    }
    // Nothing was normalised: the decomposed form of the Vietnamese name is absent.
    expect(md.includes(VUNG_TAU.normalize("NFD"))).toBe(false);
  });

  it("has the block structure a Markdown parser would see, line by line", () => {
    const lines = md.split("\n");
    // Exactly one level-1 heading (the title) and headings shifted one level down.
    expect(lines.filter((l) => /^# /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^#{2,4} /.test(l))).toEqual([
      "## Daftar Isi",
      "## Motif ekonomi",
      "### Motif ekonomi",
      "#### Kesimpulan: Bà Rịa–Vũng Tàu (akhir)!",
      "## Motif ekonomi",
    ]);
    // Every line of a quote stays in the blockquote; no raw HTML tag reaches the output.
    const quoteStart = lines.findIndex((l) => l.startsWith("> ““Kami"));
    expect(lines.slice(quoteStart, quoteStart + 4).every((l) => l.startsWith(">"))).toBe(true);
    expect(md).not.toMatch(/(^|[^\\])<(?!br>|\/?(strong|em)>)/m);
    // Every toc link points at a heading's slug.
    const slug = createSlugger();
    const anchors = [report.title, ...lines.filter((l) => /^#{2,4} /.test(l)).map((l) => l.replace(/^#+ /, ""))].map(slug);
    for (const [, target] of md.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors).toContain(target);
  });

  it("embeds the chart as base64 of the UTF-8 SVG, which decodes to the same SVG", () => {
    const uri = /\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/.exec(md)![1]!;
    const svg = Buffer.from(uri, "base64").toString("utf8");
    expect(svg).toBe(chartSvg(chart));
    expect(svg).toBe(svgToString({ ...chart.svg, attrs: { ...chart.svg.attrs, viewBox: "0 0 200 100" } }));
    expect(svg).toContain(`${BUSAN} &amp; ${VUNG_TAU} &lt;x&gt;`);
  });

  it("encodes UTF-8 and base64 as Node does, astral characters, lone surrogates and padding included", () => {
    for (const text of ["", "a", "ab", "abc", "abcd", BUSAN, VUNG_TAU, "😀 “x”", "\ud800x"]) {
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
      expect(base64(utf8(text))).toBe(Buffer.from(text, "utf8").toString("base64"));
    }
  });

  it("marks a contradicting quote and leaves a supporting one unmarked", () => {
    expect(md).toContain(`> (−) — ${CONTRA_CITATION}`);
    expect(md).toContain(`> — ${CITATION}`);
  });

  it("falls back to inline HTML where asterisks would not be read as emphasis", () => {
    const para = (...runs: Inline[]) => reportToMarkdown({ language: "id", title: "T", subtitle: [], blocks: [{ type: "paragraph", runs }] }).slice(5, -1);
    expect(para({ text: "Motif", bold: true }, { text: ": ekonomi " }, { text: "dan budaya", bold: true, italic: true })).toBe(
      "**Motif**: ekonomi ***dan budaya***",
    );
    // Punctuation inside the emphasis against a letter outside, and two styles touching.
    expect(para({ text: "kata" }, { text: "“x”", bold: true }, { text: "lanjut" })).toBe("kata<strong>“x”</strong>lanjut");
    expect(para({ text: "a", italic: true }, { text: "b", bold: true }, { text: " c" })).toBe("<em>a</em><strong>b</strong> c");
    // Blanks stay outside the markers; a run of only blanks is plain text; a blank line is a line break.
    expect(para({ text: " x ", italic: true }, { text: "  ", bold: true }, { text: "y\n\nz\n" })).toBe("*x*   y\\\n\\\nz");
  });

  it("writes a minimal report without stray blank lines", () => {
    expect(reportToMarkdown({ language: "en", title: "T", subtitle: [], blocks: [{ type: "toc", title: "Contents" }] })).toBe(
      "# T\n\n## Contents\n",
    );
  });
});

describe("reportToHtml", () => {
  const html = reportToHtml(report);
  const doc = new DOMParser().parseFromString(html, "text/html");

  it("is one self-contained HTML5 file in the report's language", () => {
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    expect(doc.documentElement.lang).toBe("id");
    expect(doc.querySelector("meta[charset]")?.getAttribute("charset")).toBe("utf-8");
    expect(doc.title).toBe(report.title);
    expect(doc.querySelectorAll("script, link, img, iframe, object")).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(doc.querySelector("style")?.textContent).toContain("@page");
  });

  it("gives headings the Markdown's ids, and every toc link resolves", () => {
    const headings = [...doc.querySelectorAll("h1, h2, h3, h4")].map((h) => [h.tagName, h.id, h.textContent]);
    expect(headings).toEqual([
      ["H1", "laporan-koding-bà-rịavũng-tàu--부산광역시", report.title],
      ["H2", "daftar-isi", "Daftar Isi"],
      ["H2", "motif-ekonomi", "Motif ekonomi"],
      ["H3", "motif-ekonomi-1", "Motif ekonomi"],
      ["H4", "kesimpulan-bà-rịavũng-tàu-akhir", `Kesimpulan: ${VUNG_TAU} (akhir)!`],
      ["H2", "motif-ekonomi-2", "Motif ekonomi"],
    ]);
    const links = [...doc.querySelectorAll("nav.toc a")];
    expect(links.map((a) => a.textContent)).toEqual(["Motif ekonomi", "Motif ekonomi", `Kesimpulan: ${VUNG_TAU} (akhir)!`, "Motif ekonomi"]);
    for (const a of links) expect(doc.getElementById(a.getAttribute("href")!.slice(1))?.textContent).toBe(a.textContent);
    // Nesting follows the levels.
    expect(doc.querySelectorAll("nav.toc > ul > li")).toHaveLength(2);
    expect(doc.querySelector("nav.toc > ul > li > ul > li > ul > li > a")?.textContent).toContain("Kesimpulan");
    // The markdown's toc links the same anchors.
    const md = reportToMarkdown(report);
    expect([...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1])).toEqual(links.map((a) => a.getAttribute("href")!.slice(1)));
  });

  it("writes paragraphs with their styles, text exact and nothing executable", () => {
    const p = doc.querySelector("main > p:not(.subtitle)")!;
    expect(p.querySelector("strong")?.textContent).toBe("5 * 3 <script>alert(1)</script>");
    expect(p.querySelector("em")?.textContent).toBe(" & R&D | a_b [x] &amp; ");
    expect(p.querySelectorAll("br")).toHaveLength(3);
    expect(p.textContent).toBe(report.blocks.flatMap((b) => (b.type === "paragraph" ? b.runs.map((r) => r.text.replace(/\n/g, "")) : [])).join(""));
    expect(doc.querySelector(".subtitle")?.innerHTML).toBe("Proyek “Sister City”<br># Cakupan: 2 kasus");
  });

  it("writes tables with a header row and exact cells", () => {
    const table = doc.querySelector("table")!;
    expect([...table.querySelectorAll("thead th")].map((th) => [th.getAttribute("scope"), th.textContent])).toEqual([
      ["col", "Kode"],
      ["col", "Jumlah | n"],
    ]);
    expect([...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.innerHTML))).toEqual([
      ["Ekonomi *utama*", "3"],
      [`Baris<br>kedua ${BUSAN}`, "&lt;b&gt;&amp;&lt;/b&gt;"],
    ]);
  });

  it("writes quotes with their stance as a class, verbatim text and citation", () => {
    const quotes = [...doc.querySelectorAll("blockquote")];
    expect(quotes.map((q) => q.className)).toEqual(["quote supports", "quote contradicts"]);
    expect(quotes[0]!.querySelector("p")!.innerHTML).toBe(
      "““Kami ingin investasi,” katanya.<br>Baris kedua: &lt;script&gt;alert(1)&lt;/script&gt; &amp; 1 | 2”",
    );
    expect(quotes[0]!.querySelector("footer cite")?.textContent).toBe(CITATION);
    expect(quotes[0]!.querySelector(".stance")).toBeNull();
    expect(quotes[1]!.querySelector("p")?.textContent).toBe(`“${CONTRA}”`);
    expect(quotes[1]!.querySelector("footer cite")?.textContent).toBe(CONTRA_CITATION);
    expect(quotes[1]!.querySelector(".stance")?.textContent).toBe("(−)");
  });

  it("inlines the chart's SVG in a figure with its caption", () => {
    const figure = doc.querySelector("figure")!;
    const svg = figure.querySelector("svg")!;
    expect(svg.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(svg.getAttribute("viewBox")).toBe("0 0 200 100");
    expect(svg.querySelector("text")?.textContent).toBe(`${BUSAN} & ${VUNG_TAU} <x>`);
    expect(figure.querySelector("figcaption")?.textContent).toBe(chart.title);
  });

  it("keeps Unicode exact and escapes the title", () => {
    const en = reportToHtml({ ...report, language: "en", title: "<script>alert('x')</script> “T”" });
    const d = new DOMParser().parseFromString(en, "text/html");
    expect(d.documentElement.lang).toBe("en");
    expect(d.title).toBe("<script>alert('x')</script> “T”");
    expect(d.querySelectorAll("script")).toHaveLength(0);
    expect(Buffer.from(html, "utf8").includes(Buffer.from(`${VUNG_TAU} &amp; ${BUSAN}`, "utf8"))).toBe(true);
  });
});
