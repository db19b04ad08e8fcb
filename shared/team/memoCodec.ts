/**
 * Memos in the shared document: each memo's rich content is a Y.XmlFragment in the form
 * @tiptap/extension-collaboration (y-tiptap) binds an editor to, so two members' offline edits to one
 * memo merge as text. The schema is the memo editor's (renderer/components/memo/extensions.ts; a test
 * holds the two equal). Tiptap's core and y-tiptap build schemas and convert fragments without a DOM,
 * so this module runs in node (CLI, server, tests) as in the renderer, which is why shared/ may import
 * them here and only here.
 */
/* eslint-disable no-restricted-imports -- schema construction and fragment conversion are DOM-free (see above) */
import { getSchema, getText, getTextSerializersFromSchema, isNodeEmpty } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
/* eslint-enable no-restricted-imports */
import type * as Y from "yjs";

/** The memo editor's extensions, configured as the renderer configures them. */
export const memoSchemaExtensions = [StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: false })];

let schema: Schema | undefined;
/** The memo editor's ProseMirror schema, built once. */
export function memoSchema(): Schema {
  schema ??= getSchema(memoSchemaExtensions);
  return schema;
}

export interface MemoBody {
  /** Tiptap JSON, canonical (as the memo editor saves it), or null when the memo is empty. */
  content: unknown;
  text: string;
}

type Json = { type?: string; content?: Json[] };
const isEmptyParagraph = (node: Json) => node.type === "paragraph" && !node.content?.length;

/** The memo editor's memoPayload: canonical JSON and plain text of a ProseMirror document. */
export function memoBodyOf(doc: ProseMirrorNode): MemoBody {
  if (isNodeEmpty(doc, { ignoreWhitespace: true })) return { content: null, text: "" };
  const json = doc.toJSON() as Json;
  const blocks = [...(json.content ?? [])];
  while (blocks.length > 1 && isEmptyParagraph(blocks.at(-1)!)) blocks.pop();
  const text = getText(doc, { blockSeparator: "\n\n", textSerializers: getTextSerializersFromSchema(doc.type.schema) }).trim();
  return { content: { ...json, content: blocks }, text };
}

/** Stored memo content (Tiptap JSON) in canonical form; content the schema refuses is kept as it is. */
export function canonicalMemoContent(content: unknown): unknown {
  if (content === null || content === undefined) return null;
  try {
    return memoBodyOf(memoSchema().nodeFromJSON(content)).content;
  } catch {
    return content;
  }
}

/** The memo a fragment holds. */
export function readMemoFragment(fragment: Y.XmlFragment): MemoBody {
  if (fragment.length === 0) return { content: null, text: "" };
  const json = yXmlFragmentToProsemirrorJSON(fragment);
  try {
    return memoBodyOf(memoSchema().nodeFromJSON(json));
  } catch {
    return { content: null, text: "" };
  }
}

/**
 * Makes `fragment` hold `content` by the smallest change (y-tiptap's diff: unchanged paragraphs and
 * characters keep their Y items), so a concurrent edit elsewhere in the memo survives. null empties it.
 * Call inside a transaction of `doc`.
 */
export function writeMemoFragment(doc: Y.Doc, fragment: Y.XmlFragment, content: unknown): void {
  if (content === null || content === undefined) {
    if (fragment.length) fragment.delete(0, fragment.length);
    return;
  }
  const node = memoSchema().nodeFromJSON(content);
  updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
}
