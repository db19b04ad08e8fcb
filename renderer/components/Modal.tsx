import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

export interface ModalProps {
  title: string;
  /** Extra class beside "dialog", for the dialog's own layout. */
  className: string;
  testId: string;
  /** Which element takes focus on opening (a CSS selector inside the dialog); default: the first field, else `fallbackFocus`. */
  initialFocus?: string;
  fallbackFocus?: string;
  /** Marks the dialog busy for assistive technology (a job is running in it). */
  busy?: boolean;
  /** Enter in a field, or the submit button. */
  onSubmit(): void;
  /** Escape or a press on the backdrop. */
  onClose(): void;
  children: ReactNode;
}

/**
 * The one modal of the app: a form rendered into <body> (so no panel's layout can clip it), with
 * focus placed inside on opening, kept inside by Tab, and returned to where it was on closing.
 * Keys typed in it are not workspace shortcuts (undo, the code palette, 1–9). When the focused
 * element goes (removed, as a resolved conflict's buttons are, or disabled while a job runs), the
 * focus would fall to the page's body, where Escape no longer closes the dialog and keys reach the
 * workspace behind it: it is put back on the element that took it at the opening, else the first
 * one that can take it.
 */
export function Modal({ title, className, testId, initialFocus, fallbackFocus, busy, onSubmit, onClose, children }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const form = ref.current;
    const first = form?.querySelector<HTMLElement>(initialFocus ?? "input, select, textarea") ?? (fallbackFocus ? form?.querySelector<HTMLElement>(fallbackFocus) : null);
    first?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Focus is placed once, when the dialog opens.
  }, []);

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        ref={ref}
        className={`dialog ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy || undefined}
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onBlur={(e) => {
          const left = e.target;
          if (e.relatedTarget) return;
          // Removed or disabled: known only once the change is done.
          setTimeout(() => {
            const form = ref.current;
            if (!form?.isConnected || (left.isConnected && !left.matches(":disabled"))) return;
            if (document.activeElement && document.activeElement !== document.body) return;
            const chosen = [initialFocus, fallbackFocus].map((selector) => (selector ? form.querySelector<HTMLElement>(selector) : null));
            (chosen.find((el) => el && !el.matches(":disabled")) ?? focusables(form)[0])?.focus();
          });
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onClose();
          } else if (e.key === "Tab") {
            trapFocus(e.currentTarget, e);
          }
          e.stopPropagation();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </form>
    </div>,
    document.body,
  );
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog. `:disabled` also catches fields inside a disabled
 * fieldset (the export dialog disables its options while a job runs).
 */
function trapFocus(container: HTMLElement, e: { shiftKey: boolean; preventDefault(): void }): void {
  const focusable = focusables(container);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const edge = e.shiftKey ? first : last;
  if (document.activeElement === edge) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}

/** What can take the focus in a dialog, in order. */
function focusables(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]:not([tabindex='-1'])")].filter((el) => !el.matches(":disabled"));
}
