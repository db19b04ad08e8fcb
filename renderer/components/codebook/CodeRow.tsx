import type { DragEvent, KeyboardEvent, MouseEvent, ReactNode } from "react";
import { escapeCodeName, type Code } from "../../../shared/index.js";
import { CODE_DRAG_TYPE, type CodeStats } from "./model.js";
import type { CodeRowLabels } from "./rowLabels.js";

/** Where a dragged code would land when dropped on this row. */
export type DropState = "into" | "refused" | null;

export interface CodeRowProps {
  code: Code;
  depth: number;
  stats: CodeStats;
  /** The key 1–9 that applies this code (see codeKeys), else null. */
  shortcut: number | null;
  /** Whether the researcher pinned the code to that key. */
  pinned?: boolean;
  selected: boolean;
  focusable: boolean;
  expanded: boolean;
  menuOpen: boolean;
  /** The inline rename field, when this code is being renamed. */
  nameEditor: ReactNode;
  drop: DropState;
  dragging: boolean;
  /** Its words, made once per codebook and language (the row is drawn again when the language changes). */
  labels: CodeRowLabels;
  onSelect(): void;
  onToggle(): void;
  onRename(): void;
  onMenu(x: number, y: number): void;
  onRecolor(x: number, y: number): void;
  onKeyDown(e: KeyboardEvent<HTMLDivElement>): void;
  onDragStart(): void;
  onDragOver(e: DragEvent<HTMLDivElement>): void;
  onDragLeave(): void;
  onDrop(e: DragEvent<HTMLDivElement>): void;
  onDragEnd(): void;
}

export const INDENT = 14;

/**
 * One code in the codebook tree: chevron, colour, name, shortcut digit, counts and its "⋯" menu.
 * The row is the one stop for the keyboard and screen readers (arrows expand, Shift+F10 opens the
 * menu). It is named by its content, so its name is what it shows; the buttons and figures inside
 * it, pointer shortcuts for what its keys do, are hidden from the accessibility tree so that the
 * name is the code's alone (an aria-label would differ from the visible text: WCAG 2.5.3).
 */
export function CodeRow(props: CodeRowProps) {
  const { code, depth, stats, shortcut, selected, expanded, drop } = props;
  const { labels } = props;
  const hasChildren = stats.children > 0;
  const renaming = props.nameEditor !== null && props.nameEditor !== undefined;
  const openMenuAt = (e: MouseEvent<HTMLElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    props.onMenu(rect.left, rect.bottom + 2);
  };
  const color = labels.color(code.name);
  const shortcutLabel = shortcut === null ? "" : props.pinned ? labels.pinnedKey(shortcut) : labels.automaticKey(shortcut);
  const classes = ["code-row"];
  if (selected) classes.push("selected");
  if (props.menuOpen) classes.push("menu-open");
  if (drop) classes.push(`drop-${drop}`);
  if (props.dragging) classes.push("dragging");

  return (
    <div
      className={classes.join(" ")}
      role="treeitem"
      aria-level={depth + 1}
      aria-selected={selected}
      aria-expanded={hasChildren ? expanded : undefined}
      tabIndex={props.focusable ? 0 : -1}
      style={{ paddingLeft: 4 + depth * INDENT }}
      data-testid="code-row"
      data-code-id={code.id}
      data-depth={depth}
      draggable={!renaming}
      onClick={props.onSelect}
      onDoubleClick={(e) => {
        e.preventDefault();
        props.onRename();
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        props.onSelect();
        props.onMenu(e.clientX, e.clientY);
      }}
      onKeyDown={props.onKeyDown}
      onDragStart={(e) => {
        e.stopPropagation();
        e.dataTransfer.setData(CODE_DRAG_TYPE, code.id);
        e.dataTransfer.effectAllowed = "move";
        props.onDragStart();
      }}
      onDragOver={props.onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) props.onDragLeave();
      }}
      onDrop={props.onDrop}
      onDragEnd={props.onDragEnd}
    >
      {hasChildren ? (
        <button
          type="button"
          className="icon code-toggle"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={expanded ? labels.collapse(code.name) : labels.expand(code.name)}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle();
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          <span className={`chevron${expanded ? " open" : ""}`} aria-hidden="true" />
        </button>
      ) : (
        <span className="code-toggle" aria-hidden="true" />
      )}
      <button
        type="button"
        className="code-swatch"
        style={{ background: code.color }}
        tabIndex={-1}
        aria-hidden="true"
        aria-label={color}
        title={color}
        onClick={(e) => {
          e.stopPropagation();
          props.onSelect();
          const rect = e.currentTarget.getBoundingClientRect();
          props.onRecolor(rect.left, rect.bottom + 4);
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {renaming ? (
        props.nameEditor
      ) : (
        <span className="code-name" title={code.name}>
          {escapeCodeName(code.name)}
        </span>
      )}
      {shortcut !== null && !renaming && (
        <kbd
          className={`code-shortcut${props.pinned ? " pinned" : ""}`}
          title={shortcutLabel}
          aria-label={shortcutLabel}
          data-testid="code-shortcut"
          data-pinned={props.pinned ? "true" : undefined}
        >
          {shortcut}
        </kbd>
      )}
      {!renaming && (
        <span
          className="code-count"
          title={Number.isNaN(stats.own) ? labels.loadingCountHint : hasChildren ? labels.withNested(stats.own, stats.total) : labels.ownCount(stats.own)}
          data-testid="code-count"
          aria-hidden="true"
        >
          {/* NaN: counted by one coder while not every coding is loaded yet (issue 13's two-step open). */}
          {Number.isNaN(stats.own) ? labels.loadingCount : stats.own}
          {hasChildren && !Number.isNaN(stats.total) && <span className="code-count-total"> · {stats.total}</span>}
        </span>
      )}
      {!renaming && (
        <button
          type="button"
          className="icon code-more"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={labels.actionsFor(code.name)}
          aria-haspopup="menu"
          aria-expanded={props.menuOpen}
          data-testid="code-menu-button"
          onClick={(e) => {
            e.stopPropagation();
            props.onSelect();
            openMenuAt(e);
          }}
          onDoubleClick={(e) => e.stopPropagation()}
        >
          ⋯
        </button>
      )}
    </div>
  );
}
