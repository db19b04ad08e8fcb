import { describe, expect, it } from "vitest";
import { DEFAULT_LAYOUT, fitLayout, loadLayout, maxWidth, MIDDLE_MIN, PANEL_LIMITS, parseLayout, saveLayout, SPLITTER_WIDTH } from "../../renderer/components/layout/panelLayout.js";

describe("the side panels' widths", () => {
  it("leave the document column its minimum on a 1024 px screen, shrinking the right panel first", () => {
    const fitted = fitLayout(DEFAULT_LAYOUT, 1024);
    expect(1024 - fitted.left - fitted.right - 2 * SPLITTER_WIDTH).toBeGreaterThanOrEqual(MIDDLE_MIN);
    expect(fitted.right).toBe(PANEL_LIMITS.right.min);
    expect(fitted.left).toBeLessThan(DEFAULT_LAYOUT.left);
  });

  it("draw the chosen widths where they fit, and no width for a hidden panel", () => {
    expect(fitLayout(DEFAULT_LAYOUT, 1440)).toEqual({ left: DEFAULT_LAYOUT.left, right: DEFAULT_LAYOUT.right });
    expect(fitLayout({ ...DEFAULT_LAYOUT, rightCollapsed: true }, 1024)).toEqual({ left: DEFAULT_LAYOUT.left, right: 0 });
  });

  it("may be dragged only as wide as leaves the text its room", () => {
    expect(maxWidth("right", DEFAULT_LAYOUT, 1440)).toBe(1440 - DEFAULT_LAYOUT.left - 2 * SPLITTER_WIDTH - MIDDLE_MIN);
    expect(maxWidth("right", DEFAULT_LAYOUT, 4000)).toBe(PANEL_LIMITS.right.max);
  });

  it("are read back from storage field by field, anything unreadable falling back to the default", () => {
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout("{not json")).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ left: 9999, right: "wide", rightCollapsed: true }))).toEqual({ left: PANEL_LIMITS.left.max, right: PANEL_LIMITS.right.initial, leftCollapsed: false, rightCollapsed: true });
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    saveLayout({ left: 300, right: 420, leftCollapsed: true, rightCollapsed: false }, storage);
    expect(loadLayout(storage)).toEqual({ left: 300, right: 420, leftCollapsed: true, rightCollapsed: false });
  });
});
