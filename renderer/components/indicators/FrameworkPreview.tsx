import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  batch,
  codePathLabel,
  flattenCodebook,
  frameworkLinkPlan,
  type CodeId,
  type Framework,
  type Language,
  type LinkChoices,
  type Operation,
} from "../../../shared/index.js";
import { useApp } from "../../state/app.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";

/**
 * Before a framework is added: each indicator with the code it will take its evidence from — the
 * researcher's code named like it (preselected), any other unlinked code, or a new code — so
 * nothing is written until the user agrees. Confirming applies one batch: one undo step.
 */
export interface FrameworkPreviewProps {
  framework: Framework;
  language: Language;
  /** The operations that add the framework with these choices (a template's, or a custom framework's). */
  build(choices: LinkChoices): Operation[];
  onCancel(): void;
  /** The batch to apply, how many of the researcher's codes it links and how many codes it creates. */
  onConfirm(op: Operation, linked: number, created: number): void;
}

export function FrameworkPreview({ framework, language, build, onCancel, onConfirm }: FrameworkPreviewProps) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const { showError } = useApp();
  const plan = useMemo(() => frameworkLinkPlan(state, framework), [state, version, framework]);
  const [choices, setChoices] = useState<Record<string, CodeId | null>>(() => Object.fromEntries(plan.filter((r) => !r.linked.length).map((r) => [r.indicator.id, r.match])));
  // Codes free to take an indicator: not linked to one already (the researcher's links stay).
  const candidates = useMemo(
    () => flattenCodebook(state).flatMap(({ code }) => (code.indicatorId ? [] : [{ id: code.id, path: codePathLabel(state, code.id) }])),
    [state, version],
  );
  const taken = new Set(Object.values(choices).filter((id): id is CodeId => id !== null));
  const open = plan.filter((r) => !r.linked.length);
  const linked = open.filter((r) => choices[r.indicator.id]).length;
  const created = open.length - linked;

  return (
    <Dialog
      title={t("frameworkAdd.title", { name: framework.name[language] })}
      confirmLabel={t("frameworkAdd.confirm")}
      initialFocus="select"
      testId="framework-preview"
      onCancel={onCancel}
      onConfirm={() => {
        let ops: Operation[];
        try {
          ops = build(choices);
        } catch (error) {
          // The project changed under the dialog (a code removed, a framework added elsewhere).
          return showError(error);
        }
        onConfirm(batch(ops), linked, ops.filter((o) => o.type === "addCode").length);
      }}
    >
      <p className="dialog-text">{t("frameworkAdd.intro")}</p>
      <table className="preview-table">
        <thead>
          <tr>
            <th scope="col">{t("frameworkAdd.indicator")}</th>
            <th scope="col">{t("frameworkAdd.code")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.map((row) => (
            <tr key={row.indicator.id} data-testid="preview-row" data-indicator-id={row.indicator.id}>
              <th scope="row">{row.indicator.name[language]}</th>
              <td>
                {row.linked.length ? (
                  <span className="muted">{t("frameworkAdd.alreadyLinked", { codes: row.linked.map((id) => codePathLabel(state, id)).join(", ") })}</span>
                ) : (
                  <select
                    value={choices[row.indicator.id] ?? ""}
                    aria-label={row.indicator.name[language]}
                    data-testid="preview-choice"
                    className={choices[row.indicator.id] ? "links" : "creates"}
                    onChange={(e) => setChoices({ ...choices, [row.indicator.id]: (e.target.value || null) as CodeId | null })}
                  >
                    <option value="">{t("frameworkAdd.create", { name: row.indicator.name[language] })}</option>
                    {candidates.map((c) => (
                      <option key={c.id} value={c.id} disabled={taken.has(c.id) && choices[row.indicator.id] !== c.id}>
                        {t("frameworkAdd.link", { code: c.path })}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="preview-summary">
        {t("frameworkAdd.summary", { linked, count: created })}
      </p>
    </Dialog>
  );
}
