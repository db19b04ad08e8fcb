import type { Editor } from "@tiptap/core";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { vi, type Mock } from "vitest";
import { applyOperation, CodingIndex, emptyProject, newProjectId, type Operation, type ProjectState } from "../../shared/index.js";
import { AppContext, type AppActions } from "../../renderer/state/app.js";
import { ProjectContext } from "../../renderer/state/context.js";
import type { ProjectMirror, ProjectSnapshot } from "../../renderer/state/projectStore.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const NOW = "2026-01-01T00:00:00.000Z";

/**
 * Stands in for the backend at the transport boundary: `apply` runs shared's real applyOperation
 * on the mirrored state (as the backend and ProjectMirror.receive do) and records what was sent.
 * `fail` makes the next apply reject, as a backend error would.
 */
export class FakeMirror {
  readonly sent: Operation[] = [];
  fail: unknown = null;
  private listeners = new Set<() => void>();
  private snapshot: ProjectSnapshot;

  constructor(state: ProjectState = emptyProject(newProjectId(), "Skripsi", NOW)) {
    this.snapshot = { dir: "/tmp/skripsi", state, canUndo: false, canRedo: false, version: 0, index: new CodingIndex(state) };
  }

  get current(): ProjectSnapshot {
    return this.snapshot;
  }

  get state(): ProjectState {
    return this.snapshot.state;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  async apply(op: Operation): Promise<void> {
    this.sent.push(op);
    await Promise.resolve(); // the round trip to the backend
    if (this.fail) {
      const error = this.fail;
      this.fail = null;
      throw error;
    }
    this.receive(op);
  }

  /** A change that did not come from the memo editor (undo, redo, another view). */
  receive(op: Operation): void {
    applyOperation(this.snapshot.state, op, NOW);
    this.snapshot = { ...this.snapshot, canUndo: true, version: this.snapshot.version + 1 };
    for (const listener of this.listeners) listener();
  }

  setMemoOps(): Extract<Operation, { type: "setMemo" }>[] {
    return this.sent.filter((op): op is Extract<Operation, { type: "setMemo" }> => op.type === "setMemo");
  }
}

export function fakeApp(): AppActions & { showError: Mock<(error: unknown) => void> } {
  return {
    preferences: {} as AppActions["preferences"],
    info: null,
    setPreferences: vi.fn(),
    openProject: vi.fn(),
    createProject: vi.fn(),
    openSample: vi.fn(),
    restoreBackup: vi.fn(),
    closeProject: vi.fn(),
    showError: vi.fn<(error: unknown) => void>(),
  };
}

export interface Mounted {
  host: HTMLDivElement;
  render(node: ReactNode): void;
  unmount(): void;
}

/** Renders inside the project and app contexts, as the workspace does. */
export function mount(mirror: FakeMirror, app: AppActions = fakeApp()): Mounted {
  const host = document.createElement("div");
  document.body.append(host);
  const root: Root = createRoot(host);
  let mounted = true;
  return {
    host,
    render(node) {
      act(() =>
        root.render(
          <AppContext.Provider value={app}>
            <ProjectContext.Provider value={mirror as unknown as ProjectMirror}>{node}</ProjectContext.Provider>
          </AppContext.Provider>,
        ),
      );
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      act(() => root.unmount());
      host.remove();
    },
  };
}

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

/** Lets timers run and the fake backend answer. */
export async function wait(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

export function paragraphDoc(...paragraphs: string[]) {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}
