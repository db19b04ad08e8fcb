import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "../Modal.js";

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
  return (
    <Modal
      title={title}
      className="codebook-dialog"
      testId={testId}
      initialFocus={initialFocus}
      fallbackFocus="[data-testid=confirm]"
      onSubmit={() => !confirmDisabled && onConfirm()}
      onClose={onCancel}
    >
      {children}
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="cancel">
          {t("codebook.cancel")}
        </button>
        <button type="submit" className={tone} disabled={confirmDisabled} data-testid="confirm">
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
