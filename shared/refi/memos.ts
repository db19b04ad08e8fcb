import { memoKey, type MemoTarget, type ProjectState } from "../model/project.js";
import type { Operation } from "../ops/operation.js";
import type { RefiProject } from "./model.js";

/**
 * A Tiptap document of plain paragraphs, the form memos are kept in, from a note of another tool:
 * each line is a paragraph (a note is plain text, where a line break is the only structure), and
 * blank lines only separate them, so "one\n\ntwo" is two paragraphs, not three.
 */
export function memoContent(text: string): unknown {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim());
  return { type: "doc", content: lines.length ? lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) : [{ type: "paragraph" }] };
}

/** Whether a memo Tandai exported looks like the Tiptap document it was: a doc with a list of nodes. */
const isDoc = (value: unknown): boolean =>
  Boolean(value) && typeof value === "object" && (value as { type?: unknown }).type === "doc" && Array.isArray((value as { content?: unknown }).content ?? []);

/**
 * Memos from notes (and selection or source descriptions), one per target: several notes on one
 * target are joined by blank lines. A memo Tandai exported comes back with its formatting — the
 * note holds plain text for other tools, and `tandai.json` the Tiptap document by the note's GUID —
 * when it is the target's only note and its text is still what Tandai wrote (another tool may have
 * edited the note; then the plain text wins, as paragraphs).
 */
export class MemoCollector {
  private readonly byKey = new Map<string, { target: MemoTarget; parts: string[]; rich?: { content: unknown; text: string } }>();
  private readonly notes: Map<string, { text: string }>;

  constructor(
    private readonly state: ProjectState,
    private readonly project: RefiProject,
  ) {
    this.notes = new Map(project.notes.map((n) => [n.guid, n]));
  }

  hasNote(guid: string): boolean {
    return this.notes.has(guid);
  }

  /** A description's text on a target. */
  addText(target: MemoTarget, text: string | undefined): void {
    this.add(target, text, undefined);
  }

  /** A note on a target, by its GUID. */
  addNote(target: MemoTarget, guid: string): void {
    this.add(target, this.notes.get(guid)?.text, guid);
  }

  private add(target: MemoTarget, text: string | undefined, noteGuid: string | undefined) {
    const clean = text?.trim();
    const key = memoKey(target);
    if (!clean || this.state.memos[key]) return;
    const entry = this.byKey.get(key) ?? { target, parts: [] };
    if (entry.parts.includes(clean)) return;
    entry.parts.push(clean);
    const kept = noteGuid ? this.project.extras?.memos?.[noteGuid] : undefined;
    if (kept && kept.text === text && isDoc(kept.content)) entry.rich = kept;
    this.byKey.set(key, entry);
  }

  /** One setMemo per target. */
  ops(): Operation[] {
    return [...this.byKey.values()].map(({ target, parts, rich }) => {
      if (rich && parts.length === 1) return { type: "setMemo", target, content: rich.content, text: rich.text };
      const text = parts.join("\n\n");
      return { type: "setMemo", target, content: memoContent(text), text };
    });
  }
}
