import { undoDepth } from "@tiptap/pm/history";
import { act, StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { catalogues, memoKey, newCodeId, type Code, type MemoTarget } from "../../shared/index.js";
import { MemoEditor } from "../../renderer/components/memo/index.js";
import { initI18n } from "../../renderer/i18n.js";
import { NOW, render, type Rendered, type TestMirror } from "./harness.js";
import { blurEditor, editorIn, focusEditor, pressKey, paragraphDoc, wait } from "./memoHarness.js";

const PROJECT: MemoTarget = { kind: "project" };

function addCode(mirror: TestMirror, name: string): MemoTarget {
  const code: Code = {
    id: newCodeId(),
    name,
    color: "#0b6e69",
    parentId: null,
    order: 0,
    description: { definition: "", whenToUse: "", whenNotToUse: "" },
    createdAt: NOW,
  };
  mirror.externalChange({ type: "addCode", code });
  return { kind: "code", id: code.id };
}

const status = (m: Rendered) => m.host.querySelector<HTMLElement>('[data-testid="memo-status"]')!;

let mirror: TestMirror;
let view: Rendered;

beforeEach(async () => {
  vi.useFakeTimers();
  view = await render(null);
  mirror = view.mirror;
});

afterEach(async () => {
  view.unmount();
  await vi.runOnlyPendingTimersAsync();
  vi.useRealTimers();
});

describe("MemoEditor", () => {
  it("renders the stable hooks: testids, data-memo-editor, .memo-content and toolbar actions", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const root = view.host.querySelector<HTMLElement>('[data-testid="memo-editor"]')!;
    expect(root).not.toBeNull();
    expect(root.hasAttribute("data-memo-editor")).toBe(true);
    expect(root.textContent).toContain("Project memo");
    const content = root.querySelector<HTMLElement>(".memo-content.ProseMirror")!;
    expect(content.getAttribute("contenteditable")).toBe("true");
    expect(content.classList.contains("is-editor-empty")).toBe(true);
    expect(content.dataset.placeholder).toBe(catalogues.en.memo.placeholder.project);
    const actions = [...root.querySelectorAll<HTMLButtonElement>("button[data-action]")].map((b) => b.dataset.action);
    expect(actions).toEqual(expect.arrayContaining(["bold", "italic", "h2", "bulletList", "orderedList", "blockquote"]));
    const bold = root.querySelector<HTMLButtonElement>('[data-action="bold"]')!;
    expect(bold.getAttribute("aria-label")).toBe("Bold");
    expect(bold.title).toMatch(/^Bold \((Ctrl\+B|⌘B)\)$/);
    expect(status(view).textContent).toBe("");
  });

  it("loads the memo stored in the project", async () => {
    mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("Why do farmers sell to middlemen?"), text: "x" });
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    expect(editor.getText()).toBe("Why do farmers sell to middlemen?");
    expect(view.host.querySelector(".memo-content")!.classList.contains("is-editor-empty")).toBe(false);
    expect(mirror.sent).toEqual([]);
  });

  it("saves a setMemo with JSON and text once typing pauses, not on every keystroke", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => void editor.commands.insertContent("Kepercayaan"));
    await wait(300);
    act(() => void editor.commands.insertContent(" pada tengkulak"));
    expect(status(view).textContent).toBe("Saving…");
    await wait(500);
    expect(mirror.sent).toEqual([]); // 500 ms after the last keystroke: still waiting
    await wait(150);
    const ops = mirror.sentOf("setMemo");
    expect(ops).toHaveLength(1);
    expect(ops[0]!.target).toEqual(PROJECT);
    expect(ops[0]!.text).toBe("Kepercayaan pada tengkulak");
    expect(ops[0]!.content).toEqual(editor.getJSON());
    expect(mirror.state.memos[memoKey(PROJECT)]?.text).toBe("Kepercayaan pada tengkulak");
    expect(status(view).textContent).toBe("Saved");
    expect(status(view).dataset.state).toBe("saved");
    // Our own save coming back changes nothing in the editor.
    expect(editor.getText()).toBe("Kepercayaan pada tengkulak");
  });

  it("saves formatting from the toolbar and shows the active state", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    act(() => void editor.commands.insertContent("Trust"));
    act(() => void editor.commands.setTextSelection({ from: 1, to: 6 }));
    const bold = view.host.querySelector<HTMLButtonElement>('[data-action="bold"]')!;
    expect(bold.getAttribute("aria-pressed")).toBe("false");
    act(() => bold.click());
    expect(bold.getAttribute("aria-pressed")).toBe("true");
    act(() => view.host.querySelector<HTMLButtonElement>('[data-action="h2"]')!.click());
    expect(view.host.querySelector<HTMLButtonElement>('[data-action="h2"]')!.getAttribute("aria-pressed")).toBe("true");
    await wait(600);
    const last = mirror.sentOf("setMemo").at(-1)!;
    expect(last.text).toBe("Trust");
    expect(JSON.stringify(last.content)).toContain('"heading"');
    expect(JSON.stringify(last.content)).toContain('"bold"');
  });

  it("saves at once on blur", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => void editor.commands.insertContent("Harga ditentukan pembeli"));
    blurEditor(editor);
    expect(mirror.sentOf("setMemo")).toHaveLength(1);
    await wait(0);
    expect(mirror.state.memos.project?.text).toBe("Harga ditentukan pembeli");
    await wait(1000);
    expect(mirror.sentOf("setMemo")).toHaveLength(1); // the debounced save is not sent a second time
  });

  it("deletes the memo when it is emptied", async () => {
    mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("Draft"), text: "Draft" });
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    act(() => void editor.commands.clearContent(true));
    await wait(600);
    expect(mirror.sentOf("setMemo")).toEqual([{ type: "setMemo", target: PROJECT, content: null, text: "" }]);
    expect(mirror.state.memos.project).toBeUndefined();
    expect(view.host.querySelector(".memo-content")!.classList.contains("is-editor-empty")).toBe(true);
  });

  it("sends nothing when an edit is undone before the pause", async () => {
    mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("Draft"), text: "Draft" });
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    act(() => void editor.commands.insertContentAt(editor.state.doc.content.size - 1, " two"));
    pressKey(editor, "z", { ctrlKey: true });
    expect(editor.getText()).toBe("Draft");
    await wait(600);
    expect(mirror.sent).toEqual([]);
  });

  it("sends nothing and says nothing when a memo is merely opened and clicked into", async () => {
    // Stored without the empty paragraph Tiptap keeps after a final quote (e.g. written by the CLI).
    const content = { type: "doc", content: [{ type: "blockquote", content: [paragraphDoc("Belum, izinnya sulit.").content[0]] }] };
    mirror.externalChange({ type: "setMemo", target: PROJECT, content, text: "Belum, izinnya sulit." });
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor); // the first transaction lets Tiptap add its trailing paragraph
    expect(editor.state.doc.childCount).toBe(2);
    expect(status(view).textContent).toBe("");
    await wait(600);
    blurEditor(editor);
    await wait(600);
    expect(mirror.sent).toEqual([]);
    expect(status(view).textContent).toBe("");
    // A real edit is saved without the trailing paragraph.
    act(() => void editor.commands.insertContentAt(editor.state.doc.content.size - 2, { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Izin" }] }));
    await wait(600);
    const saved = mirror.sentOf("setMemo")[0]!;
    expect((saved.content as { content: { type: string }[] }).content.map((n) => n.type)).toEqual(["blockquote", "heading"]);
    expect(saved.text).toBe("Belum, izinnya sulit.\n\nIzin");
  });

  it("flushes a pending save when it unmounts", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => void editor.commands.insertContent("Jangan hilang"));
    expect(mirror.sent).toEqual([]);
    view.unmount();
    expect(mirror.sentOf("setMemo").map((op) => op.text)).toEqual(["Jangan hilang"]);
    await wait(0);
    expect(mirror.state.memos.project?.text).toBe("Jangan hilang");
  });

  it("saves once and flushes on unmount under StrictMode, as the app renders", async () => {
    await view.rerender(
      <StrictMode>
        <MemoEditor target={PROJECT} label="Project memo" />
      </StrictMode>,
    );
    const editor = editorIn(view.host);
    act(() => void editor.commands.insertContent("Satu"));
    await wait(600);
    expect(mirror.sentOf("setMemo").map((op) => op.text)).toEqual(["Satu"]);
    act(() => void editor.commands.insertContent(" dua"));
    view.unmount();
    expect(mirror.sentOf("setMemo").map((op) => op.text)).toEqual(["Satu", "Satu dua"]);
  });

  it("on a target switch saves the old memo and shows the new one, with its own history", async () => {
    const motive = addCode(mirror, "Motive");
    mirror.externalChange({ type: "setMemo", target: motive, content: paragraphDoc("Economic or social?"), text: "Economic or social?" });
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const first = editorIn(view.host);
    focusEditor(first);
    act(() => void first.commands.insertContent("Project note"));
    await view.rerender(<MemoEditor target={motive} label="Memo on “Motive”" />);
    expect(mirror.sentOf("setMemo")).toHaveLength(1);
    expect(mirror.sentOf("setMemo")[0]).toMatchObject({ target: PROJECT, text: "Project note" });
    const second = editorIn(view.host);
    expect(second.getText()).toBe("Economic or social?");
    expect(undoDepth(second.state)).toBe(0);
    await wait(600);
    expect(mirror.state.memos.project?.text).toBe("Project note");
    expect(mirror.sentOf("setMemo")).toHaveLength(1);
  });

  it("reloads a memo changed from outside (undo) without sending an operation", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    act(() => void editor.commands.insertContent("First thought"));
    await wait(600);
    expect(mirror.sent).toHaveLength(1);
    // The project's undo of that setMemo arrives from the backend.
    act(() => mirror.externalChange({ type: "setMemo", target: PROJECT, content: null, text: "" }));
    expect(editor.getText()).toBe("");
    act(() => mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("First thought"), text: "First thought" }));
    expect(editor.getText()).toBe("First thought");
    await wait(1000);
    expect(mirror.sent).toHaveLength(1);
    // The reload is not in the editor's own history: its undo goes back to before the typing.
    expect(undoDepth(editor.state)).toBe(1);
  });

  it("does not clobber typing in a focused editor; the typed text wins on blur", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => void editor.commands.insertContent("Mine"));
    act(() => mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("Theirs"), text: "Theirs" }));
    expect(editor.getText()).toBe("Mine");
    blurEditor(editor);
    await wait(0);
    expect(mirror.sentOf("setMemo").at(-1)?.text).toBe("Mine");
    expect(mirror.state.memos.project?.text).toBe("Mine");
    expect(editor.getText()).toBe("Mine");
  });

  it("shows an outside change that came while focused once the editor is left", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => mirror.externalChange({ type: "setMemo", target: PROJECT, content: paragraphDoc("Redone"), text: "Redone" }));
    expect(editor.getText()).toBe("");
    blurEditor(editor);
    expect(editor.getText()).toBe("Redone");
    await wait(1000);
    expect(mirror.sent).toEqual([]);
  });

  it("reports a failed save and keeps the text to try again", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    const failure = new Error("disk full");
    mirror.failNext(failure);
    act(() => void editor.commands.insertContent("Precious"));
    await wait(600);
    expect(view.app.errors).toContain(failure);
    expect(status(view).dataset.state).toBe("error");
    expect(status(view).textContent).toBe("Not saved");
    expect(editor.getText()).toBe("Precious");
    blurEditor(editor);
    await wait(0);
    expect(mirror.sentOf("setMemo")).toHaveLength(2);
    expect(mirror.state.memos.project?.text).toBe("Precious");
    expect(status(view).dataset.state).toBe("saved");
  });

  it("makes Ctrl+Z in the memo the memo's own undo and keeps it from the window's project undo", async () => {
    await view.rerender(<MemoEditor target={PROJECT} label="Project memo" />);
    const editor = editorIn(view.host);
    focusEditor(editor);
    act(() => void editor.commands.insertContent("Oops"));
    const onWindow = vi.fn();
    window.addEventListener("keydown", onWindow);
    try {
      const undo = pressKey(editor, "z", { ctrlKey: true });
      expect(editor.getText()).toBe("");
      expect(undo.defaultPrevented).toBe(true);
      pressKey(editor, "y", { ctrlKey: true });
      expect(editor.getText()).toBe("Oops");
      pressKey(editor, "Z", { metaKey: true, shiftKey: true });
      expect(onWindow).not.toHaveBeenCalled();
      pressKey(editor, "k", { ctrlKey: true });
      expect(onWindow).toHaveBeenCalledTimes(1); // other shortcuts still bubble
      const tool = view.host.querySelector<HTMLButtonElement>('[data-action="italic"]')!;
      act(() => {
        tool.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }));
      });
      expect(onWindow).toHaveBeenCalledTimes(2); // outside the text, Ctrl+Z is the project's
    } finally {
      window.removeEventListener("keydown", onWindow);
    }
    blurEditor(editor);
    await wait(0);
    expect(mirror.sentOf("setMemo").map((op) => op.text)).toEqual(["Oops"]);
  });

  it("follows the language for the hint and the toolbar", async () => {
    await view.rerender(<MemoEditor target={{ kind: "code", id: newCodeId() }} label="Memo" />);
    const i18n = await act(() => initI18n("id"));
    try {
      await view.rerender(<MemoEditor target={{ kind: "code", id: newCodeId() }} label="Memo" />);
      expect(view.host.querySelector<HTMLElement>(".memo-content")!.dataset.placeholder).toBe(catalogues.id.memo.placeholder.code);
      expect(view.host.querySelector('[data-action="bold"]')!.getAttribute("aria-label")).toBe("Tebal");
    } finally {
      await act(async () => void (await i18n.changeLanguage("en")));
    }
  });
});

describe("memo catalogue", () => {
  it("has the same keys in English and Indonesian, none empty", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === "object" && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(catalogues.id.memo).sort()).toEqual(keys(catalogues.en.memo).sort());
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (typeof v === "object" && v ? values(v as object) : [v]));
    for (const v of [...values(catalogues.en.memo), ...values(catalogues.id.memo)]) expect(v).toMatch(/\S/);
  });
});
