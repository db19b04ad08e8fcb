import { act } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linesToBlocks, newCodeId, newCodingId, newDocumentId, offset, type Code, type CodeId, type Coding, type DocumentContent } from "../../shared/index.js";
import { SECTION_SIZE } from "../../shared/text/positions.js";
import { codingDecorationsKey } from "../../renderer/editor/codingDecorations.js";
import { ALL_DRAWN } from "../../renderer/editor/codingReveal.js";
import { useDocumentView } from "./documentViewHost.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A document opens with only its first screen's codings drawn (codingReveal.ts); the rest follow
 * in idle moments, or at once for a section that comes near or a passage jumped to. jsdom has no
 * IntersectionObserver nor requestIdleCallback (without them every coding is drawn at once, as the
 * other tests of the view rely on): these tests put in small stand-ins they drive by hand.
 */

const NOW = "2026-01-01T00:00:00.000Z";
const DOC = newDocumentId();
const code = (name: string, color: string): Code => ({ id: newCodeId(), name, color, parentId: null, order: 0, description: { definition: "", whenToUse: "", whenNotToUse: "" }, createdAt: NOW });
const coding = (codeId: CodeId, start: number, end: number): Coding => ({ id: newCodingId(), documentId: DOC, codeId, start: offset(start), end: offset(end), coder: "ana", stance: "supports", createdAt: NOW });

/** 100 lines (blocks) of about 60 characters: some 7 sections, far more than one screen. */
const LINES = Array.from({ length: 100 }, (_, i) => `Baris ${String(i).padStart(3, "0")}: kami jual kopi ke Padang, untungnya kecil sekali.`);
const TEXT = LINES.join("\r\n");
const content = (): DocumentContent => ({ text: TEXT, blocks: linesToBlocks(TEXT) });
/** Offset of `needle` in line `line`. */
const at = (line: number, needle: string) => TEXT.indexOf(LINES[line]!) + LINES[line]!.indexOf(needle);

const economic = code("Economic motive", "#e69f00");
const barrier = code("Barrier", "#0072b2");
const codes = { [economic.id]: economic, [barrier.id]: barrier };
/** Overlapping codings on every fifth line, and one across lines 40 to 42. */
const CODINGS: Coding[] = [
  ...Array.from({ length: 20 }, (_, k) => [coding(economic.id, at(k * 5, "kami"), at(k * 5, ", untungnya")), coding(barrier.id, at(k * 5, "kopi"), at(k * 5, " kecil"))]).flat(),
  coding(barrier.id, at(40, "Padang"), at(42, "kopi")),
];

interface FakeObserver {
  callback: IntersectionObserverCallback;
  targets: Set<Element>;
}

let observers: FakeObserver[];
let idle: Map<number, IdleRequestCallback>;
let frames: Map<number, FrameRequestCallback>;
const win = window as unknown as Record<string, unknown>;

beforeEach(() => {
  observers = [];
  idle = new Map();
  frames = new Map();
  let next = 1;
  win.requestAnimationFrame = (callback: FrameRequestCallback) => {
    frames.set(next, callback);
    return next++;
  };
  win.cancelAnimationFrame = (id: number) => frames.delete(id);
  win.IntersectionObserver = class {
    private readonly me: FakeObserver;
    constructor(callback: IntersectionObserverCallback) {
      this.me = { callback, targets: new Set() };
      observers.push(this.me);
    }
    observe(target: Element) {
      this.me.targets.add(target);
    }
    unobserve(target: Element) {
      this.me.targets.delete(target);
    }
    disconnect() {
      this.me.targets.clear();
    }
  };
  win.requestIdleCallback = (callback: IdleRequestCallback) => {
    idle.set(next, callback);
    return next++;
  };
  win.cancelIdleCallback = (id: number) => idle.delete(id);
});

afterEach(() => {
  delete win.IntersectionObserver;
  delete win.requestIdleCallback;
  delete win.cancelIdleCallback;
  win.requestAnimationFrame = realFrame;
  win.cancelAnimationFrame = realCancelFrame;
});

const realFrame = window.requestAnimationFrame;
const realCancelFrame = window.cancelAnimationFrame;

/** The next frame: its animation-frame callbacks run (jsdom paints nothing). */
function runFrame() {
  const now = [...frames.values()];
  frames.clear();
  act(() => now.forEach((callback) => callback(performance.now())));
}

const viewHost = useDocumentView();
/** Without the coding stripes: these tests drive the frames by hand, and jsdom measures no text for bars. */
const render = (props: Parameters<typeof viewHost.render>[0]) => viewHost.render({ stripes: false, ...props });

/** Runs the idle callbacks asked for, with `ms` left in each, until none is asked for again (or `most` have run). */
function runIdle(ms = 50, most = 1000) {
  if (frames.size) runFrame();
  for (let rounds = 0; idle.size && rounds < most; rounds++) {
    const [id, callback] = idle.entries().next().value!;
    idle.delete(id);
    act(() => callback({ didTimeout: false, timeRemaining: () => ms }));
  }
}

/** The sections near the viewport now, as the browser would report them. */
function intersect(sections: Element[]) {
  act(() => {
    for (const o of observers) {
      const entries = sections.filter((s) => o.targets.has(s)).map((target) => ({ target, isIntersecting: true }) as unknown as IntersectionObserverEntry);
      if (entries.length) o.callback(entries, {} as IntersectionObserver);
    }
  });
}

/** Each coding's drawn text and look (class), by id. */
function drawing(dom: HTMLElement): Map<string, { text: string; classes: string }> {
  const out = new Map<string, { text: string; classes: string }>();
  for (const span of dom.querySelectorAll<HTMLElement>("[data-coding-id]")) {
    const id = span.dataset.codingId!;
    const was = out.get(id);
    out.set(id, { text: (was?.text ?? "") + span.textContent, classes: [...new Set([...(was?.classes.split(" ") ?? []), span.className])].filter(Boolean).join(" ") });
  }
  return out;
}

/** Drawn whole at once, as without the stand-ins: what the gradual drawing must end up as (after the same changes of codings). */
function reference(...steps: (readonly Coding[])[]) {
  const IO = win.IntersectionObserver;
  delete win.IntersectionObserver;
  try {
    const doc = content();
    let dom: HTMLElement | null = null;
    for (const codings of steps) dom = render({ content: doc, codings, codes }).dom;
    const out = drawing(dom!);
    viewHost.clear();
    return out;
  } finally {
    win.IntersectionObserver = IO;
  }
}

const lineOf = (c: Coding) => TEXT.slice(0, c.start).split("\r\n").length - 1;
const sectionOfLine = (line: number) => Math.floor(line / SECTION_SIZE);

describe("opening a densely coded document", () => {
  it("draws the first screen's codings before the first paint and the rest in idle moments, each as a whole drawing would", () => {
    const whole = reference(CODINGS);
    expect(whole.size).toBe(CODINGS.length);
    const { dom, view, editor } = render({ content: content(), codings: CODINGS, codes });

    const first = drawing(dom);
    const drawnLines = CODINGS.filter((c) => first.has(c.id)).map(lineOf);
    // Some, all from the top: jsdom's window is 768 px high, a line about 46 px.
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(CODINGS.length);
    expect(Math.max(...drawnLines)).toBeLessThan(Math.min(...CODINGS.filter((c) => !first.has(c.id)).map(lineOf)));
    expect(view.dataset.codingsDrawn).toBeUndefined();
    // Every coding is known from the start (clicks, the caret's announcements), drawn or not.
    expect(codingDecorationsKey.getState(editor.state)!.entries.size).toBe(CODINGS.length);
    for (const [id, drawn] of first) expect(drawn).toEqual(whole.get(id));

    runIdle();
    expect(drawing(dom)).toEqual(whole);
    expect(view.dataset.codingsDrawn).toBe(ALL_DRAWN);
    expect(codingDecorationsKey.getState(editor.state)!.pending.size).toBe(0);
  });

  it("marks the sections on screen at the open, which the browser must not skip (their codings are measured at once)", () => {
    const { dom } = render({ content: content(), codings: CODINGS, codes });
    const sections = [...dom.querySelectorAll("section")];
    const shown = sections.filter((s) => s.hasAttribute("data-shown"));
    // jsdom's 768 px hold the first section's 16 lines (about 46 px each) and a few of the second.
    expect(shown).toEqual(sections.slice(0, 2));
    const drawnLines = CODINGS.filter((c) => drawing(dom).has(c.id)).map(lineOf);
    expect(Math.floor(Math.max(...drawnLines) / SECTION_SIZE)).toBeLessThan(shown.length);
  });

  it("draws a section that comes near the viewport in the next idle moment, before the sections above it", () => {
    const { dom } = render({ content: content(), codings: CODINGS, codes });
    const sections = [...dom.querySelectorAll("section")];
    const last = sections.length - 2; // the last holds no coding
    const inLast = CODINGS.filter((c) => sectionOfLine(lineOf(c)) === last);
    const inBefore = CODINGS.filter((c) => sectionOfLine(lineOf(c)) === last - 1);
    expect(inLast.length).toBeGreaterThan(0);
    expect(inLast.some((c) => drawing(dom).has(c.id))).toBe(false);

    intersect([sections[last]!]);
    expect(inLast.some((c) => drawing(dom).has(c.id))).toBe(false); // not in the observer's task, which follows a frame
    runIdle(0, 1); // one idle moment with no time to spare: one section
    const now = drawing(dom);
    expect(inLast.every((c) => now.has(c.id))).toBe(true);
    expect(inBefore.some((c) => now.has(c.id))).toBe(false);
  });

  it("keeps codings added to or removed from a section not drawn yet until it is", () => {
    const doc = content();
    const { dom, editor } = render({ content: doc, codings: CODINGS, codes });
    const added = coding(economic.id, at(97, "jual"), at(97, " Padang"));
    const removed = CODINGS.find((c) => lineOf(c) === 95)!;
    const next = [...CODINGS.filter((c) => c !== removed), added];
    render({ content: doc, codings: next, codes });
    expect(drawing(dom).has(added.id)).toBe(false);
    expect(codingDecorationsKey.getState(editor.state)!.entries.has(added.id)).toBe(true);

    runIdle();
    const all = drawing(dom);
    expect(all.get(added.id)?.text).toBe("jual kopi ke");
    expect(all.has(removed.id)).toBe(false);
    expect(all).toEqual(reference(CODINGS, next));
  });

  it("draws the codings of a passage jumped to before scrolling to it", () => {
    const target = CODINGS.find((c) => lineOf(c) === 90)!;
    const { dom } = render({ content: content(), codings: CODINGS, codes, focus: { start: target.start, end: target.end, nonce: 1 } });
    expect(drawing(dom).has(target.id)).toBe(true);
    // Its section only: the idle moments still have the rest to draw.
    expect(CODINGS.some((c) => !drawing(dom).has(c.id))).toBe(true);
  });

  it("asks for its first idle moment in the frame that paints the open, not before it", () => {
    // An idle period left before that frame would otherwise draw a section (and lay the text out
    // again) in front of the first paint.
    render({ content: content(), codings: CODINGS, codes });
    expect(idle.size).toBe(0);
    runFrame();
    expect(idle.size).toBe(1);
  });

  it("asks for no more idle moments once it is closed", () => {
    render({ content: content(), codings: CODINGS, codes });
    runFrame();
    expect(idle.size).toBeGreaterThan(0);
    viewHost.clear();
    expect(idle.size).toBe(0);
  });
});
