import type { SvgNode } from "../../../shared/charts/svg.js";
import type { Report } from "../../../shared/export/model.js";

/**
 * A hand-built coded-summary report with every kind of block, for the DOCX writer's unit test and
 * its LibreOffice rendering check: headings at three levels, a table of contents, Vietnamese and
 * Korean place names, curly quotes, quotes of both stances, a table and a chart.
 */
export const SAMPLE = {
  vietnamese: "Bà Rịa–Vũng Tàu",
  korean: "부산광역시",
  supporting: "Kerja sama dengan Bà Rịa–Vũng Tàu membuka peluang “investasi” bagi UMKM Padang.",
  supportingCitation: "Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, ¶ 2; peneliti",
  contradicting: "Sebenarnya motif ekonomi belum terlihat hasilnya.",
  contradictingCitation: "Wawancara Bappeda Padang, Padang – Bà Rịa–Vũng Tàu, ¶ 3; peneliti",
  koreanQuote: "부산광역시 delegation signed the LoI in 2019 — “a new chapter”.",
  koreanCitation: "Busan interview notes, Surabaya – Busan (부산), ¶ 2; peneliti",
  tableHeader: ["Kasus", "Kode", "Mendukung", "Bertentangan"],
  tableRows: [
    ["Padang – Bà Rịa–Vũng Tàu", "Motif ekonomi", "3", "1"],
    ["Surabaya – Busan (부산)", "Hambatan “Covid-19”", "2", "0"],
  ],
  chartTitle: "Frekuensi kode per kasus",
  headings: ["Ringkasan hasil koding", "Motif kerja sama", "Motif ekonomi", "Lampiran"],
  tocTitle: "Daftar Isi",
} as const;

/** A small bar chart as the chart builders make them: bars, axis labels, Korean and Vietnamese text. */
export const sampleChart: SvgNode = {
  tag: "svg",
  attrs: { width: 480, height: 200, viewBox: "0 0 480 200", "font-family": "sans-serif", "font-size": 12 },
  children: [
    { tag: "rect", attrs: { x: 0, y: 0, width: 480, height: 200, fill: "#ffffff" } },
    { tag: "text", attrs: { x: 10, y: 40 }, children: [SAMPLE.vietnamese] },
    { tag: "rect", attrs: { x: 170, y: 26, width: 240, height: 20, fill: "#3b7dd8" } },
    { tag: "text", attrs: { x: 420, y: 40 }, children: ["3"] },
    { tag: "text", attrs: { x: 10, y: 90 }, children: [SAMPLE.korean] },
    { tag: "rect", attrs: { x: 170, y: 76, width: 160, height: 20, fill: "#d8733b" } },
    { tag: "text", attrs: { x: 340, y: 90 }, children: ["2"] },
    { tag: "line", attrs: { x1: 170, y1: 15, x2: 170, y2: 110, stroke: "#333333" } },
  ],
};

export function sampleReport(): Report {
  const [h1, h2, h3, appendix] = SAMPLE.headings;
  return {
    language: "id",
    title: "Laporan ringkasan koding",
    subtitle: ["Proyek: Kerja sama sister city", "Cakupan: semua kasus", "23 November 2026"],
    blocks: [
      { type: "toc", title: SAMPLE.tocTitle },
      { type: "heading", level: 1, text: h1 },
      {
        type: "paragraph",
        runs: [
          { text: "Laporan ini merangkum " },
          { text: "12 koding", bold: true },
          { text: " dari 3 dokumen, termasuk kota " },
          { text: SAMPLE.vietnamese, italic: true },
          { text: " dan " },
          { text: SAMPLE.korean, bold: true, italic: true },
          { text: "." },
        ],
      },
      { type: "table", header: [...SAMPLE.tableHeader], rows: SAMPLE.tableRows.map((row) => [...row]) },
      { type: "heading", level: 2, text: h2 },
      { type: "heading", level: 3, text: h3 },
      { type: "quote", text: SAMPLE.supporting, citation: SAMPLE.supportingCitation, stance: "supports" },
      { type: "quote", text: SAMPLE.contradicting, citation: SAMPLE.contradictingCitation, stance: "contradicts" },
      { type: "quote", text: SAMPLE.koreanQuote, citation: SAMPLE.koreanCitation, stance: "supports" },
      { type: "chart", title: SAMPLE.chartTitle, svg: sampleChart, width: 480, height: 200 },
      { type: "heading", level: 1, text: appendix },
      { type: "paragraph", runs: [{ text: "Catatan: kutipan ditulis apa adanya." }] },
    ],
  };
}
