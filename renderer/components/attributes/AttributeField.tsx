import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AttributeDefinition, type AttributeValue, type AttributeValueTarget, isIsoDate, parseNumberInput } from "../../../shared/index.js";
import { Dialog } from "../codebook/Dialog.js";
import { useApplyOp } from "../codebook/useApplyOp.js";

export function AttributeField({ attribute, target, value }: { attribute: AttributeDefinition; target: AttributeValueTarget; value: AttributeValue | undefined }) {
  const { t } = useTranslation();
  const applyOp = useApplyOp();
  const stored = value === undefined ? "" : String(value);
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  // The draft follows the stored value when it changes elsewhere (undo, another view).
  useEffect(() => {
    setDraft(stored);
    setError(null);
  }, [stored]);

  const inputId = `attr-${target.kind}-${target.id}-${attribute.id}`;
  const save = (next: AttributeValue | null) => {
    if ((next === null ? "" : String(next)) === stored) return;
    void applyOp({ type: "setAttributeValue", target, attributeId: attribute.id, value: next });
  };

  /** Text and number fields: commit what was typed (on blur, on Enter). */
  const commit = () => {
    const text = draft.trim();
    if (attribute.type === "number") {
      if (text === "") return save(null);
      const number = parseNumberInput(text);
      if (!Number.isFinite(number)) {
        setError(t("errors.op.attributeNotNumber", { attribute: attribute.name, value: text }));
        return;
      }
      setError(null);
      setDraft(String(number));
      return save(number);
    }
    save(text === "" ? null : text);
  };

  // A field left while still being edited (the document or case closes) keeps what was typed.
  const pending = useRef(commit);
  pending.current = commit;
  const dirty = useRef(false);
  dirty.current = (attribute.type === "text" || attribute.type === "number") && draft !== stored;
  useEffect(
    () => () => {
      if (dirty.current) pending.current();
    },
    [],
  );

  const common = {
    id: inputId,
    "data-testid": "attribute-input",
    "data-attribute-id": attribute.id,
    "data-attribute-type": attribute.type,
    "aria-invalid": error ? true : undefined,
  } as const;

  let field;
  switch (attribute.type) {
    case "text":
    case "number":
      field = (
        <input
          {...common}
          type="text"
          inputMode={attribute.type === "number" ? "decimal" : undefined}
          placeholder={attribute.type === "number" ? t("attributes.numberHint") : undefined}
          value={draft}
          maxLength={5000}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              setDraft(stored);
              setError(null);
            }
          }}
        />
      );
      break;
    case "date":
      field = (
        <input
          {...common}
          type="date"
          value={draft}
          onChange={(e) => {
            const next = e.target.value;
            setDraft(next);
            if (next === "") save(null);
            else if (isIsoDate(next)) save(next);
          }}
        />
      );
      break;
    case "choice":
      field = (
        <select {...common} value={draft} onChange={(e) => save(e.target.value === "" ? null : e.target.value)}>
          <option value="">{t("attributes.notSet")}</option>
          {(attribute.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
          {/* A stored value no longer among the choices still shows as what it is. */}
          {draft !== "" && !(attribute.choices ?? []).includes(draft) && <option value={draft}>{draft}</option>}
        </select>
      );
      break;
  }

  return (
    <div className="attr-field" data-testid="attribute-field" data-attribute-id={attribute.id}>
      <label htmlFor={inputId} title={t("attributes.valueLabel", { name: attribute.name, type: t(`attributes.types.${attribute.type}`) })}>
        <span className="attr-name">{attribute.name}</span>
        {attribute.role === "sourceType" && <span className="attr-role">{t("attributes.sourceType")}</span>}
      </label>
      <div className="attr-input">
        {field}
        <button type="button" className="icon attr-remove" onClick={() => setRemoving(true)} title={t("attributes.remove", { name: attribute.name })} aria-label={t("attributes.remove", { name: attribute.name })} data-testid="remove-attribute">
          ×
        </button>
      </div>
      {removing && (
        <Dialog
          title={t("attributes.removeTitle", { name: attribute.name })}
          confirmLabel={t("attributes.removeConfirm")}
          tone="danger"
          initialFocus="[data-testid=confirm]"
          testId="remove-attribute-dialog"
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            dirty.current = false;
            void applyOp({ type: "removeAttribute", attributeId: attribute.id });
          }}
        >
          <p>{t(`attributes.removeBody.${attribute.appliesTo}`)}</p>
        </Dialog>
      )}
      {error && (
        <p className="attr-error" role="alert" data-testid="attribute-error">
          {error}
        </p>
      )}
    </div>
  );
}
