import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePathLabel, memoKey, type Coding, type CodingId, type Stance } from "../../shared/index.js";
import { useProject } from "../state/context.js";
import { MemoEditor, MemoIcon } from "./memo/index.js";

/** What is coded where the user clicked: each code with its stance, coder, memo, and a way to remove it. */
export function CodingPopover({
  codingIds,
  at,
  onClose,
  onRemove,
  drawn,
  onStance,
  onSimilar,
}: {
  codingIds: CodingId[];
  at: { x: number; y: number };
  onClose(): void;
  /** Removes a coding (the pane hides it at once: savingCodings.ts). */
  onRemove(codingId: CodingId): void;
  /** Each coding as the pane draws it (as a change being saved will leave it: savingCodings.ts); undefined once gone. */
  drawn(id: CodingId): Coding | undefined;
  /** Sets a coding's stance (the pane shows it at once: savingCodings.ts). */
  onStance(coding: Coding, stance: Stance): void;
  onSimilar?(codingId: CodingId): void;
}) {
  const { t } = useTranslation();
  const { state } = useProject();
  const [memoFor, setMemoFor] = useState<CodingId | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const codings = codingIds.map(drawn).filter((c) => c !== undefined);

  useEffect(() => {
    const onDown = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && onClose();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [onClose]);

  useEffect(() => {
    if (codings.length === 0) onClose();
  }, [codings.length, onClose]);

  const left = Math.min(at.x, window.innerWidth - 380);
  const top = Math.min(at.y + 12, window.innerHeight - 320);

  return (
    <div className="popover coding-popover" ref={root} style={{ left, top }} data-testid="coding-popover">
      <div className="panel-title">{t("app.coding.here", { count: codings.length })}</div>
      <ul>
        {codings.map((coding) => {
          const code = state.codes[coding.codeId];
          return (
            <li key={coding.id} data-testid="coding-item" data-coding-id={coding.id}>
              <div className="coding-line">
                <span className="swatch" style={{ background: code?.color }} />
                <span className="code-name">{codePathLabel(state, coding.codeId)}</span>
                <button className="icon danger" onClick={() => onRemove(coding.id)} aria-label={t("app.coding.remove")} title={t("app.coding.remove")} data-testid="remove-coding">
                  ×
                </button>
              </div>
              <div className="coding-meta">
                <select
                  value={coding.stance}
                  onChange={(e) => onStance(coding, e.target.value as Stance)}
                  aria-label={t("app.coding.stance")}
                  data-testid="coding-stance"
                  className={coding.stance}
                >
                  <option value="supports">{t("app.stance.supports")}</option>
                  <option value="contradicts">{t("app.stance.contradicts")}</option>
                </select>
                <span className="muted">{t("app.coding.by", { coder: coding.coder })}</span>
                {onSimilar && (
                  <button onClick={() => (onSimilar(coding.id), onClose())} title={t("search.similar.ofPassage")} data-testid="coding-similar">
                    {t("search.similar.button")}
                  </button>
                )}
                <MemoButton hasMemo={Boolean(state.memos[memoKey({ kind: "coding", id: coding.id })])} open={memoFor === coding.id} onToggle={() => setMemoFor(memoFor === coding.id ? null : coding.id)} />
              </div>
              {memoFor === coding.id && <MemoEditor target={{ kind: "coding", id: coding.id }} label={t("memo.title.coding")} autoFocus />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Looks different once the coding has a memo ("Memo (1)", a filled note), so a memo is found, not hunted for. */
function MemoButton({ hasMemo, open, onToggle }: { hasMemo: boolean; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button
      className={`icon coding-memo${hasMemo ? " has-memo" : ""}`}
      onClick={onToggle}
      aria-expanded={open}
      aria-label={t(hasMemo ? "memo.button.someLabel" : "memo.button.noneLabel")}
      title={t(hasMemo ? "memo.button.someLabel" : "memo.button.noneLabel")}
      data-testid="coding-memo"
      data-has-memo={hasMemo ? "true" : undefined}
    >
      <MemoIcon filled={hasMemo} /> {t(hasMemo ? "memo.button.some" : "memo.button.none")}
    </button>
  );
}
