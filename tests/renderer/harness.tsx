import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import {
  applyOperation,
  describeOperation,
  emptyProject,
  History,
  newProjectId,
  Operation,
  TandaiError,
  type Applied,
  type HistoryStep,
  type Language,
  type ProjectState,
} from "../../shared/index.js";
import { initI18n } from "../../renderer/i18n.js";
import { AppContext, type AppActions } from "../../renderer/state/app.js";
import { ProjectContext } from "../../renderer/state/context.js";
import { ProjectMirror } from "../../renderer/state/projectStore.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout, and its ranges not even empty boxes: ProseMirror's coordsAtPos (the coding
// stripes measure with it in an animation frame) would throw after a test has passed.
const noBox = { left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => noBox;

export const NOW = "2026-01-01T00:00:00.000Z";

/**
 * The real ProjectMirror with its transport replaced by an in-memory backend: the backend keeps its
 * own copy of the project, checks each operation against the IPC contract's schema, applies it with
 * shared's applyOperation and keeps the undo history, then the mirror receives what was applied,
 * exactly as over IPC. `sent` records every operation the UI sent; `failNext` makes the backend
 * reject the next one; `externalChange` is a change the view under test did not send.
 *
 * The round trip waits one microtask, never a timer, so it answers under vi.useFakeTimers too.
 */
export class TestMirror extends ProjectMirror {
  readonly sent: Operation[] = [];
  /** The backend's copy of the project (the mirror's copy is `state`). */
  readonly backend: ProjectState;
  private readonly history = new History();
  private failure: unknown = null;

  constructor(state: ProjectState = emptyProject(newProjectId(), "Skripsi", NOW)) {
    super({ dir: "/tmp/skripsi", state, canUndo: false, canRedo: false });
    this.backend = structuredClone(state);
  }

  get state(): ProjectState {
    return this.current.state;
  }

  failNext(error: unknown): void {
    this.failure = error;
  }

  /** What the UI sent of one kind of operation. */
  sentOf<T extends Operation["type"]>(type: T): Extract<Operation, { type: T }>[] {
    return this.sent.filter((op): op is Extract<Operation, { type: T }> => op.type === type);
  }

  /**
   * A change that did not come from the view under test (another view, the CLI, an import): the
   * backend applies it and the mirror receives it at once, without a round trip and not in `sent`.
   */
  externalChange(op: Operation): void {
    const applied = this.applyInBackend(op);
    this.receive({ applied: structuredClone(applied), canUndo: this.history.canUndo, canRedo: this.history.canRedo });
  }

  override async apply(op: Operation): Promise<void> {
    this.sent.push(op);
    this.receive(await this.roundTrip(() => this.applyInBackend(op)));
  }

  override async undo(): Promise<void> {
    this.receive(await this.roundTrip(() => this.undoOne()));
  }

  override async redo(): Promise<void> {
    this.receive(await this.roundTrip(() => {
      const again = this.history.peekRedo();
      if (!again) return null;
      this.step = { direction: "redo", description: this.history.nextRedo, count: 1 };
      this.history.redone(applyOperation(this.backend, again, NOW));
      return again;
    }));
  }

  /** As the backend's undoTo: the latest `steps` undone one after another, reported as one batch. */
  override async undoTo(steps: number): Promise<void> {
    this.receive(await this.roundTrip(() => {
      const ops: Operation[] = [];
      let description = null;
      for (let i = 0; i < steps && this.history.canUndo; i++) {
        description = this.history.nextUndo;
        ops.push(this.undoOne()!);
      }
      if (ops.length === 0) return null;
      this.step = { direction: "undo", description, count: ops.length };
      return { type: "batch", ops };
    }));
  }

  /** The undo history as the backend lists it. */
  override async undoHistory() {
    await Promise.resolve();
    return this.history.list();
  }

  private step: HistoryStep | undefined;

  private undoOne(): Operation | null {
    const inverse = this.history.peekUndo();
    if (!inverse) return null;
    this.step = { direction: "undo", description: this.history.nextUndo, count: 1 };
    this.history.undone(applyOperation(this.backend, inverse, NOW));
    return inverse;
  }

  private applyInBackend(op: Operation): Operation {
    const checked = Operation.safeParse(structuredClone(op));
    if (!checked.success) throw new TandaiError("errors.ipc.badArgument", { channel: "apply", detail: checked.error.message });
    const description = describeOperation(checked.data, this.backend);
    this.history.record(applyOperation(this.backend, checked.data, NOW), description);
    return checked.data;
  }

  private async roundTrip(work: () => Operation | null): Promise<Applied> {
    await Promise.resolve();
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      throw error;
    }
    this.step = undefined;
    const applied = work();
    const step = this.step;
    return {
      applied: applied && structuredClone(applied),
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      nextUndo: this.history.nextUndo,
      nextRedo: this.history.nextRedo,
      ...(step ? { step } : {}),
    };
  }
}

/** AppActions whose showError records what it was given. */
export function testApp(): AppActions & { errors: unknown[] } {
  const errors: unknown[] = [];
  const unused = () => Promise.reject(new Error("not available in tests"));
  return {
    errors,
    preferences: { language: "en", coderName: "Rani" },
    info: null,
    setPreferences: unused,
    openProject: unused,
    createProject: unused,
    openSample: unused,
    restoreBackup: unused,
    repairProject: unused,
    joinTeam: unused,
    closeProject: unused,
    showError: (error) => errors.push(error),
  };
}

let i18nReady: Promise<unknown> | null = null;

export interface Rendered {
  host: HTMLElement;
  mirror: TestMirror;
  app: ReturnType<typeof testApp>;
  rerender(node: ReactNode): Promise<void>;
  unmount(): void;
}

/** Renders `node` inside the app and project contexts with the shared catalogues, as the workspace does. */
export async function render(node: ReactNode, options: { state?: ProjectState; language?: Language } = {}): Promise<Rendered> {
  i18nReady ??= initI18n(options.language ?? "en");
  const i18n = await i18nReady;
  const language = options.language ?? "en";
  if ((i18n as { language: string }).language !== language) await (i18n as { changeLanguage(l: string): Promise<unknown> }).changeLanguage(language);
  const mirror = new TestMirror(options.state);
  const app = testApp();
  const host = document.createElement("div");
  document.body.append(host);
  const root: Root = createRoot(host);
  const wrap = (inner: ReactNode) => (
    <AppContext.Provider value={app}>
      <ProjectContext.Provider value={mirror}>{inner}</ProjectContext.Provider>
    </AppContext.Provider>
  );
  await act(async () => root.render(wrap(node)));
  let mounted = true;
  return {
    host,
    mirror,
    app,
    rerender: (next) => act(async () => root.render(wrap(next))),
    unmount() {
      if (!mounted) return;
      mounted = false;
      act(() => root.unmount());
      host.remove();
    },
  };
}

// ——— Events, dispatched the way a browser would, each inside act() with the backend's answer awaited.

async function dispatch(target: Element, event: Event): Promise<void> {
  await act(async () => {
    target.dispatchEvent(event);
  });
}

export const click = (el: Element) => dispatch(el, new MouseEvent("click", { bubbles: true, cancelable: true }));
export const doubleClick = (el: Element) => dispatch(el, new MouseEvent("dblclick", { bubbles: true, cancelable: true }));
export const rightClick = (el: Element, x = 10, y = 10) => dispatch(el, new MouseEvent("contextmenu", { bubbles: true, cancelable: true, clientX: x, clientY: y }));
export const mouseDown = (el: Element) => dispatch(el, new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
export const press = (el: Element, key: string, init: KeyboardEventInit = {}) => dispatch(el, new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));

/** Sets a field's value through the native setter, so React's change tracking sees it, then fires input. */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, value);
  await dispatch(el, new Event("input", { bubbles: true }));
}

export async function choose(el: HTMLSelectElement, value: string): Promise<void> {
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(el, value);
  await dispatch(el, new Event("change", { bubbles: true }));
}

export async function focus(el: HTMLElement): Promise<void> {
  await act(async () => el.focus());
}

export async function blur(el: HTMLElement): Promise<void> {
  await act(async () => el.blur());
}

/** A DataTransfer stand-in (jsdom has none): stores data by type, as the browser's does within a drag. */
export class TestDataTransfer {
  private data = new Map<string, string>();
  dropEffect = "none";
  effectAllowed = "all";
  get types(): string[] {
    return [...this.data.keys()];
  }
  setData(format: string, value: string) {
    this.data.set(format, value);
  }
  getData(format: string) {
    return this.data.get(format) ?? "";
  }
  clearData() {
    this.data.clear();
  }
  setDragImage() {}
}

/** Fires a drag event carrying `dataTransfer`; resolves to whether a handler called preventDefault (i.e. accepts the drop). */
export async function drag(el: Element, type: "dragstart" | "dragenter" | "dragover" | "dragleave" | "drop" | "dragend", dataTransfer: TestDataTransfer): Promise<boolean> {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, "dataTransfer", { value: dataTransfer });
  await dispatch(el, event);
  return event.defaultPrevented;
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el;
}

export function $$(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)];
}
