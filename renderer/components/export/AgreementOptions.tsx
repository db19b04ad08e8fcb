import { useTranslation } from "react-i18next";
import { AGREEMENT_UNITS, codePathLabel, type AgreementUnit, type CodeId, type ProjectState } from "../../../shared/index.js";
import type { AgreementChoice } from "./exportOptions.js";

/** Codes with children: each can be compared as one nominal variable whose values are its children. */
function parentCodes(state: ProjectState) {
  const parents = new Set(Object.values(state.codes).map((c) => c.parentId));
  return Object.values(state.codes).filter((c) => parents.has(c.id));
}

/**
 * The agreement report's choices in the export dialog, the same the Agreement tab offers: the
 * coders compared (kept in the project's order), the unit, a parent's children as categories, and
 * leaving out units no coder coded.
 */
export function AgreementOptions({ state, coders, value, onChange }: { state: ProjectState; coders: string[]; value: AgreementChoice; onChange(value: AgreementChoice): void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<AgreementChoice>) => onChange({ ...value, ...patch });
  const toggle = (coder: string, on: boolean) => set({ coders: coders.filter((c) => (c === coder ? on : value.coders.includes(c))) });
  if (coders.length < 2) return <p className="export-warning" data-testid="export-agreement-empty">{t("agreement.exportDialog.needTwo")}</p>;
  return (
    <>
      <fieldset className="export-checklist" data-testid="export-agreement-coders">
        <legend>{t("agreement.panel.coders")}</legend>
        <div className="export-checks">
          {coders.map((coder) => (
            <label key={coder} className="checkbox">
              <input type="checkbox" checked={value.coders.includes(coder)} onChange={(e) => toggle(coder, e.target.checked)} data-testid={`export-agreement-coder-${coder}`} />
              {coder}
            </label>
          ))}
        </div>
        {value.coders.length < 2 && <span className="export-warning">{t("agreement.exportDialog.chooseTwo")}</span>}
      </fieldset>
      <div className="export-row">
        <div className="field">
          <label htmlFor="export-agreement-unit">{t("agreement.panel.unit")}</label>
          <select id="export-agreement-unit" value={value.unit} onChange={(e) => set({ unit: e.target.value as AgreementUnit })} data-testid="export-agreement-unit">
            {AGREEMENT_UNITS.map((u) => (
              <option key={u} value={u}>{t(`agreement.panel.units.${u}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-agreement-categories">{t("agreement.panel.categories")}</label>
          <select id="export-agreement-categories" value={value.categories ?? ""} onChange={(e) => set({ categories: (e.target.value || null) as CodeId | null })} data-testid="export-agreement-categories">
            <option value="">{t("agreement.panel.perCode")}</option>
            {parentCodes(state).map((p) => (
              <option key={p.id} value={p.id}>{codePathLabel(state, p.id)}</option>
            ))}
          </select>
        </div>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={value.excludeUncoded} onChange={(e) => set({ excludeUncoded: e.target.checked })} data-testid="export-agreement-exclude" />
        {t("agreement.panel.excludeUncoded")}
      </label>
    </>
  );
}
