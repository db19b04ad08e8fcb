import type { Report } from "./model.js";

/**
 * Heading anchors shared by the Markdown and HTML writers, so a table of contents links the same
 * way in both, and the Markdown's links resolve where it is most often read (GitHub, VS Code,
 * Obsidian), which all derive anchors the way github-slugger does: lower case, drop everything but
 * letters, marks, digits, connectors, spaces and hyphens (Unicode letters stay: "bà-rịavũng-tàu"),
 * spaces become hyphens, and repeats get -1, -2 in document order.
 */
const NOT_KEPT = /[^\p{L}\p{M}\p{N}\p{Pc} -]/gu;

/** A heading's text on one line, as a heading can hold no line break. */
export function headingText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export function slugify(text: string): string {
  return headingText(text).toLowerCase().replace(NOT_KEPT, "").replace(/ /g, "-");
}

/** Slugs unique within one document, numbered as github-slugger numbers them. */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    // An id cannot be empty in HTML; a heading of only punctuation still needs a target.
    const base = slugify(text) || "section";
    let slug = base;
    while (seen.has(slug)) {
      const n = seen.get(base)! + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}

export interface TocEntry {
  text: string;
  id: string;
  /** Nesting in the list, 0-based; never more than one deeper than the entry before. */
  depth: number;
}

export interface Outline {
  titleId: string;
  /** The anchor of each block that is rendered as a heading (headings and toc titles), by index. */
  ids: (string | undefined)[];
  /** The report's headings, for every toc block (the title and toc titles are not listed). */
  entries: TocEntry[];
}

/**
 * Anchors for the title and every heading-like block, in document order, as a renderer would
 * assign them: toc titles are headings in the output, so they take their slug too.
 */
export function outlineOf(report: Report): Outline {
  const slug = createSlugger();
  const titleId = slug(report.title);
  const entries: TocEntry[] = [];
  let depth = -1;
  const ids = report.blocks.map((block) => {
    if (block.type === "toc") return slug(block.title);
    if (block.type !== "heading") return undefined;
    const id = slug(block.text);
    // A level-3 heading straight under a level-1 one nests one step, not two: a list cannot skip.
    depth = Math.min(block.level - 1, depth + 1);
    entries.push({ text: headingText(block.text), id, depth });
    return id;
  });
  return { titleId, ids, entries };
}
