import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ATTRIBUTE_TYPES, type AttributeDefinition, attributesFor, type AttributeType, type AttributeValueTarget, batch, languageFromLocale, newAttributeId, SOURCE_TYPE_NAME, SOURCE_TYPES, sourceTypeAttribute, sourceTypeAttributeOps } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { useApplyOp } from "../codebook/useApplyOp.js";

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

export function NewAttribute({ target }: { target: AttributeValueTarget }) {
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
