import { useRef, type KeyboardEvent, type ReactNode } from "react";

/**
 * WAI-ARIA tabs with automatic activation: one tab stop for the row (the selected tab), arrow keys
 * (and Home/End) move to and open the neighbouring tab, the panel is labelled by its tab.
 */
export function Tabs<T extends string>(props: {
  id: string;
  tabs: readonly T[];
  selected: T;
  onSelect(tab: T): void;
  /** Accessible name of the row of tabs. */
  label: string;
  title(tab: T): string;
  children: ReactNode;
}) {
  const { id, tabs, selected, onSelect, label, title, children } = props;
  const row = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(selected);
    const to =
      e.key === "ArrowRight" ? (at + 1) % tabs.length : e.key === "ArrowLeft" ? (at - 1 + tabs.length) % tabs.length : e.key === "Home" ? 0 : e.key === "End" ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(tabs[to]!);
    row.current?.querySelector<HTMLElement>(`#${id}-tab-${tabs[to]}`)?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} ref={row} onKeyDown={onKeyDown}>
        {tabs.map((name) => (
          <button
            key={name}
            id={`${id}-tab-${name}`}
            role="tab"
            type="button"
            aria-selected={selected === name}
            aria-controls={`${id}-panel`}
            tabIndex={selected === name ? 0 : -1}
            className={selected === name ? "active" : ""}
            onClick={() => onSelect(name)}
            data-testid={`tab-${name}`}
          >
            {title(name)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
