import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { attributesFor, type AttributeValueTarget } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { AttributeField } from "./AttributeField.js";
import { NewAttribute } from "./NewAttribute.js";
import "./attributes.css";

/**
 * The attributes of one document or case: a field per attribute that applies to it, by type (text,
 * number, date, choice), each saved with setAttributeValue when it changes (select, date) or on blur
 * and Enter (text, number); then a form for a new attribute and, for documents, the source type.
 */
export function AttributesEditor({ target }: { target: AttributeValueTarget }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const attributes = useMemo(() => attributesFor(state, target.kind), [state, version, target.kind]);
  const holder = target.kind === "document" ? state.documents[target.id] : state.cases[target.id];
  if (!holder) return null;
  const values = holder.attributes ?? {};

  return (
    <div className="attributes-editor" data-testid="attributes-editor" data-target-kind={target.kind}>
      <p className="attr-hint">{t(`attributes.hint.${target.kind}`)}</p>
      {attributes.length === 0 ? (
        <p className="attr-hint attr-none" data-testid="attributes-empty">{t(`attributes.none.${target.kind}`)}</p>
      ) : (
        <div className="attr-fields">
          {attributes.map((attribute) => (
            <AttributeField key={attribute.id} attribute={attribute} target={target} value={values[attribute.id]} />
          ))}
        </div>
      )}
      <NewAttribute target={target} />
    </div>
  );
}
