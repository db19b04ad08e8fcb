import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { countWords, sourceTypeAttribute, sourceTypeMatcher, type AttributeDefinition, type Framework, type Thresholds } from "../../../shared/index.js";
import { parseThreshold, thresholdsOps } from "../../../shared/frameworks/settings.js";
import { useProject } from "../../state/context.js";
import { useApplyOp } from "../codebook/useApplyOp.js";

/**
 * A framework's thresholds in its dashboard card: the minimum supporting codings and distinct
 * documents an indicator needs to be met. A valid number is applied as it is typed (`setThresholds`,
 * one undo step each), so the statuses above change at once; an invalid one is marked and not sent.
 */
export function ThresholdsEditor({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  const commit = (change: Partial<Thresholds>) => {
    const current = state.frameworks[framework.id]?.thresholds ?? framework.thresholds;
    const ops = thresholdsOps(state, framework.id, { ...current, ...change });
    if (ops.length) void applyOp(ops[0]!);
  };
  return (
    <fieldset className="thresholds-editor" data-testid="thresholds-editor" title={t("indicators.dashboard.thresholds", countWords(t, { supportingCodings: framework.thresholds.minCodings, documents: framework.thresholds.minDocuments }))}>
      <legend>{t("indicators.thresholds.title")}</legend>
      <ThresholdInput label={t("indicators.thresholds.minCodingsShort")} hint={t("indicators.thresholds.minCodings")} value={framework.thresholds.minCodings} testId="min-codings" onCommit={(minCodings) => commit({ minCodings })} />
      <ThresholdInput label={t("indicators.thresholds.minDocumentsShort")} hint={t("indicators.thresholds.minDocuments")} value={framework.thresholds.minDocuments} testId="min-documents" onCommit={(minDocuments) => commit({ minDocuments })} />
      <SourceTypes framework={framework} />
    </fieldset>
  );
}

/**
 * Triangulation: which source types (the choices of the project's source-type attribute) the
 * framework counts; none ticked counts every document. Each tick sends `setFrameworkSourceTypes`
 * (one undo step). A type the framework names that is not a choice of the attribute (a framework
 * imported from elsewhere) is shown ticked too, so it can be seen and unticked. Without the
 * attribute, a hint says how to add it.
 */
function SourceTypes({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  const attribute = sourceTypeAttribute(state);
  if (!attribute) {
    return (
      <p className="source-types-hint muted" data-testid="source-types-hint">
        {t("indicators.sourceTypes.hint", { button: t("attributes.addSourceType") })}
      </p>
    );
  }
  const options = sourceTypeOptions(attribute, framework.sourceTypes ?? []);
  const toggle = (value: string) => {
    const next = options.filter((o) => (o.value === value ? !o.checked : o.checked)).map((o) => o.value);
    void applyOp({ type: "setFrameworkSourceTypes", frameworkId: framework.id, sourceTypes: next });
  };
  const none = !options.some((o) => o.checked);
  return (
    <span className="source-types" role="group" aria-label={t("indicators.sourceTypes.title")} title={t("indicators.sourceTypes.hintAll")}>
      <span className="source-types-label">{t("indicators.sourceTypes.title")}</span>
      {options.map((o) => (
        <label key={o.value} className="source-type-option" title={o.extra ? t("indicators.sourceTypes.notAChoice", { attribute: attribute.name }) : undefined}>
          <input type="checkbox" checked={o.checked} onChange={() => toggle(o.value)} data-testid="source-type-option" data-source-type={o.value} />
          {o.value}
        </label>
      ))}
      {none && <span className="source-types-all muted" data-testid="source-types-all">{t("indicators.sourceTypes.all")}</span>}
    </span>
  );
}

/** The attribute's choices (ticked when the framework names them, in either language), then the framework's other types. */
function sourceTypeOptions(attribute: AttributeDefinition, sourceTypes: readonly string[]): { value: string; checked: boolean; extra: boolean }[] {
  const chosen = sourceTypeMatcher(sourceTypes);
  const choices = attribute.choices ?? [];
  const options = choices.map((value) => ({ value, checked: chosen(value), extra: false }));
  const isChoice = sourceTypeMatcher(choices);
  const extras = [...new Set(sourceTypes)].filter((s) => !isChoice(s));
  return [...options, ...extras.map((value) => ({ value, checked: true, extra: true }))];
}

function ThresholdInput({ label, hint, value, testId, onCommit }: { label: string; hint: string; value: number; testId: string; onCommit(value: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  // Undo, redo or another window changed it: show what the project holds.
  useEffect(() => setText(String(value)), [value]);
  const valid = parseThreshold(text) !== null;
  return (
    <span className="threshold">
      <label htmlFor={id} title={hint}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={10000}
        step={1}
        value={text}
        aria-invalid={valid ? undefined : true}
        title={valid ? hint : t("indicators.thresholds.invalid")}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseThreshold(e.target.value);
          if (parsed !== null && parsed !== value) onCommit(parsed);
        }}
        onBlur={() => !valid && setText(String(value))}
        data-testid={testId}
      />
    </span>
  );
}
