import type { EditorView } from "@tiptap/pm/view";
import type { TextPositions } from "../../shared/text/positions.js";
import { estimatedHeight, estimatedOffsetAt } from "./buildDocument.js";
import { codingDecorationsKey, setCodingChange } from "./codingDecorations.js";

/**
 * How far down (in viewport heights, estimated) a document opens with its codings drawn: the
 * window's bottom, and a little more for text narrower than estimated (a line the estimate ends
 * early shows one more line). Text wider than estimated is caught by measuring the cut at open.
 */
const AT_OPEN = 1.05;
/** Room above and below the viewport (as a share of its height) within which a section's codings are drawn as soon as it comes near. */
const NEAR = 1.5;
/** Approximate pixels per em of the text (documentView.css: 1.0625rem), for the sections' estimated heights. */
const EM_PX = 17;
/** An idle slice stops drawing sections when less than this is left of it, ms. */
const SLICE_RESERVE_MS = 4;
/**
 * An idle slice draws no more sections once it has run this long, ms: a dense section costs a few
 * ms, and a slice that filled the whole idle period would hold up the timers and input behind it.
 */
const SLICE_MS = 4;
/** The longest wait for an idle moment before a pending section is drawn anyway, ms. */
const IDLE_TIMEOUT_MS = 300;
/** The same for a section that came near the viewport, ms. */
const NEAR_TIMEOUT_MS = 50;
/** The same for the rest of the block the open was cut in (on screen after a line's scroll), ms: a frame. */
const CUT_TIMEOUT_MS = 16;

/** Set on the view's host (`data-codings-drawn="all"`) once every coding has its spans. */
export const ALL_DRAWN = "all";

/**
 * Where a document opens cut: the codings of the blocks before `block` are drawn, and those of
 * block `block` that start before text offset `offset`; the rest wait (codingDecorations.ts,
 * `pending`, the cut block included) for the first idle moments after the first paint.
 */
export interface OpenCut {
  block: number;
  offset: number;
}

/**
 * The cut at the window's bottom, by buildDocument.ts's estimates (which the browser also uses for
 * the sections it skips): the block whose estimated lines cross AT_OPEN viewport heights, cut at
 * the line that does. Its blocks with any codings drawn are `block + 1`. Null (all of them drawn)
 * where nothing would draw the others later.
 */
export function cutAtOpen(positions: TextPositions, win: (Window & typeof globalThis) | null): OpenCut | null {
  if (!win?.IntersectionObserver) return null;
  const limit = (win.innerHeight * AT_OPEN) / EM_PX;
  const { blocks } = positions;
  let top = 0;
  for (let i = 0; i < blocks.length; i++) {
    const height = estimatedHeight(blocks[i]!);
    if (top + height > limit) return { block: i, offset: estimatedOffsetAt(blocks[i]!, limit - top) };
    top += height;
  }
  return { block: blocks.length, offset: blocks.at(-1)?.end ?? 0 };
}

/**
 * Draws the codings of the blocks a document opened without (codingDecorations.ts, `pending`) in
 * idle moments after the first paint, a section at a time: first the sections that came near the
 * viewport (an IntersectionObserver, whose margin reaches well beyond the screen), then the rest
 * top to bottom. So a densely coded document is drawn whole shortly after it opens, without the
 * opening waiting for it; a passage jumped to has its codings drawn at once.
 */
export class CodingReveal {
  private readonly observer: IntersectionObserver | null = null;
  private idle = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The animation frame the first idle moment is asked for in (see the constructor). */
  private frame = 0;
  /** Sections near the viewport with blocks still pending: drawn before the others. */
  private readonly near = new Set<number>();

  constructor(
    private readonly view: EditorView,
    private readonly host: HTMLElement,
    private readonly positions: TextPositions,
    private readonly cut: OpenCut | null = null,
  ) {
    const win = host.ownerDocument.defaultView;
    delete host.dataset.codingsDrawn;
    // (Not where nothing is laid out: jsdom's ranges have no rectangles.)
    if (cut && win && typeof win.Range.prototype.getClientRects === "function") this.drawOnScreen(cut, win.innerHeight);
    if (!this.pending().size) {
      this.done();
      return;
    }
    const sections = new Map<Element, number>();
    let index = 0;
    view.state.doc.forEach((_node, offset) => {
      const dom = view.nodeDOM(offset);
      if (dom instanceof Element) sections.set(dom, index);
      index++;
    });
    if (win?.IntersectionObserver) {
      const margin = `${Math.round(NEAR * 100)}% 0px`;
      // scrollMargin widens the nested scroll container's clip as rootMargin does the viewport.
      const options = { rootMargin: margin, scrollMargin: margin } as IntersectionObserverInit;
      this.observer = new win.IntersectionObserver((entries) => {
        for (const e of entries) {
          const section = sections.get(e.target)!;
          if (e.isIntersecting) this.near.add(section);
          else this.near.delete(section);
        }
        // Not in this task: it runs straight after a frame, and the next one should not wait for it.
        if (this.near.size) this.scheduleIdle(this.cut && this.pending().has(this.cut.block) ? CUT_TIMEOUT_MS : NEAR_TIMEOUT_MS);
      }, options);
      for (const dom of sections.keys()) this.observer.observe(dom);
    }
    // The rest of the cut block is on screen the moment the reader scrolls a line: it is drawn in
    // the first idle moment after the first paint (its section is the first pending one, unless
    // the observer names others near first), waiting no longer than a section that came near.
    // Asked for in the first frame, not now: an idle period often remains before the frame that
    // paints the open (the open ran early in it), and a section drawn there put its spans, and a
    // second layout of the text, in front of the first paint (a reopen at 50k characters traced at
    // 37–50 ms of main-thread time against 15–20 ms without).
    const timeout = cut && this.pending().has(cut.block) ? CUT_TIMEOUT_MS : IDLE_TIMEOUT_MS;
    if (win && "requestIdleCallback" in win) {
      this.frame = win.requestAnimationFrame(() => {
        this.frame = 0;
        this.scheduleIdle(timeout);
      });
    } else this.scheduleIdle(timeout);
  }

  /**
   * Text from which codings may not be drawn yet: the cut while its block is pending, else the
   * first pending block's start (the coding stripes measure only the bars before it at open).
   */
  drawnUntil(): number {
    const pending = this.pending();
    if (this.cut && pending.has(this.cut.block)) return this.cut.offset;
    let first = Infinity;
    for (const i of pending) if (i < first) first = i;
    return Number.isFinite(first) ? this.positions.blocks[first]!.start : Infinity;
  }

  /**
   * Where the estimate put the cut above the window's bottom (the text's measure holds more
   * characters a line than estimated), draws the blocks from the cut down to the window's bottom
   * now, before the first paint: no coding on screen is left undrawn. One caret position and a
   * block's top each, read from the layout the open makes anyway.
   */
  private drawOnScreen(cut: OpenCut, bottom: number): void {
    const { view, positions } = this;
    const state = codingDecorationsKey.getState(view.state);
    const pending = state?.pending ?? new Set<number>();
    if (!state?.entries.size || !pending.has(cut.block) || view.coordsAtPos(positions.offsetToPos(cut.offset), 1).top >= bottom) return;
    const now = [cut.block];
    for (let i = cut.block + 1; i < positions.blocks.length && pending.has(i); i++) {
      if (view.coordsAtPos(positions.offsetToPos(positions.blocks[i]!.start), 1).top >= bottom) break;
      now.push(i);
    }
    this.reveal(now);
  }

  /** Draws at once the codings of the sections over text offsets [start, end) (a passage about to be jumped to). */
  revealOffsets(start: number, end: number): void {
    const { positions } = this;
    const { sectionSize } = positions;
    const first = Math.floor(positions.blockIndexAtPos(positions.offsetToPos(start)) / sectionSize);
    const last = Math.floor(positions.blockIndexAtPos(positions.offsetToPos(Math.max(start, end))) / sectionSize);
    const blocks: number[] = [];
    for (let i = first; i <= last; i++) blocks.push(...this.blocksOfSection(i));
    this.reveal(blocks);
  }

  private blocksOfSection(section: number): number[] {
    const { sectionSize, blocks } = this.positions;
    const out: number[] = [];
    for (let i = section * sectionSize; i < Math.min(blocks.length, (section + 1) * sectionSize); i++) out.push(i);
    return out;
  }

  destroy(): void {
    this.observer?.disconnect();
    this.cancelIdle();
  }

  private pending(): ReadonlySet<number> {
    return codingDecorationsKey.getState(this.view.state)?.pending ?? new Set();
  }

  private reveal(blocks: readonly number[]): void {
    if (this.view.isDestroyed) return;
    const pending = this.pending();
    const now = blocks.filter((i) => pending.has(i));
    if (now.length) this.view.dispatch(setCodingChange(this.view.state.tr, { reveal: now }));
    if (!this.pending().size) this.done();
  }

  private scheduleIdle(timeout = IDLE_TIMEOUT_MS): void {
    const win = this.host.ownerDocument.defaultView;
    this.cancelIdle();
    if (win?.requestIdleCallback) this.idle = win.requestIdleCallback(this.slice, { timeout });
    else this.timer = setTimeout(() => this.slice(null), 0);
  }

  private cancelIdle(): void {
    if (this.idle) this.host.ownerDocument.defaultView?.cancelIdleCallback(this.idle);
    if (this.frame) this.host.ownerDocument.defaultView?.cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.idle = 0;
    this.frame = 0;
  }

  /** The section to draw next: one near the viewport, else the first with a pending block. */
  private nextSection(): number | null {
    const pending = this.pending();
    for (const section of this.near) {
      this.near.delete(section);
      if (this.blocksOfSection(section).some((i) => pending.has(i))) return section;
    }
    let next = Infinity;
    for (const i of pending) if (i < next) next = i;
    return Number.isFinite(next) ? Math.floor(next / this.positions.sectionSize) : null;
  }

  /** One idle slice: sections (near ones first) while the slice has time, at least one. */
  private readonly slice = (deadline: IdleDeadline | null) => {
    this.idle = 0;
    this.timer = undefined;
    if (this.view.isDestroyed) return;
    const start = performance.now();
    do {
      const next = this.nextSection();
      if (next === null) return;
      this.reveal(this.blocksOfSection(next));
    } while (this.pending().size && deadline && deadline.timeRemaining() > SLICE_RESERVE_MS && performance.now() - start < SLICE_MS);
    if (this.pending().size) this.scheduleIdle();
  };

  private done(): void {
    this.observer?.disconnect();
    this.cancelIdle();
    this.host.dataset.codingsDrawn = ALL_DRAWN;
  }
}
