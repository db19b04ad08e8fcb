/**
 * Keeps Tab and Shift+Tab inside a modal dialog. `:disabled` also catches fields inside a disabled
 * fieldset (the export dialog disables its options while a job runs).
 */
export function trapFocus(container: HTMLElement, e: { shiftKey: boolean; preventDefault(): void }): void {
  const focusable = [...container.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex]:not([tabindex='-1'])")].filter((el) => !el.matches(":disabled"));
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const edge = e.shiftKey ? first : last;
  if (document.activeElement === edge) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}
