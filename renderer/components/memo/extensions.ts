import { getText, getTextSerializersFromSchema, isNodeEmpty, type JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";

/**
 * What a memo may hold: prose with light structure. No code (a memo is notes, not a program) and
 * no links: in the desktop app a click on one would navigate the window away from the project.
 */
export const memoExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    link: false,
  }),
];

/** The `setMemo` payload for a document: `content: null` when there is nothing in it. */
export interface MemoPayload {
  content: JSONContent | null;
  text: string;
}

export function isEmptyMemo(doc: ProseMirrorNode): boolean {
  return isNodeEmpty(doc, { ignoreWhitespace: true });
}

const isEmptyParagraph = (node: JSONContent) => node.type === "paragraph" && !node.content?.length;

/**
 * `editor.getJSON()` and `editor.getText()`, but from a document snapshot, and canonical: the empty
 * paragraph Tiptap keeps after a final heading, list or quote (and adds on the first keystroke to a
 * memo stored without it) is left out, so merely opening a memo never looks like an edit to save.
 */
export function memoPayload(doc: ProseMirrorNode): MemoPayload {
  if (isEmptyMemo(doc)) return { content: null, text: "" };
  const json = doc.toJSON() as JSONContent;
  const blocks = [...(json.content ?? [])];
  while (blocks.length > 1 && isEmptyParagraph(blocks.at(-1)!)) blocks.pop();
  const text = getText(doc, { blockSeparator: "\n\n", textSerializers: getTextSerializersFromSchema(doc.type.schema) }).trim();
  return { content: { ...json, content: blocks }, text };
}

/** Whether `doc` shows what `stored` holds (null: no memo). Unreadable stored content never matches. */
export function showsStored(doc: ProseMirrorNode, stored: unknown, schema: Schema): boolean {
  if (stored === null || stored === undefined) return isEmptyMemo(doc);
  try {
    return JSON.stringify(memoPayload(schema.nodeFromJSON(stored)).content) === JSON.stringify(memoPayload(doc).content);
  } catch {
    return false;
  }
}
