import type { Code, CodeId } from "../../../shared/index.js";

export interface TreeKeyContext {
  /** The rows as shown (collapsed subtrees left out), in order. */
  rows: readonly { code: Code; depth: number }[];
  hasChildren(id: CodeId): boolean;
  collapsed: ReadonlySet<CodeId>;
  toggle(id: CodeId): void;
  focus(id: CodeId): void;
  select(id: CodeId): void;
  rename(id: CodeId): void;
  askDelete(id: CodeId): void;
  openMenu(id: CodeId): void;
}

/**
 * The codebook's keys on the row at `index`, as the ARIA tree pattern has them: ↑/↓, Home/End,
 * → opens or goes to the first child, ← closes or goes to the parent, Enter/Space selects; then F2
 * renames, Delete asks, and the context-menu key (or Shift+F10) opens the code's menu. Returns
 * whether the key was one of them.
 */
export function treeKey(key: string, shiftKey: boolean, index: number, ctx: TreeKeyContext): boolean {
  const { rows } = ctx;
  const row = rows[index];
  if (!row) return false;
  const { code, depth } = row;
  const hasChildren = ctx.hasChildren(code.id);
  const open = hasChildren && !ctx.collapsed.has(code.id);
  const go = (to: { code: Code } | undefined) => to && ctx.focus(to.code.id);
  switch (key) {
    case "ArrowDown":
      go(rows[index + 1]);
      return true;
    case "ArrowUp":
      go(rows[index - 1]);
      return true;
    case "Home":
      go(rows[0]);
      return true;
    case "End":
      go(rows.at(-1));
      return true;
    case "ArrowRight":
      if (hasChildren && !open) ctx.toggle(code.id);
      else if (open) go(rows[index + 1]);
      return true;
    case "ArrowLeft":
      if (open) ctx.toggle(code.id);
      else go(rows.slice(0, index).reverse().find((r) => r.depth < depth));
      return true;
    case "Enter":
    case " ":
      ctx.select(code.id);
      return true;
    case "F2":
      ctx.rename(code.id);
      return true;
    case "Delete":
    case "Backspace":
      ctx.askDelete(code.id);
      return true;
    case "F10":
      if (!shiftKey) return false;
      ctx.openMenu(code.id);
      return true;
    case "ContextMenu":
      ctx.openMenu(code.id);
      return true;
    default:
      return false;
  }
}
