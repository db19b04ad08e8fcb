import { useTranslation } from "react-i18next";

export interface CheckListProps<T extends string> {
  legend: string;
  hint?: string;
  items: { id: T; label: string }[];
  checked: T[];
  onChange(checked: T[]): void;
  /** data-testid prefix: each box is `${testId}-${id}`. */
  testId: string;
}

/** A fieldset of checkboxes (cases, frameworks, codes) that says so when none is ticked. */
export function CheckList<T extends string>({ legend, hint, items, checked, onChange, testId }: CheckListProps<T>) {
  const { t } = useTranslation();
  if (!items.length) return null;
  const toggle = (id: T, on: boolean) => onChange(on ? items.map((i) => i.id).filter((i) => i === id || checked.includes(i)) : checked.filter((i) => i !== id));
  return (
    <fieldset className="export-checklist" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="export-checks">
        {items.map((item) => (
          <label key={item.id} className="checkbox">
            <input type="checkbox" checked={checked.includes(item.id)} onChange={(e) => toggle(item.id, e.target.checked)} data-testid={`${testId}-${item.id}`} />
            {item.label}
          </label>
        ))}
      </div>
      {checked.length === 0 ? <span className="export-warning">{t("app.export.noneChosen")}</span> : hint && <span className="muted">{hint}</span>}
    </fieldset>
  );
}
