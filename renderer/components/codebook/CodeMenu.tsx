import { useTranslation } from "react-i18next";
import type { Code } from "../../../shared/index.js";
import { Popover } from "./Popover.js";

export const CODE_ACTIONS = ["rename", "recolor", "key", "child", "move", "merge", "delete"] as const;
export type CodeAction = (typeof CODE_ACTIONS)[number];

/** A code's actions, opened from its "⋯" button or by right-clicking it. Arrow keys move between items. */
export function CodeMenu({ code, x, y, canMerge, onAction, onClose }: { code: Code; x: number; y: number; canMerge: boolean; onAction(action: CodeAction): void; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Popover x={x} y={y} role="menu" label={t("codebook.actionsFor", { name: code.name })} className="code-menu" testId="code-menu" onClose={onClose}>
      <div
        onKeyDown={(e) => {
          const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)")];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          let next: HTMLButtonElement | undefined;
          if (e.key === "ArrowDown") next = items[(at + 1) % items.length];
          else if (e.key === "ArrowUp") next = items[(at - 1 + items.length) % items.length];
          else if (e.key === "Home") next = items[0];
          else if (e.key === "End") next = items.at(-1);
          else if (e.key === "Tab") return onClose();
          else return;
          e.preventDefault();
          next?.focus();
        }}
      >
        {CODE_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            role="menuitem"
            className={`menu-item${action === "delete" ? " danger" : ""}`}
            data-action={action}
            disabled={action === "merge" && !canMerge}
            onClick={() => onAction(action)}
          >
            {t(`codebook.menu.${action}`)}
          </button>
        ))}
      </div>
    </Popover>
  );
}
