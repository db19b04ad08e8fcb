import type { Page } from "playwright-core";

/** What the reader sees selected: the page's selection. */
export const pageSelection = (page: Page): Promise<string> => page.evaluate(() => String(getSelection()));

/**
 * The text of the selection the coding view holds, which a code's key codes (Tiptap puts its
 * editor on the view's element). The view reads the page's selection at the browser's next
 * "selectionchange": a test waits for this to hold what it selected before asserting what is on
 * screen, so a selection written back late is seen, and none is read too early.
 */
export const heldSelection = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const view = document.querySelector("[data-document-view] .ProseMirror") as unknown as { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(from: number, to: number): string } } } } | null;
    if (!view?.editor) throw new Error("no coding view in the page");
    const { selection, doc } = view.editor.state;
    return doc.textBetween(selection.from, selection.to);
  });
