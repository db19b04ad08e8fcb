import type { Editor } from "@tiptap/core";
import { act } from "react";
import { vi } from "vitest";

// Helpers for the memo editor's tests; the mirror, app and rendering come from ./harness.js.

/** The Tiptap editor behind a `.memo-content` (Tiptap keeps it on its DOM node). */
export function editorIn(host: HTMLElement): Editor {
  const dom = host.querySelector(".memo-content");
  if (!dom) throw new Error("no memo editor rendered");
  return (dom as unknown as { editor: Editor }).editor;
}

/** jsdom does not focus contenteditable elements, so send the events ProseMirror listens for. */
export function focusEditor(editor: Editor): void {
  act(() => {
    editor.view.dom.dispatchEvent(new FocusEvent("focus"));
  });
}

/** A key press in the memo's text, as the browser sends it (ProseMirror's keymaps listen for it). */
export function pressKey(editor: Editor, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    editor.view.dom.dispatchEvent(event);
  });
  return event;
}

export function blurEditor(editor: Editor): void {
  act(() => {
    editor.view.dom.dispatchEvent(new FocusEvent("blur"));
  });
}

/** Lets (fake) timers run and the test backend answer. */
export async function wait(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

export function paragraphDoc(...paragraphs: string[]) {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}
