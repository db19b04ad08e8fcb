import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { useTranslation } from "react-i18next";
import { PANEL_LIMITS, type Side } from "./panelLayout.js";
import type { PanelControls } from "./usePanelLayout.js";

const STEP = 16;
const BIG_STEP = 64;

/**
 * The handle between a side panel and the text, as the WAI-ARIA window splitter: a focusable
 * separator whose value is the panel's width, dragged with the mouse, moved with the arrow keys
 * (Shift for bigger steps, Home/End for the limits), Enter hides or shows the panel. The button
 * beside it does the same for the mouse.
 */
export function Splitter({ side, panels }: { side: Side; panels: PanelControls }) {
  const { t } = useTranslation();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const collapsed = side === "left" ? panels.layout.leftCollapsed : panels.layout.rightCollapsed;
  const width = collapsed ? 0 : panels.fitted[side];
  // The left panel grows to the right, the right panel to the left.
  const grow = side === "left" ? 1 : -1;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: collapsed ? PANEL_LIMITS[side].min : width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    panels.resize(side, drag.current.width + grow * (e.clientX - drag.current.x));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const from = collapsed ? PANEL_LIMITS[side].min : width;
    let next: number | null = null;
    if (e.key === "ArrowRight") next = from + grow * step;
    else if (e.key === "ArrowLeft") next = from - grow * step;
    else if (e.key === "Home") next = PANEL_LIMITS[side].min;
    else if (e.key === "End") next = panels.max[side];
    else if (e.key === "Enter") {
      e.preventDefault();
      panels.toggle(side);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    panels.resize(side, next);
  };

  const name = t(`app.layout.${side}Panel`);
  return (
    <div className={`splitter-track ${side}`}>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t("app.layout.resize", { panel: name })}
        aria-valuenow={width}
        aria-valuemin={0}
        aria-valuemax={panels.max[side]}
        aria-controls={`panel-${side}`}
        tabIndex={0}
        className="splitter"
        data-testid={`splitter-${side}`}
        title={t("app.layout.resizeHint")}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="panel-toggle"
        aria-expanded={!collapsed}
        aria-controls={`panel-${side}`}
        aria-label={t(collapsed ? "app.layout.show" : "app.layout.hide", { panel: name })}
        title={t(collapsed ? "app.layout.show" : "app.layout.hide", { panel: name })}
        data-testid={`toggle-${side}`}
        onClick={() => panels.toggle(side)}
      >
        <span aria-hidden="true">{(side === "left") !== collapsed ? "‹" : "›"}</span>
      </button>
    </div>
  );
}
