import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linesToBlocks, newCodeId, newCodingId, newDocumentId, offset, type Code, type CodeId, type Coding, type DocumentContent } from "../../shared/index.js";
import { SECTION_SIZE } from "../../shared/text/positions.js";
import { useDocumentView } from "./documentViewHost.js";

/**
 * The coding stripes of a document's first screen are measured and drawn in the open's own task,
 * from the layout ProseMirror's mount made (codingStripes.ts), so that the bars cost no layout of
 * their own: they are there before the first frame, their layer joins the page with them, the
 * open's frame draws them again only where the view changed size meanwhile, and the idle moment
 * completing a section drawn in part is asked for from that frame, not during the open (an idle
 * period before the first paint would put the completion in front of it).
 *
 * jsdom lays nothing out: these tests give it rectangles (every line 20 px high, the view
 * `width` px wide) and stand-ins for the frames and idle moments they run by hand.
 */

const NOW = "2026-01-01T00:00:00.000Z";
const DOC = newDocumentId();
const code = (name: string, color: string): Code => ({ id: newCodeId(), name, color, parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW });
const LINES = Array.from({ length: 20 }, (_, i) => `Baris ${String(i).padStart(2, "0")}: kami jual kopi ke Padang, untungnya kecil sekali.`);
const TEXT = LINES.join("\r\n");
const content = (): DocumentContent => ({ text: TEXT, blocks: linesToBlocks(TEXT) });
const at = (line: number, needle: string) => TEXT.indexOf(LINES[line]!) + LINES[line]!.indexOf(needle);
const market = code("Akses pasar", "#0072b2");
const codes = { [market.id]: market };
const coding = (codeId: CodeId, start: number, end: number): Coding => ({ id: newCodingId(), documentId: DOC, codeId, start: offset(start), end: offset(end), coder: "ana", stance: "supports", createdAt: NOW });
const CODINGS = [coding(market.id, at(0, "kami"), at(0, ", untungnya")), coding(market.id, at(1, "kopi"), at(1, " kecil"))];

const view = useDocumentView();
const render = view.render;

const win = window as unknown as Record<string, unknown>;
const saved = new Map<string, unknown>();
let frames: Map<number, FrameRequestCallback>;
let idle: Map<number, IdleRequestCallback>;
/** The view's width, px: what its host and its sections measure. */
let width: number;

const rect = (top: number, height: number): DOMRect => ({ top, bottom: top + height, left: 0, right: width, width, height, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;

/** The line (block) number of a block element of the text. */
function lineOf(block: Element): number {
  const section = block.parentElement!;
  return [...section.parentElement!.children].indexOf(section) * SECTION_SIZE + [...section.children].indexOf(block);
}

/** Each element's box: a block of the text one line per 20 px, a section its blocks, the view all of them. */
function boxOf(element: Element): DOMRect {
  const block = element.closest(".tandai-section > *");
  if (block) return rect(lineOf(block) * 20, 20);
  const section = element.closest(".tandai-section");
  if (section) return rect(lineOf(section.firstElementChild!) * 20, section.children.length * 20);
  return rect(0, LINES.length * 20);
}

beforeEach(() => {
  width = 800;
  frames = new Map();
  idle = new Map();
  let next = 1;
  const put = (name: string, value: unknown, on: Record<string, unknown> = win) => {
    saved.set(name, on[name]);
    on[name] = value;
  };
  put("requestAnimationFrame", (callback: FrameRequestCallback) => (frames.set(next, callback), next++));
  put("cancelAnimationFrame", (id: number) => frames.delete(id));
  put("requestIdleCallback", (callback: IdleRequestCallback) => (idle.set(next, callback), next++));
  put("cancelIdleCallback", (id: number) => idle.delete(id));
  // Where ranges have rectangles, the view is laid out: the stripes measure at the open.
  const range = Range.prototype as unknown as Record<string, unknown>;
  const element = Element.prototype as unknown as Record<string, unknown>;
  put("Range.getClientRects", range.getClientRects);
  put("Range.getBoundingClientRect", range.getBoundingClientRect);
  put("Element.getClientRects", element.getClientRects);
  put("Element.getBoundingClientRect", element.getBoundingClientRect);
  range.getClientRects = () => [rect(0, 20)];
  range.getBoundingClientRect = () => rect(0, 20);
  element.getClientRects = function (this: Element) {
    return [boxOf(this)];
  };
  element.getBoundingClientRect = function (this: Element) {
    return boxOf(this);
  };
});

afterEach(() => {
  const range = Range.prototype as unknown as Record<string, unknown>;
  const element = Element.prototype as unknown as Record<string, unknown>;
  for (const [name, value] of saved) {
    if (name.startsWith("Range.")) range[name.slice(6)] = value;
    else if (name.startsWith("Element.")) element[name.slice(8)] = value;
    else if (value === undefined) delete win[name];
    else win[name] = value;
  }
  saved.clear();
});

const runFrames = () => {
  const now = [...frames.values()];
  frames.clear();
  for (const callback of now) callback(0);
};
const layer = () => view.host.querySelector<HTMLElement>('[data-testid="coding-stripes"]');
const bars = () => [...view.host.querySelectorAll<HTMLElement>(".tandai-stripe")];

describe("the coding stripes at a document's open", () => {
  it("are drawn in the open's task, their layer joining the page with them, and left alone by the first frame", () => {
    render({ content: content(), codings: CODINGS, codes });
    // Before any frame.
    expect(layer()?.isConnected).toBe(true);
    const first = bars();
    expect(first.map((bar) => bar.dataset.stripeFor)).toEqual(CODINGS.map((c) => c.id));
    expect(first[1]!.style.top).toBe("20px");
    runFrames();
    // Nothing changed size: the same bars.
    expect(bars()).toEqual(first);
    expect(bars().every((bar, i) => bar === first[i])).toBe(true);
  });

  it("are drawn again in the first frame, before it paints, when the view's width changed since the open", () => {
    render({ content: content(), codings: CODINGS, codes });
    const first = bars();
    const left = first[0]!.style.left;
    width = 600;
    runFrames();
    const now = bars();
    expect(now.map((bar) => bar.dataset.stripeFor)).toEqual(CODINGS.map((c) => c.id));
    expect(now.some((bar) => first.includes(bar))).toBe(false);
    expect(now[0]!.style.left).not.toBe(left);
  });

  it("are drawn in the first frame instead when measuring them at the open fails, the view staying", () => {
    const reported: unknown[] = [];
    saved.set("reportError", win.reportError);
    win.reportError = (error: unknown) => reported.push(error);
    const element = Element.prototype as unknown as Record<string, unknown>;
    const measure = element.getClientRects as () => DOMRect[];
    let fail = true;
    element.getClientRects = function (this: Element) {
      if (fail) throw new Error("no rectangles yet");
      return measure.call(this);
    };
    const { dom } = render({ content: content(), codings: CODINGS, codes });
    expect(dom.querySelectorAll("[data-coding-id]").length).toBeGreaterThan(0);
    expect(reported).toHaveLength(1);
    expect(bars()).toHaveLength(0);
    fail = false;
    runFrames();
    expect(layer()?.isConnected).toBe(true);
    expect(bars().map((bar) => bar.dataset.stripeFor)).toEqual(CODINGS.map((c) => c.id));
  });

  it("ask for the idle moment completing a section drawn in part from the first frame, not during the open", () => {
    // A coding below the window in the first section (line 14 at 280 px; the open's band ends at 1.25 × 200 px): the section is drawn in part at the open.
    const saved = window.innerHeight;
    Object.defineProperty(window, "innerHeight", { configurable: true, value: 200 });
    try {
      const below = coding(market.id, at(14, "kami"), at(14, ", untungnya"));
      render({ content: content(), codings: [...CODINGS, below], codes });
      expect(bars().map((bar) => bar.dataset.stripeFor)).toEqual(CODINGS.map((c) => c.id));
      expect(idle.size).toBe(0);
      runFrames();
      expect(idle.size).toBe(1);
      for (const callback of idle.values()) callback({ didTimeout: false, timeRemaining: () => 10 });
      runFrames();
      expect(bars().map((bar) => bar.dataset.stripeFor)).toEqual([...CODINGS, below].map((c) => c.id));
    } finally {
      Object.defineProperty(window, "innerHeight", { configurable: true, value: saved });
    }
  });
});
