import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTRIBUTE_TYPES, type AttributeDefinition, attributesFor, type AttributeType, type AttributeValue, type AttributeValueTarget, batch, isIsoDate, languageFromLocale, newAttributeId, parseNumberInput, SOURCE_TYPE_NAME, SOURCE_TYPES, sourceTypeAttribute, sourceTypeAttributeOps } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import "./attributes.css";


/** Splits "a, b,c" (or one per line) into distinct trimmed choices. */
export function splitChoices(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,\n;]/)) {
    const choice = raw.trim();
    if (choice && !seen.has(choice.toLocaleLowerCase())) {
      seen.add(choice.toLocaleLowerCase());
      out.push(choice);
    }
  }
  return out;
}

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

function AttributeField({ attribute, target, value }: { attribute: AttributeDefinition; target: AttributeValueTarget; value: AttributeValue | undefined }) {
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

function NewAttribute({ target }: { target: AttributeValueTarget }) {
  const { t, i18n } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  const [name, setName] = useState("");
  const [type, setType] = useState<AttributeType>("text");
  const [choicesText, setChoicesText] = useState("");
  const language = languageFromLocale(i18n.language);

  const trimmed = name.trim();
  const choices = splitChoices(choicesText);
  const duplicate = trimmed !== "" && attributesFor(state, target.kind).some((a) => a.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  const ready = trimmed !== "" && !duplicate && (type !== "choice" || choices.length > 0);
  const canAddSourceType = target.kind === "document" && !sourceTypeAttribute(state);

  async function add() {
    if (!ready) return;
    const attribute: AttributeDefinition = {
      id: newAttributeId(),
      name: trimmed,
      appliesTo: target.kind,
      type,
      ...(type === "choice" ? { choices } : {}),
      createdAt: new Date().toISOString(),
    };
    if (await applyOp({ type: "addAttribute", attribute })) {
      setName("");
      setChoicesText("");
    }
  }

  return (
    <div className="attr-new">
      <form
        className="attr-new-form"
        aria-label={t("attributes.new.title")}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          type="text"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("attributes.new.namePlaceholder")}
          aria-label={t("attributes.new.name")}
          data-testid="new-attribute-name"
        />
        <select value={type} onChange={(e) => setType(e.target.value as AttributeType)} aria-label={t("attributes.new.type")} data-testid="new-attribute-type">
          {ATTRIBUTE_TYPES.map((kind) => (
            <option key={kind} value={kind}>
              {t(`attributes.types.${kind}`)}
            </option>
          ))}
        </select>
        {type === "choice" && (
          <input
            type="text"
            className="attr-choices"
            value={choicesText}
            onChange={(e) => setChoicesText(e.target.value)}
            placeholder={t("attributes.new.choicesPlaceholder")}
            aria-label={t("attributes.new.choices")}
            data-testid="new-attribute-choices"
          />
        )}
        <button type="submit" disabled={!ready} data-testid="add-attribute">
          {t("attributes.new.add")}
        </button>
      </form>
      {duplicate && <p className="attr-hint attr-warning">{t("attributes.new.duplicate")}</p>}
      {canAddSourceType && (
        <button
          type="button"
          className="link-button attr-source-type"
          title={t("attributes.addSourceTypeHint", { name: SOURCE_TYPE_NAME[language], choices: SOURCE_TYPES.map((s) => s[language]).join(", ") })}
          onClick={() => {
            const ops = sourceTypeAttributeOps(state, language, new Date().toISOString());
            if (ops.length) void applyOp(batch(ops));
          }}
          data-testid="add-source-type"
        >
          {t("attributes.addSourceType")}
        </button>
      )}
    </div>
  );
}

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
