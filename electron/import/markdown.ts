import { offset, type Block } from "../../shared/index.js";

/** An ATX heading opener: up to three spaces, one to six #, then a space/tab or the line's end. */
const ATX_OPEN = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
/** The optional closing sequence "## Title ##", with the whitespace before it. */
const ATX_CLOSE = /(?:^|[ \t]+)#+[ \t]*$/;
/** A code fence opener or closer: ``` or ~~~ (a "# comment" inside one is not a heading). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Blocks of a Markdown text, which itself is stored verbatim: `# Heading` lines become heading
 * blocks whose range is only the heading's words (no `#`s, no closing sequence), every other
 * non-empty line a paragraph, as in plain text. Setext headings and other syntax stay paragraphs.
 */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let fence: string | null = null;
  const line = (start: number, end: number) => {
    const content = text.slice(start, end);
    const fenceMark = FENCE.exec(content)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
    }
    const heading = fence === null && !fenceMark ? ATX_OPEN.exec(content) : null;
    if (heading) {
      const words = content.slice(heading[0].length).replace(ATX_CLOSE, "").trimEnd();
      const from = start + heading[0].length;
      if (words) blocks.push({ start: offset(from), end: offset(from + words.length), kind: "heading", level: heading[1]!.length });
    } else if (content.trim()) {
      blocks.push({ start: offset(start), end: offset(end), kind: "paragraph" });
    }
  };
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    line(start, m.index);
    start = m.index + m[0].length;
  }
  line(start, text.length);
  return blocks;
}
