import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { trapFocus } from "../trapFocus.js";

export interface DialogProps {
  title: string;
  confirmLabel: string;
  /** "danger" for a destructive confirmation. */
  tone?: "primary" | "danger";
  confirmDisabled?: boolean;
  /** Which element takes focus on opening (a CSS selector inside the dialog); default: the first field. */
  initialFocus?: string;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal confirmation: Enter confirms, Escape or a press on the backdrop cancels, and focus returns
 * to where it was when the dialog closes. Rendered into <body> so no panel's layout can clip it.
 */
export function Dialog({ title, confirmLabel, tone = "primary", confirmDisabled, initialFocus, testId, onConfirm, onCancel, children }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const form = ref.current;
    const first = form?.querySelector<HTMLElement>(initialFocus ?? "input, select, textarea") ?? form?.querySelector<HTMLElement>("[data-testid=confirm]");
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Focus is placed once, when the dialog opens.
  }, []);

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <form
        ref={ref}
        className="dialog codebook-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          if (!confirmDisabled) onConfirm();
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          } else if (e.key === "Tab") {
            trapFocus(e.currentTarget, e);
          }
          // Keys typed in a dialog are not codebook shortcuts.
          e.stopPropagation();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          <button type="button" onClick={onCancel} data-testid="cancel">
            {t("codebook.cancel")}
          </button>
          <button type="submit" className={tone} disabled={confirmDisabled} data-testid="confirm">
            {confirmLabel}
          </button>
        </div>
      </form>
    </div>,
    document.body,
  );
}
