/**
 * The widths of the workspace's side panels: what the user chose (remembered in localStorage, per
 * machine like a window size) and what fits the window now. The document column always keeps
 * room for about 45 characters a line, so a narrow screen shrinks the panels, never the text.
 */

export type Side = "left" | "right";

export interface PanelLayout {
  left: number;
  right: number;
  leftCollapsed: boolean;
  rightCollapsed: boolean;
}

export const PANEL_LIMITS: Record<Side, { min: number; max: number; initial: number }> = {
  left: { min: 190, max: 420, initial: 260 },
  right: { min: 270, max: 640, initial: 380 },
};

/**
 * The narrowest document column, in CSS pixels: 45 characters of the 17 px reading font in a wide
 * sans (DejaVu Sans, Linux's system-ui: ≈ 9.5 px a character; Segoe UI is narrower) plus the
 * narrow-column margins and scroll bar (documentView.css, workspace.css). With the panels at their
 * minimum it fits a 1024 px screen.
 */
export const MIDDLE_MIN = 540;
/** Each splitter's own width (workspace.css). */
export const SPLITTER_WIDTH = 8;

export const DEFAULT_LAYOUT: PanelLayout = { left: PANEL_LIMITS.left.initial, right: PANEL_LIMITS.right.initial, leftCollapsed: false, rightCollapsed: false };

const STORAGE_KEY = "tandai.panels.v1";

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** A stored layout read back, each field checked; anything unreadable falls back to the default. */
export function parseLayout(raw: string | null): PanelLayout {
  if (!raw) return DEFAULT_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (!value || typeof value !== "object") return DEFAULT_LAYOUT;
  const v = value as Record<string, unknown>;
  const width = (side: Side) => (typeof v[side] === "number" && Number.isFinite(v[side]) ? clamp(Math.round(v[side]), PANEL_LIMITS[side].min, PANEL_LIMITS[side].max) : PANEL_LIMITS[side].initial);
  return { left: width("left"), right: width("right"), leftCollapsed: v.leftCollapsed === true, rightCollapsed: v.rightCollapsed === true };
}

export function loadLayout(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): PanelLayout {
  try {
    return parseLayout(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    return DEFAULT_LAYOUT; // storage refused (private mode): the default, every time
  }
}

export function saveLayout(layout: PanelLayout, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Not remembering a width is no reason to interrupt the user.
  }
}

/**
 * The widths drawn in a window `windowWidth` wide: the chosen widths, shrunk (the right panel first,
 * it holds the most) until the document column has MIDDLE_MIN, but never below each panel's minimum.
 * A collapsed panel takes no width.
 */
export function fitLayout(layout: PanelLayout, windowWidth: number): { left: number; right: number } {
  let left = layout.leftCollapsed ? 0 : layout.left;
  let right = layout.rightCollapsed ? 0 : layout.right;
  let excess = left + right + 2 * SPLITTER_WIDTH + MIDDLE_MIN - windowWidth;
  if (excess > 0 && right > 0) {
    const give = Math.min(excess, right - PANEL_LIMITS.right.min);
    right -= give;
    excess -= give;
  }
  if (excess > 0 && left > 0) left -= Math.min(excess, left - PANEL_LIMITS.left.min);
  return { left, right };
}

/** The widest a panel may be dragged in this window, leaving the document column its minimum. */
export function maxWidth(side: Side, layout: PanelLayout, windowWidth: number): number {
  const other = side === "left" ? fitLayout(layout, windowWidth).right : fitLayout(layout, windowWidth).left;
  return clamp(windowWidth - other - 2 * SPLITTER_WIDTH - MIDDLE_MIN, PANEL_LIMITS[side].min, PANEL_LIMITS[side].max);
}
