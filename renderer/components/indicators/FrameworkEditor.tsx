import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FRAMEWORK_KINDS, TandaiError, type Framework, type FrameworkKind, type Language } from "../../../shared/index.js";
import {
  emptyDraft,
  frameworkFileName,
  frameworkFromDraft,
  frameworkJson,
  importFrameworkOps,
  isFrameworkId,
  parseFrameworkFile,
  type FrameworkDraft,
  type FrameworkProblem,
} from "../../../shared/frameworks/settings.js";
import { useProject } from "../../state/context.js";
import { Dialog } from "../codebook/Dialog.js";
import { useApplyOp } from "../codebook/useApplyOp.js";
import { FrameworkPreview } from "./FrameworkPreview.js";

/**
 * Custom frameworks in the app: "New framework…" (a form validated by the shared `Framework`
 * schema), "Import framework…" (a .framework.json file), and the export each card offers. A framework
 * from either door is added like a template, after the same preview: the framework, the researcher's
 * codes named like its indicators linked, a code group with one new linked code for each other
 * indicator, in one undo step. Nothing is added from a file or form that is not valid as a whole.
 */
export function CustomFrameworks({ language }: { language: Language }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const applyOp = useApplyOp();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "done"; text: string } | null>(null);
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setMessage({ tone: "error", text: t("indicators.file.unreadable", { file: file.name, detail: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    const show = (problem: FrameworkProblem) => setMessage({ tone: "error", text: t(problem.key, problem.params) });
    const parsed = parseFrameworkFile(text, file.name);
    if (!parsed.ok) return show(parsed.problem);
    const ops = importFrameworkOps(state, parsed.value, language, new Date().toISOString(), file.name);
    if (!ops.ok) return show(ops.problem);
    const name = parsed.value.name[language];
    if (ops.value.length === 0) return setMessage({ tone: "done", text: t("indicators.frameworks.importedUnchanged", { name, file: file.name }) });
    // Nothing is written before the researcher has seen which of their codes each indicator takes.
    setPreviewing({ framework: parsed.value, source: file.name, done: () => setMessage({ tone: "done", text: t("indicators.frameworks.imported", { name, file: file.name }) }) });
  };

  return (
    <>
      <div className="custom-frameworks">
        <button type="button" onClick={() => setCreating(true)} data-testid="new-framework">
          {t("indicators.frameworks.newFramework")}
        </button>
        <button type="button" title={t("indicators.frameworks.importHint")} onClick={() => fileInput.current?.click()} data-testid="import-framework">
          {t("indicators.frameworks.importFile")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so choosing the same file again (after fixing it) is a change too.
            e.target.value = "";
            if (file) void importFile(file);
          }}
          data-testid="import-framework-input"
        />
      </div>
      {message && (
        <p className={`ind-message ${message.tone}`} role={message.tone === "error" ? "alert" : "status"} data-testid={message.tone === "error" ? "framework-import-error" : "framework-import-done"}>
          <span>{message.text}</span>
          <button type="button" className="icon" aria-label={t("app.close")} onClick={() => setMessage(null)}>
            ×
          </button>
        </p>
      )}
      {creating && (
        <FrameworkForm
          language={language}
          onDone={() => setCreating(false)}
          onReady={(framework, source) => {
            setCreating(false);
            setPreviewing({ framework, source, done: () => {} });
          }}
        />
      )}
      {previewing && (
        <FrameworkPreview
          framework={previewing.framework}
          language={language}
          build={(choices) => {
            const ops = importFrameworkOps(state, previewing.framework, language, new Date().toISOString(), previewing.source, choices);
            if (!ops.ok) throw new TandaiError(ops.problem.key, ops.problem.params);
            return ops.value;
          }}
          onCancel={() => setPreviewing(null)}
          onConfirm={(op) => {
            const { done } = previewing;
            setPreviewing(null);
            void applyOp(op).then((ok) => ok && done());
          }}
        />
      )}
    </>
  );
}

/** A custom framework checked and ready to add, waiting for the researcher to confirm its links. */
interface Previewing {
  framework: Framework;
  /** The file, or the form, it came from (named in a conflict). */
  source: string;
  done(): void;
}

/** Downloads a framework as `<id>.framework.json`: a Blob behind an <a download>, in Electron as in a browser. */
export function downloadFramework(framework: Framework): void {
  const url = URL.createObjectURL(new Blob([frameworkJson(framework)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = frameworkFileName(framework);
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Which form field a problem's zod path points at, to mark it invalid. */
const problemField = (problem: FrameworkProblem | null): string => String(problem?.params.field ?? "");

function FrameworkForm({ language, onDone, onReady }: { language: Language; onDone(): void; onReady(framework: Framework, source: string): void }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const [draft, setDraft] = useState<FrameworkDraft>(emptyDraft);
  const [problem, setProblem] = useState<FrameworkProblem | null>(null);
  const edit = (change: (d: FrameworkDraft) => void) =>
    setDraft((previous) => {
      const next = structuredClone(previous);
      change(next);
      return next;
    });
  const field = problemField(problem);
  const invalid = (name: string) => (field === name || field.startsWith(`${name}.`) ? true : undefined);
  const idBad = (draft.id.trim() !== "" && !isFrameworkId(draft.id.trim())) || invalid("id");
  const prefix = isFrameworkId(draft.id.trim()) ? draft.id.trim() : "id";

  const submit = async () => {
    const built = frameworkFromDraft(draft, state);
    if (!built.ok) return setProblem(built.problem);
    const source = t("indicators.form.title");
    const ops = importFrameworkOps(state, built.value, language, new Date().toISOString(), source);
    if (!ops.ok) return setProblem(ops.problem);
    if (ops.value.length === 0) return onDone();
    onReady(built.value, source);
  };

  return (
    <Dialog title={t("indicators.form.title")} confirmLabel={t("indicators.form.create")} testId="framework-form" onCancel={onDone} onConfirm={() => void submit()}>
      <div className="framework-form">
        <div className="form-grid">
          <label className="field field-id">
            <span>{t("indicators.form.id")}</span>
            <input type="text" value={draft.id} spellCheck={false} autoCapitalize="off" aria-invalid={idBad || undefined} onChange={(e) => edit((d) => (d.id = e.target.value))} data-testid="form-id" />
          </label>
          <label className="field field-kind">
            <span>{t("indicators.form.kind")}</span>
            <select value={draft.kind} onChange={(e) => edit((d) => (d.kind = e.target.value as FrameworkKind))} data-testid="form-kind">
              {FRAMEWORK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`frameworks.kind.${kind}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="field-hint">{t("indicators.form.idHint", { example: `${prefix}.economic` })}</p>
          <label className="field">
            <span>{t("indicators.form.nameEn")}</span>
            <input type="text" value={draft.name.en} lang="en" aria-invalid={invalid("name.en")} onChange={(e) => edit((d) => (d.name.en = e.target.value))} data-testid="form-name-en" />
          </label>
          <label className="field">
            <span>{t("indicators.form.nameId")}</span>
            <input type="text" value={draft.name.id} lang="id" aria-invalid={invalid("name.id")} onChange={(e) => edit((d) => (d.name.id = e.target.value))} data-testid="form-name-id" />
          </label>
        </div>

        <fieldset className="form-indicators">
          <legend>{t("indicators.form.indicators")}</legend>
          <div className="indicator-grid">
            <span className="col-head">{t("indicators.form.indicatorKey")}</span>
            <span className="col-head">{t("indicators.form.indicatorEn")}</span>
            <span className="col-head">{t("indicators.form.indicatorId")}</span>
            <span />
            {draft.indicators.map((row, index) => (
              <div className="indicator-form-row" key={index} data-testid="form-indicator">
                <span className="key-input">
                  <span className="key-prefix" aria-hidden="true">
                    {prefix}.
                  </span>
                  <input
                    type="text"
                    value={row.key}
                    spellCheck={false}
                    autoCapitalize="off"
                    aria-label={`${t("indicators.form.indicatorKey")} ${index + 1}`}
                    aria-invalid={invalid(`indicators[${index}].id`)}
                    onChange={(e) => edit((d) => (d.indicators[index]!.key = e.target.value))}
                    data-testid="form-indicator-key"
                  />
                </span>
                <input
                  type="text"
                  value={row.name.en}
                  lang="en"
                  aria-label={`${t("indicators.form.indicatorEn")} ${index + 1}`}
                  aria-invalid={invalid(`indicators[${index}].name.en`) ?? invalid(`indicators[${index}].name`)}
                  onChange={(e) => edit((d) => (d.indicators[index]!.name.en = e.target.value))}
                  data-testid="form-indicator-name-en"
                />
                <input
                  type="text"
                  value={row.name.id}
                  lang="id"
                  aria-label={`${t("indicators.form.indicatorId")} ${index + 1}`}
                  aria-invalid={invalid(`indicators[${index}].name.id`)}
                  onChange={(e) => edit((d) => (d.indicators[index]!.name.id = e.target.value))}
                  data-testid="form-indicator-name-id"
                />
                <button
                  type="button"
                  className="icon remove-row"
                  disabled={draft.indicators.length === 1}
                  aria-label={t("indicators.form.removeIndicator", { number: index + 1 })}
                  title={t("indicators.form.removeIndicator", { number: index + 1 })}
                  onClick={() => edit((d) => d.indicators.splice(index, 1))}
                  data-testid="remove-indicator"
                >
                  ×
                </button>
              </div>
            ))}
          </div>
          <button type="button" className="link-button add-row" onClick={() => edit((d) => d.indicators.push({ key: "", name: { en: "", id: "" } }))} data-testid="add-indicator">
            + {t("indicators.form.addIndicator")}
          </button>
        </fieldset>

        <fieldset className="form-thresholds">
          <legend>{t("indicators.form.thresholds")}</legend>
          <label className="field">
            <span>{t("indicators.thresholds.minCodings")}</span>
            <input
              type="number"
              min={1}
              max={10000}
              step={1}
              value={draft.thresholds.minCodings}
              aria-invalid={invalid("thresholds.minCodings")}
              onChange={(e) => edit((d) => (d.thresholds.minCodings = e.target.value))}
              data-testid="form-min-codings"
            />
          </label>
          <label className="field">
            <span>{t("indicators.thresholds.minDocuments")}</span>
            <input
              type="number"
              min={1}
              max={10000}
              step={1}
              value={draft.thresholds.minDocuments}
              aria-invalid={invalid("thresholds.minDocuments")}
              onChange={(e) => edit((d) => (d.thresholds.minDocuments = e.target.value))}
              data-testid="form-min-documents"
            />
          </label>
        </fieldset>

        {problem && (
          <p className="dialog-problem" role="alert" data-testid="framework-form-error">
            {t(problem.key, problem.params)}
          </p>
        )}
      </div>
    </Dialog>
  );
}
