import { Node } from "@tiptap/core";

/**
 * The shape of a coded document: `doc > section+ > (paragraph | heading)+ > text*`.
 * Sections group a few blocks so the browser can skip laying out those off screen
 * (`content-visibility: auto`) and an update touches one small section. The nodes are never
 * parsed from HTML: the document is built from the stored blocks (see `buildDocument.ts`).
 */

export const CodedDocument = Node.create({
  name: "doc",
  topNode: true,
  content: "section+",
});

export const Section = Node.create({
  name: "section",
  content: "block+",
  isolating: true,
  addAttributes() {
    return {
      /** Estimated height in em, so a section skipped by the browser takes about its real room. */
      estimate: {
        default: null,
        renderHTML: (attrs) => (attrs.estimate ? { "data-estimate": String(attrs.estimate) } : {}),
      },
      /** On screen when the document opens: laid out at once, never skipped (see documentView.css). */
      shown: {
        default: null,
        renderHTML: (attrs) => (attrs.shown ? { "data-shown": "" } : {}),
      },
    };
  },
  renderHTML({ HTMLAttributes }) {
    return ["section", { ...HTMLAttributes, class: "tandai-section" }, 0];
  },
});

/** Where a new PDF page begins, shown as a small marker in the margin. */
const pageStart = {
  default: null,
  renderHTML: (attrs: Record<string, unknown>) => (attrs.pageStart ? { "data-page": String(attrs.pageStart) } : {}),
};

export const Paragraph = Node.create({
  name: "paragraph",
  group: "block",
  content: "text*",
  addAttributes: () => ({ pageStart }),
  renderHTML({ HTMLAttributes }) {
    return ["p", HTMLAttributes, 0];
  },
});

export const Heading = Node.create({
  name: "heading",
  group: "block",
  content: "text*",
  defining: true,
  addAttributes: () => ({ level: { default: 1, rendered: false }, pageStart }),
  renderHTML({ node, HTMLAttributes }) {
    const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
    return [`h${level}`, HTMLAttributes, 0];
  },
});

export const Text = Node.create({
  name: "text",
  group: "inline",
});

export const documentNodes = [CodedDocument, Section, Paragraph, Heading, Text];
