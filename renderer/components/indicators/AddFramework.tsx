import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addTemplateOps, TEMPLATES, templateFramework, type Framework, type Language } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { CustomFrameworks } from "./FrameworkEditor.js";
import { FrameworkPreview } from "./FrameworkPreview.js";

/**
 * A select of the built-in frameworks and "Add…", which previews how the framework will use the
 * researcher's codes before anything is written; frameworks already in the project are marked.
 */
export function AddFramework({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  const [pick, setPick] = useState<string>(() => TEMPLATES.find((f) => !state.frameworks[f.id])?.id ?? TEMPLATES[0]!.id);
  const [previewing, setPreviewing] = useState<Framework | null>(null);
  // What was added, kept as words to translate: the message follows a later switch of language.
  const [done, setDone] = useState<{ name: Framework["name"]; linked: number; count: number } | null>(null);
  const added = Boolean(state.frameworks[pick]);
  return (
    <section className="ind-section">
      <h3 className="ind-heading">{t("indicators.frameworks.title")}</h3>
      <form
        className="ind-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          setPreviewing(state.frameworks[pick] ?? templateFramework(pick) ?? null);
        }}
      >
        <select value={pick} onChange={(e) => setPick(e.target.value)} aria-label={t("indicators.frameworks.choose")} data-testid="framework-select">
          {TEMPLATES.map((f) => (
            <option key={f.id} value={f.id} data-added={state.frameworks[f.id] ? "true" : undefined}>
              {state.frameworks[f.id] ? t("indicators.frameworks.added", { name: f.name[language] }) : f.name[language]}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={added} data-testid="add-framework">
          {t("indicators.frameworks.add")}
        </button>
      </form>
      {done && (
        <p className="muted" role="status" data-testid="framework-added">
          {t("frameworkAdd.done", { name: done.name[language], linked: done.linked, count: done.count })}
        </p>
      )}
      <CustomFrameworks language={language} />
      {previewing && (
        <FrameworkPreview
          framework={previewing}
          language={language}
          build={(choices) => addTemplateOps(state, previewing.id, language, new Date().toISOString(), choices)}
          onCancel={() => setPreviewing(null)}
          onConfirm={(op, linked, created) => {
            setPreviewing(null);
            void applyOp(op).then((ok) => ok && setDone({ name: previewing.name, linked, count: created }));
          }}
        />
      )}
    </section>
  );
}
