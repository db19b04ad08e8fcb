import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { memoExtensions, memoPayload } from "../../../renderer/components/memo/extensions.js";
import { memoBodyOf, memoSchema, readMemoFragment, writeMemoFragment } from "../../../shared/team/index.js";

const doc = (...blocks: unknown[]) => ({ type: "doc", content: blocks });
const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("team memos: the shared schema is the memo editor's", () => {
  it("has the same nodes and marks as the renderer's memo editor", () => {
    const renderer = getSchema(memoExtensions);
    const shared = memoSchema();
    expect(Object.keys(shared.nodes).sort()).toEqual(Object.keys(renderer.nodes).sort());
    expect(Object.keys(shared.marks).sort()).toEqual(Object.keys(renderer.marks).sort());
    expect(shared.nodes.heading!.spec.attrs).toEqual(renderer.nodes.heading!.spec.attrs);
  });

  it("derives content and text exactly as the editor saves them", () => {
    const json = doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Temuan" }] }, p("Nelayan "), { type: "bulletList", content: [{ type: "listItem", content: [p("izin")] }] }, { type: "paragraph" });
    const node = memoSchema().nodeFromJSON(json);
    expect(memoBodyOf(node)).toEqual(memoPayload(getSchema(memoExtensions).nodeFromJSON(json)));
  });

  it("round-trips through a fragment and merges two members' edits of one paragraph", () => {
    const a = new Y.Doc();
    const fa = a.getXmlFragment("m");
    a.transact(() => writeMemoFragment(a, fa, doc(p("hello world"))));
    expect(readMemoFragment(fa).text).toBe("hello world");
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const fb = b.getXmlFragment("m");
    a.transact(() => writeMemoFragment(a, fa, doc(p("hello big world"))));
    b.transact(() => writeMemoFragment(b, fb, doc(p("hello world!"))));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readMemoFragment(fa).text).toBe("hello big world!");
    expect(readMemoFragment(fb)).toEqual(readMemoFragment(fa));
    a.transact(() => writeMemoFragment(a, fa, null));
    expect(readMemoFragment(fa)).toEqual({ content: null, text: "" });
  });
});
