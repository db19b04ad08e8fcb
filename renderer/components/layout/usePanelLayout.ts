import { useCallback, useEffect, useState } from "react";
import { fitLayout, loadLayout, maxWidth, PANEL_LIMITS, saveLayout, type PanelLayout, type Side } from "./panelLayout.js";

export interface PanelControls {
  /** What the user chose (remembered). */
  layout: PanelLayout;
  /** What is drawn in this window (the chosen widths, shrunk to leave the text its room). */
  fitted: { left: number; right: number };
  /** The widest each panel may be dragged now. */
  max: Record<Side, number>;
  resize(side: Side, width: number): void;
  toggle(side: Side): void;
}

const collapsedKey = (side: Side): "leftCollapsed" | "rightCollapsed" => (side === "left" ? "leftCollapsed" : "rightCollapsed");

/** The side panels' widths and collapsed states, following the window's width, remembered across sessions. */
export function usePanelLayout(): PanelControls {
  const [layout, setLayout] = useState(() => loadLayout());
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  useEffect(() => saveLayout(layout), [layout]);

  const resize = useCallback((side: Side, width: number) => {
    setLayout((current) => {
      const limit = maxWidth(side, current, window.innerWidth);
      const next = Math.round(Math.min(limit, Math.max(PANEL_LIMITS[side].min, width)));
      return current[side] === next && !current[collapsedKey(side)] ? current : { ...current, [side]: next, [collapsedKey(side)]: false };
    });
  }, []);
  const toggle = useCallback((side: Side) => setLayout((current) => ({ ...current, [collapsedKey(side)]: !current[collapsedKey(side)] })), []);

  return {
    layout,
    fitted: fitLayout(layout, windowWidth),
    max: { left: maxWidth("left", layout, windowWidth), right: maxWidth("right", layout, windowWidth) },
    resize,
    toggle,
  };
}
