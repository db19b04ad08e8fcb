import type { Report, ReportBlock } from "../../../shared/export/model.js";
import { sampleReport } from "./sampleReport.js";

/** Quotes that test the escaping and line handling: entities, both quote marks, CRLF, empty lines, control characters. */
const AWKWARD = [
  'a <b> & "c" \'d\'',
  "two\r\nlines\rand\nmore",
  "",
  "\n\nleading breaks",
  "control \u0001\u0008\u000b\u000c\u001f gone, tab\tand emoji 🙂 kept",
  "부산광역시 · Bà Rịa–Vũng Tàu",
  "  spaces  ",
];

/**
 * The sample report with runs of quotes placed first, between blocks of every kind, and last: past
 * 400 blocks, so the .docx writer streams its quotes. Quote i ends with "#i", to find each again.
 */
export function longReport(quotes = 450): Report {
  const base = sampleReport();
  const quote = (i: number): ReportBlock => ({
    type: "quote",
    text: `${AWKWARD[i % AWKWARD.length]} #${i}`,
    citation: i % 5 === 0 ? `Wawancara ${i}\n¶ ${i}` : `Wawancara ${i}, ¶ ${i}`,
    stance: i % 3 === 0 ? "contradicts" : "supports",
  });
  const blocks: ReportBlock[] = [];
  let q = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) blocks.push(quote(q++));
  };
  run(3);
  for (const block of base.blocks) {
    blocks.push(block);
    run(Math.floor(quotes / base.blocks.length));
  }
  run(Math.max(0, quotes - q));
  return { ...base, blocks };
}
