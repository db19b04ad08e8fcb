import type { EditorView } from "@tiptap/pm/view";
import type { CodingId } from "../../shared/model/ids.js";
import type { TextPositions } from "../../shared/text/positions.js";
import { styleSheet } from "./codingClasses.js";
import type { CodingHighlight } from "./codingHighlights.js";
import { nearAtOpen, whenIdle, type StripeSection } from "./stripesAtOpen.js";

/** Width of one stripe's lane, px; narrower when more lanes than fit the margin. */
const LANE = 7;
const MIN_LANE = 3;
/** Labels sit right of the lanes, one line each, where at least this much margin is left. */
const LABEL_MIN_WIDTH = 24;
const LABEL_HEIGHT = 14;

/**
 * A bar or its label: both select and light up their coding. They name it in `data-stripe-for`,
 * not `data-coding-id`, which stays the mark of the coded text's own spans.
 */
const STRIPE = ".tandai-stripe, .tandai-stripe-label";

export interface StripeCallbacks {
  /** A stripe was clicked: the coding, and where (as a click on coded text reports it). */
  click(codingId: CodingId, at: { x: number; y: number }): void;
  /**
   * The text offset from which codings were not drawn at the open (codingReveal.ts): in the
   * open's frame their bars wait, as their spans do, for an idle moment. None when left out.
   */
  drawnUntil?(): number;
}

type Section = StripeSection;

/** A coding's code name, for its label: asked only for the bars drawn, not for every coding at each update. */
export type CodeNames = (h: CodingHighlight) => string;

/** A caret's top (side 1, after `pos`) or bottom (side -1, before it), in window coordinates. */
type Caret = (pos: number, side: 1 | -1) => number;

/** What drawing one section's bars needs, read before anything is drawn. */
interface MeasuredSection {
  right: number;
  margin: number;
  bars: { h: CodingHighlight; top: number; bottom: number }[];
}

/** Whether the page lays text out (not jsdom, whose ranges have no rectangles): the open's bars can be measured at once. */
function laidOut(host: HTMLElement): boolean {
  return typeof host.ownerDocument.defaultView?.Range.prototype.getClientRects === "function";
}

/** Each coding drawn in `section`: its first and last span there (in text order), found in one pass. */
function spansOf(section: Element): Map<string, [Element, Element]> {
  const found = new Map<string, [Element, Element]>();
  for (const span of section.querySelectorAll("[data-coding-id]")) {
    const id = span.getAttribute("data-coding-id")!;
    const known = found.get(id);
    if (known) known[1] = span;
    else found.set(id, [span, span]);
  }
  return found;
}

/**
 * Coding stripes in the right margin of the text, as QDA programs draw them: one bar per coding in
 * its code's colour from its first line to its last, in lanes so that overlapping codings stand
 * side by side, and the code's name beside the lanes where the margin has room and the line is free.
 *
 * Cost is kept to what is on screen: lanes are assigned once per change of codings, in text
 * offsets (no layout); bars are measured (two caret positions each) only for the sections of 16
 * blocks near the viewport, which an IntersectionObserver names, in one animation frame (at the
 * open, in the open's own task, from the layout ProseMirror's mount made), and again only when
 * such a section changes size. The bars live in one layer beside ProseMirror's DOM, never inside
 * it, so they cannot disturb the selection or the caret.
 */
export class CodingStripes {
  private readonly layer: HTMLDivElement;
  private readonly sections: Section[] = [];
  private readonly bySection = new Map<Element, number>();
  private readonly near = new Set<number>();
  private readonly intersections: IntersectionObserver | null;
  private readonly resizes: ResizeObserver | null;
  private highlights: CodingHighlight[] = [];
  private lanes = new Map<CodingId, number>();
  private laneCount = 0;
  private names: CodeNames = () => "";
  private frame = 0;
  /** What each drawn section put in the layer, and the sections to draw again in the next frame. */
  private readonly drawn = new Map<number, Element[]>();
  private dirty = new Set<number>();
  private allDirty = true;
  /**
   * Measured geometry, relative to the view (so scrolling keeps it true): each coding's extent
   * within a section (`id@section`), and each section's right edge and margin. Text layout does
   * not change when codings change (their spans add no box), so only a resize clears it.
   */
  private readonly extents = new Map<string, { top: number; bottom: number }>();
  private readonly edges = new Map<number, { right: number; margin: number }>();
  /** Each watched element's border-box size as last measured or reported, `width×height`. */
  private readonly sizes = new WeakMap<Element, { width: number; height: number }>();
  private hovered: CodingId | null = null;
  private hoverRule: CSSRule | null = null;
  /** True until the first drawing (the open's frame), which measures only near the viewport. */
  private opening = true;
  /** Sections drawn in part at open, completed in an idle moment. */
  private readonly partial = new Set<number>();
  private cancelIdle: (() => void) | null = null;

  constructor(
    private readonly view: EditorView,
    private readonly host: HTMLElement,
    private readonly positions: TextPositions,
    private readonly callbacks: StripeCallbacks,
  ) {
    this.layer = host.ownerDocument.createElement("div");
    this.layer.className = "tandai-stripes";
    this.layer.setAttribute("aria-hidden", "true");
    this.layer.dataset.testid = "coding-stripes";
    view.state.doc.forEach((node, offset) => {
      const dom = view.nodeDOM(offset);
      if (!(dom instanceof HTMLElement)) return;
      this.bySection.set(dom, this.sections.length);
      this.sections.push({ dom, start: positions.posToOffset(offset + 1), end: positions.posToOffset(offset + node.nodeSize - 1) });
    });
    const Intersection = host.ownerDocument.defaultView?.IntersectionObserver;
    const Resize = host.ownerDocument.defaultView?.ResizeObserver;
    // A section laid out anew, or the view resized, moves the bars of the sections below it: all of them are drawn again (rare).
    // A ResizeObserver also reports once for each element it starts watching: a report of the size
    // the stripes last measured that element at (or last heard of) changes nothing and is ignored.
    this.resizes = Resize
      ? new Resize((entries) => {
          let changed = false;
          for (const entry of entries) if (this.resized(entry.target, entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width, entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height)) changed = true;
          if (!changed) return;
          this.allDirty = true;
          this.schedule();
        })
      : null;
    this.resizes?.observe(host);
    this.intersections = Intersection
      ? new Intersection(
          (entries) => {
            for (const entry of entries) {
              const index = this.bySection.get(entry.target);
              if (index === undefined) continue;
              if (entry.isIntersecting) {
                // The first report names the sections seeded near too: those are drawn already.
                if (!this.near.has(index)) this.dirty.add(index);
                this.near.add(index);
                this.resizes?.observe(entry.target);
              } else {
                this.near.delete(index);
                this.resizes?.unobserve(entry.target);
              }
            }
            this.schedule();
          },
          { rootMargin: "50% 0px" },
        )
      : null;
    for (const section of this.sections) this.intersections?.observe(section.dom);
    // Before the layer joins the page: read from the layout the open made already, forcing none.
    this.seedNear();
    // (Where nothing is laid out, the first drawing waits for a frame: the layer is there meanwhile.)
    if (!laidOut(host)) host.append(this.layer);
    this.layer.addEventListener("click", this.onClick);
    this.layer.addEventListener("mouseover", this.onOver);
    this.layer.addEventListener("mouseout", this.onOut);
  }

  /**
   * The sections near the viewport now, found by bisection (a few rectangles read), so the first
   * frame already has its stripes; the IntersectionObserver keeps the set from then on.
   */
  private seedNear(): void {
    const height = this.host.ownerDocument.defaultView?.innerHeight ?? 0;
    let lo = 0;
    let hi = this.sections.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sections[mid]!.dom.getBoundingClientRect().bottom < -height / 2) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sections.length; i++) {
      if (this.sections[i]!.dom.getBoundingClientRect().top > height * 1.5) break;
      this.near.add(i);
    }
  }

  /** The codings drawn (as the highlights are) and each one's code name; redraws in the next frame. */
  update(highlights: Iterable<CodingHighlight>, names: CodeNames): void {
    const previous = this.highlights;
    const lanesBefore = this.lanes;
    const namesBefore = this.names;
    const laneCountBefore = this.laneCount;
    this.highlights = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
    this.names = names;
    // Lanes by interval colouring in offsets: each coding takes the first lane free at its start.
    this.lanes = new Map();
    const laneEnds: number[] = [];
    for (const h of this.highlights) {
      let lane = 0;
      while (lane < laneEnds.length && laneEnds[lane]! > h.start) lane++;
      laneEnds[lane] = h.end;
      this.lanes.set(h.id, lane);
    }
    this.laneCount = laneEnds.length;
    // Only the sections whose stripes differ are drawn again: one coding applied redraws its own.
    // (Everything is drawn anew when the lanes' count changes, as at the first update.)
    if (this.laneCount !== laneCountBefore || this.allDirty) this.allDirty = true;
    else {
      const before = new Map(previous.map((h) => [h.id, h]));
      for (const h of this.highlights) {
        const old = before.get(h.id);
        before.delete(h.id);
        if (old && old.start === h.start && old.end === h.end && old.color === h.color && old.contradicts === h.contradicts && lanesBefore.get(h.id) === this.lanes.get(h.id) && namesBefore(old) === names(h)) continue;
        this.markDirty(h.start, h.end, h.id);
        if (old) this.markDirty(old.start, old.end, h.id);
      }
      for (const gone of before.values()) this.markDirty(gone.start, gone.end, gone.id);
    }
    if (this.opening && !this.layer.parentNode && laidOut(this.host)) {
      try {
        this.draw();
      } catch (error) {
        // Not thrown into the open's task (React's layout effect: the whole view would go): reported
        // as the uncaught error it was when the bars were first drawn in a frame, and tried there.
        reportError(error);
        this.schedule();
        return;
      }
      this.checkInFirstFrame();
    } else this.schedule();
  }

  /**
   * The open's bars were measured in the open's task, from the layout ProseMirror's mount made:
   * should anything later in that task or before the first frame change the view's width or a
   * drawn section's height, they are drawn again in the first frame, before it paints (the
   * ResizeObserver's report would only come after that frame's layout, and its redraw a frame later).
   */
  private checkInFirstFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.view.isDestroyed) return;
      let changed = false;
      for (const element of [this.host, ...[...this.drawn.keys()].map((index) => this.sections[index]!.dom)]) {
        const box = element.getBoundingClientRect();
        if (this.resized(element, box.width, box.height)) changed = true;
      }
      if (changed) this.allDirty = true;
      // (Also what came meanwhile: an update, a section the IntersectionObserver found near.)
      this.draw();
    });
  }

  /** Records `element`'s size; true when it differs from the one known (or none was known). */
  private resized(element: Element, width: number, height: number): boolean {
    const known = this.sizes.get(element);
    this.sizes.set(element, { width, height });
    return !known || Math.abs(known.width - width) > 0.5 || Math.abs(known.height - height) > 0.5;
  }

  /** The size the stripes measure `element` at, kept to compare its ResizeObserver reports with. */
  private measured(element: Element, box: DOMRect): DOMRect {
    this.sizes.set(element, { width: box.width, height: box.height });
    return box;
  }

  /** Marks the near sections over [start, end) to be drawn again, measuring coding `id` anew. */
  private markDirty(start: number, end: number, id: CodingId): void {
    for (const index of this.near) {
      const section = this.sections[index]!;
      if (start < section.end && end > section.start) {
        this.dirty.add(index);
        this.extents.delete(`${id}@${index}`);
      }
    }
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.cancelIdle?.();
    this.intersections?.disconnect();
    this.resizes?.disconnect();
    this.light(null);
    this.layer.remove();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (this.view.isDestroyed) return;
    // The open's bars are measured before the layer joins the page, so that neither costs a
    // layout of its own: the layer and its bars are styled and laid out with the text's next one.
    const join = this.layer.parentNode !== this.host;
    for (const [index, nodes] of this.drawn) {
      if (this.near.has(index) && !this.allDirty && !this.dirty.has(index)) continue;
      for (const node of nodes) node.remove();
      this.drawn.delete(index);
    }
    if (this.allDirty) {
      this.extents.clear();
      this.edges.clear();
    }
    this.allDirty = false;
    this.dirty.clear();
    const missing = [...this.near].filter((index) => !this.drawn.has(index));
    const opening = this.opening;
    this.opening = false;
    if (!missing.length) {
      if (join) this.host.append(this.layer);
      return;
    }
    // Read lazily: with everything measured already, drawing forces no layout at all.
    let hostBox: DOMRect | null = null;
    const host = () => (hostBox ??= this.measured(this.host, this.host.getBoundingClientRect()));
    // One caret measurement per position and side: codings cut at a section's edges, or meeting
    // where one ends and the next starts, share theirs.
    const carets = new Map<number, number>();
    const caret: Caret = (pos, side) => {
      const key = side > 0 ? pos : -pos - 1;
      let y = carets.get(key);
      if (y === undefined) {
        const coords = this.view.coordsAtPos(pos, side);
        carets.set(key, (y = side > 0 ? coords.top : coords.bottom));
      }
      return y;
    };
    // Every section measured before any is drawn: a bar added to the layer between two sections'
    // measurements would make the second's first read lay out (and style) again.
    const until = opening ? (this.callbacks.drawnUntil?.() ?? Infinity) : Infinity;
    const measured = missing.map((index) => {
      const near = opening ? nearAtOpen(this.sections[index]!, index, this.positions, until) : null;
      if (near) this.partial.add(index);
      return this.measureSection(index, host, caret, near);
    });
    if (join) this.host.append(this.layer);
    missing.forEach((index, i) => this.drawn.set(index, this.drawSection(measured[i]!)));
    if (this.partial.size) this.completeWhenIdle(join);
  }

  /**
   * Draws the sections drawn in part at open again, whole, in an idle moment (measured bars are
   * cached). Asked for from the open's first frame when drawn during the open itself: an idle
   * period often remains before the frame that paints the open, and the completion there put its
   * bars, and a layout of them, in front of the first paint (as codingReveal.ts found for its spans).
   */
  private completeWhenIdle(fromNextFrame = false): void {
    const win = this.host.ownerDocument.defaultView;
    if (this.cancelIdle || !win) return;
    const idle = () =>
      whenIdle(win, () => {
        this.cancelIdle = null;
        for (const index of this.partial) this.dirty.add(index);
        this.partial.clear();
        this.schedule();
      });
    if (!fromNextFrame) {
      this.cancelIdle = idle();
      return;
    }
    let cancel: (() => void) | null = null;
    const frame = win.requestAnimationFrame(() => (cancel = idle()));
    this.cancelIdle = () => (cancel ? cancel() : win.cancelAnimationFrame(frame));
  }

  /**
   * Reads what one section's bars need (those `near` keeps, if given): its right edge and margin,
   * and each coding's extent in it, from the cache or two caret positions. Writes nothing.
   */
  private measureSection(index: number, host: () => DOMRect, caret: Caret, near: ((h: CodingHighlight) => boolean) | null): MeasuredSection {
    const section = this.sections[index]!;
    let edge = this.edges.get(index);
    if (!edge) {
      const box = this.measured(section.dom, section.dom.getBoundingClientRect());
      edge = { right: box.right - host().left, margin: parseFloat(getComputedStyle(section.dom).paddingRight) || 0 };
      this.edges.set(index, edge);
    }
    const bars: MeasuredSection["bars"] = [];
    let spans: Map<string, [Element, Element]> | null = null;
    for (const h of this.overlapping(section)) {
      if (near && !near(h)) continue;
      const key = `${h.id}@${index}`;
      let extent = this.extents.get(key);
      if (!extent) {
        const origin = host().top;
        // From the coding's own spans where it is drawn (its first line's top, its last line's
        // bottom: the rectangles of its text, as the caret's), else from two caret positions.
        const drawn = (spans ??= spansOf(section.dom)).get(h.id);
        const first = drawn?.[0].getClientRects()[0];
        const last = drawn?.[1].getClientRects();
        extent =
          first && last?.length
            ? { top: first.top - origin, bottom: last[last.length - 1]!.bottom - origin }
            : { top: caret(this.positions.offsetToPos(Math.max(h.start, section.start)), 1) - origin, bottom: caret(this.positions.offsetToPos(Math.min(h.end, section.end)), -1) - origin };
        this.extents.set(key, extent);
      }
      if (extent.bottom > extent.top) bars.push({ h, ...extent });
    }
    return { ...edge, bars };
  }

  /** The bars and labels of one measured section, added to the layer (no layout is read). */
  private drawSection({ right, margin, bars }: MeasuredSection): Element[] {
    const doc = this.host.ownerDocument;
    const fragment = doc.createDocumentFragment();
    const lanes = Math.max(1, this.laneCount);
    const lane = Math.max(MIN_LANE, Math.min(LANE, (margin - 6) / lanes));
    const x0 = right - margin + 4;
    const labelX = x0 + lanes * lane + 2;
    const labelWidth = right - labelX - 2;
    // Labels go top to bottom without overlapping; one that finds no free line beside its coding is left out.
    let labelsEnd = -Infinity;
    for (const { h, top, bottom } of bars) {
      const bar = doc.createElement("div");
      // (One class attribute and setAttribute: the first screen's bars are made in the frame the document opens in.)
      bar.className = `tandai-stripe${h.contradicts ? " contradicts" : ""}${h.id === this.hovered ? " hovered" : ""}`;
      bar.setAttribute("data-stripe-for", h.id);
      const y = top;
      bar.style.cssText = `top:${y}px;height:${bottom - top}px;left:${x0 + this.lanes.get(h.id)! * lane}px;width:${Math.max(2, lane - 2)}px;--tc:${h.color}`;
      const name = this.names(h);
      bar.title = name;
      fragment.append(bar);
      // Below the label before it when that still lies beside this coding's lines.
      const labelY = Math.max(y, labelsEnd);
      if (labelWidth >= LABEL_MIN_WIDTH && labelY + LABEL_HEIGHT <= bottom && name) {
        const label = doc.createElement("div");
        label.className = "tandai-stripe-label";
        label.setAttribute("data-stripe-for", h.id);
        label.textContent = name;
        label.title = name;
        label.style.cssText = `top:${labelY}px;left:${labelX}px;max-width:${labelWidth}px;--tc:${h.color}`;
        fragment.append(label);
        labelsEnd = labelY + LABEL_HEIGHT + 1;
      }
    }
    const nodes = [...fragment.children];
    this.layer.append(fragment);
    return nodes;
  }

  /** The codings over a section, clipped to it; highlights are sorted by start. */
  private overlapping(section: Section): CodingHighlight[] {
    const found: CodingHighlight[] = [];
    for (const h of this.highlights) {
      if (h.start >= section.end) break;
      if (h.end > section.start) found.push(h);
    }
    return found;
  }

  private readonly onClick = (event: MouseEvent) => {
    const id = (event.target as Element | null)?.closest?.<HTMLElement>(STRIPE)?.dataset.stripeFor as CodingId | undefined;
    if (id) this.callbacks.click(id, { x: event.clientX, y: event.clientY });
  };

  /** Hovering a stripe lights up its passage (only the spans in sections on screen are touched). */
  private readonly onOver = (event: MouseEvent) => {
    const id = (event.target as Element | null)?.closest?.<HTMLElement>(STRIPE)?.dataset.stripeFor as CodingId | undefined;
    if (id && id !== this.hovered) this.light(id);
  };

  private readonly onOut = (event: MouseEvent) => {
    const into = (event.relatedTarget as Element | null)?.closest?.(STRIPE);
    if (!into) this.light(null);
  };

  /**
   * Lights up a coding's passage through one generated CSS rule rather than classes on its spans:
   * ProseMirror owns those spans, and a rule reaches every one of them at once, on screen or not.
   */
  private light(id: CodingId | null): void {
    const sheet = styleSheet();
    if (sheet && this.hoverRule) {
      const at = Array.prototype.indexOf.call(sheet.cssRules, this.hoverRule);
      if (at >= 0) sheet.deleteRule(at);
    }
    this.hoverRule = null;
    for (const bar of this.layer.querySelectorAll(".hovered")) bar.classList.remove("hovered");
    this.hovered = id;
    if (!id || !sheet) return;
    const selector = `[data-coding-id="${CSS.escape(id)}"]`;
    const at = sheet.insertRule(
      `.tandai-document ${selector} { background-color: color-mix(in srgb, var(--tc) 38%, transparent); box-shadow: 0 0 0 1px color-mix(in srgb, var(--tc) 60%, transparent); }`,
      sheet.cssRules.length,
    );
    this.hoverRule = sheet.cssRules[at] ?? null;
    for (const bar of this.layer.querySelectorAll(`[data-stripe-for="${CSS.escape(id)}"]`)) bar.classList.add("hovered");
  }
}
