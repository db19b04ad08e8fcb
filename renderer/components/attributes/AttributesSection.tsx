import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AttributeValueTarget } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { AttributesEditor } from "./AttributesEditor.js";

/** The attributes of a document as a collapsible section (closed at first, so the text keeps its room). */
export function AttributesSection({ target }: { target: AttributeValueTarget }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const [open, setOpen] = useState(false);
  const count = useMemo(() => {
    const holder = target.kind === "document" ? state.documents[target.id] : state.cases[target.id];
    return Object.keys(holder?.attributes ?? {}).length;
  }, [state, version, target.kind, target.id]);
  return (
    <section className={`attributes-section${open ? " open" : ""}`} data-testid="attributes-section">
      <button type="button" className="attr-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="attributes-toggle">
        <svg className={`attr-chevron${open ? " open" : ""}`} viewBox="0 0 10 10" aria-hidden="true">
          <path d="M3 1.5 L7 5 L3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {t("attributes.title")}
        {count > 0 && <span className="attr-count tabular">{count}</span>}
      </button>
      {open && <AttributesEditor key={`${target.kind}:${target.id}`} target={target} />}
    </section>
  );
}
