import type { Editor } from "@tiptap/core";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";
import { DocumentView, type DocumentViewProps } from "../../renderer/editor/index.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What a render of the document view gives a test: its editable element, the view, the Tiptap editor. */
export interface RenderedView {
  dom: HTMLElement;
  view: HTMLElement;
  editor: Editor;
}

/** The DocumentView's host in a test: `render` renders (or re-renders) it with `props`; `clear` renders nothing there. */
export interface ViewHost {
  render(props: DocumentViewProps): RenderedView;
  clear(): void;
  readonly host: HTMLDivElement;
}

/** A host in the page for the DocumentView, made before each test and unmounted after it. For the tests of the coding view itself. */
export function useDocumentView(): ViewHost {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement("div");
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });
  return {
    render(props) {
      act(() => root.render(<DocumentView {...props} />));
      const dom = host.querySelector<HTMLElement>(".ProseMirror");
      if (!dom) throw new Error("the document view drew no editor");
      return { dom, view: host.querySelector<HTMLElement>("[data-document-view]")!, editor: (dom as unknown as { editor: Editor }).editor };
    },
    clear: () => act(() => root.render(null)),
    get host() {
      return host;
    },
  };
}
