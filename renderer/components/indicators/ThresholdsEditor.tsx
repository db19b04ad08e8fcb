import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Framework, Thresholds } from "../../../shared/index.js";
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
    <fieldset className="thresholds-editor" data-testid="thresholds-editor" title={t("indicators.dashboard.thresholds", { codings: framework.thresholds.minCodings, documents: framework.thresholds.minDocuments })}>
      <legend>{t("indicators.thresholds.title")}</legend>
      <ThresholdInput label={t("indicators.thresholds.minCodingsShort")} hint={t("indicators.thresholds.minCodings")} value={framework.thresholds.minCodings} testId="min-codings" onCommit={(minCodings) => commit({ minCodings })} />
      <ThresholdInput label={t("indicators.thresholds.minDocumentsShort")} hint={t("indicators.thresholds.minDocuments")} value={framework.thresholds.minDocuments} testId="min-documents" onCommit={(minDocuments) => commit({ minDocuments })} />
    </fieldset>
  );
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
