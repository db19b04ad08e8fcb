import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AGREEMENT_FORMATS, childrenOf, codersOf, type Language, languageFromLocale, LANGUAGES, REPORT_FORMATS, TABLE_FORMATS, TABLES } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Modal } from "../Modal.js";
import { CodingsProgress } from "../loading/index.js";
import { GroupScopePicker } from "../documents/GroupScopePicker.js";
import { AgreementOptions } from "./AgreementOptions.js";
import { CheckList } from "./CheckList.js";
import { ExportProgress } from "./ExportProgress.js";
import { defaultOptions, nothingChosen, toAgreementRequest, toRequest, type AgreementFormat, type Choices, type ExportOptions, type ReportFormat, type TableFormat } from "./exportOptions.js";
import { isRunning, useExportJob } from "./useExportJob.js";
import { RefiExport } from "../refi/RefiExport.js";
import "./export.css";


/**
 * Export the project, or chosen cases, frameworks and codes of it: a coded summary report (Word,
 * Markdown, HTML, PDF) in either language, the codings as a spreadsheet, or the intercoder agreement
 * report (a document or its table, with the Agreement tab's choices). The export runs as a
 * backend job; while it does, the dialog shows its progress and will not close (Cancel stops it).
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = languageFromLocale(i18n.language);
  const { state, version, loading } = useProject();
  const job = useExportJob();
  const busy = isRunning(job.status);

  const lists = useMemo(() => {
    const cases = Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ id: c.id, label: c.name }));
    const frameworks = Object.values(state.frameworks).map((f) => ({ id: f.id, label: f.name[uiLanguage] }));
    const codes = childrenOf(state, null).map((c) => ({ id: c.id, label: c.name }));
    return { cases, frameworks, codes };
  }, [state, uiLanguage]);
  const all: Choices = useMemo(() => ({ caseIds: lists.cases.map((c) => c.id), frameworkIds: lists.frameworks.map((f) => f.id), codeIds: lists.codes.map((c) => c.id) }), [lists]);
  // The state is the mirror's, changed in place: `version` says when.
  // The coders are known once every coding is loaded (issue 13's two-step open); then all are chosen, as when the dialog opens.
  const coders = useMemo(() => (loading ? [] : codersOf(state)), [state, version, loading]);
  const [options, setOptions] = useState<ExportOptions>(() => defaultOptions(uiLanguage, all, coders));
  const waitedForCoders = useRef(loading !== null);
  useEffect(() => {
    if (loading || !waitedForCoders.current) return;
    waitedForCoders.current = false;
    setOptions((before) => ({ ...before, agreement: { ...before.agreement, coders } }));
  }, [loading, coders]);
  const set = (patch: Partial<ExportOptions>) => {
    setOptions((before) => ({ ...before, ...patch }));
    // A changed choice is a new export: the last one's "saved to" no longer describes it.
    job.reset();
  };
  const invalid = nothingChosen(options, all) || (options.kind === "agreement" && loading !== null);

  const close = () => {
    if (!busy) onClose();
  };
  const report = options.kind === "report";
  const agreement = options.kind === "agreement";
  const formats: readonly string[] = report ? REPORT_FORMATS : agreement ? AGREEMENT_FORMATS : TABLE_FORMATS;
  const format = report ? options.reportFormat : agreement ? options.agreementFormat : options.tableFormat;
  const setFormat = (f: string) => set(report ? { reportFormat: f as ReportFormat } : agreement ? { agreementFormat: f as AgreementFormat } : { tableFormat: f as TableFormat });
  return (
    <Modal
      title={t("app.export.title")}
      className="export-dialog"
      testId="export-dialog"
      busy={busy}
      onSubmit={() => !busy && !invalid && void job.start(agreement ? toAgreementRequest(options) : toRequest(options, all))}
      onClose={close}
    >
      <fieldset className="export-options" disabled={busy}>
        <div className="export-kinds" role="radiogroup" aria-label={t("app.export.what")}>
          {(["report", "table", "agreement"] as const).map((kind) => (
            <label key={kind} className="checkbox">
              <input type="radio" name="export-kind" checked={options.kind === kind} onChange={() => set({ kind })} data-testid={`export-kind-${kind}`} />
              {t(kind === "agreement" ? "agreement.exportDialog.kind" : `app.export.kinds.${kind}`)}
            </label>
          ))}
        </div>
        <div className="export-row">
          <Field label={t("app.export.format")} htmlFor="export-format">
            <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value)} data-testid="export-format">
              {formats.map((f) => (
                <option key={f} value={f}>{t(`app.export.formats.${f}`)}</option>
              ))}
            </select>
          </Field>
          <Field label={t(options.kind === "table" ? "app.export.tableLanguage" : "app.export.language")} htmlFor="export-language">
            <select id="export-language" value={options.language} onChange={(e) => set({ language: e.target.value as Language })} data-testid="export-language">
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>{t(`app.language.${l}`)}</option>
              ))}
            </select>
          </Field>
        </div>
        {options.kind === "table" && options.tableFormat === "csv" && (
          <Field label={t("app.export.table")} htmlFor="export-table" hint={t("app.export.tableHint")}>
            <select id="export-table" value={options.table} onChange={(e) => set({ table: e.target.value as ExportOptions["table"] })} data-testid="export-table">
              {TABLES.map((name) => (
                <option key={name} value={name}>{t(`app.export.tables.${name}`)}</option>
              ))}
            </select>
          </Field>
        )}
        {agreement ? (
          <>
            <p className="muted export-hint">{t("agreement.exportDialog.formatHint")}</p>
            {loading ? <CodingsProgress loading={loading} /> : <AgreementOptions state={state} coders={coders} value={options.agreement} onChange={(value) => set({ agreement: value })} />}
          </>
        ) : (
          <>
            <CheckList legend={t("app.export.cases")} items={lists.cases} checked={options.caseIds} onChange={(caseIds) => set({ caseIds })} testId="export-case" />
            <CheckList legend={t("app.export.frameworks")} items={lists.frameworks} checked={options.frameworkIds} onChange={(frameworkIds) => set({ frameworkIds })} testId="export-framework" />
            <CheckList legend={t("app.export.codes")} hint={t("app.export.codesHint")} items={lists.codes} checked={options.codeIds} onChange={(codeIds) => set({ codeIds })} testId="export-code" />
            <GroupScopePicker value={options.documentGroupId ?? null} onChange={(documentGroupId) => set({ documentGroupId })} testId="export-group" />
            {report ? <ReportIncludes options={options} set={set} /> : <Presence options={options} set={set} />}
          </>
        )}
      </fieldset>
      <RefiExport disabled={busy} />
      <ExportProgress status={job.status} onCancel={job.cancel} />
      <div className="actions">
        <button type="button" onClick={close} disabled={busy} title={busy ? t("app.export.busy") : undefined} data-testid="export-close">
          {t("app.export.close")}
        </button>
        <button type="submit" className="primary" disabled={busy || invalid} data-testid="export-start">
          {t("app.export.start")}
        </button>
      </div>
    </Modal>
  );
}

function Field({ label, htmlFor, hint, children }: { label: string; htmlFor: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <span className="muted">{hint}</span>}
    </div>
  );
}

type Setter = (patch: Partial<ExportOptions>) => void;

/** A report's optional parts, and how many quotes each indicator (or code and stance) shows. */
function ReportIncludes({ options, set }: { options: ExportOptions; set: Setter }) {
  const { t } = useTranslation();
  const limited = options.quotesPerItem !== null;
  return (
    <>
      <fieldset className="export-checklist">
        <legend>{t("app.export.include")}</legend>
        <div className="export-checks">
          {(["codebook", "memos", "charts"] as const).map((part) => (
            <label key={part} className="checkbox">
              <input type="checkbox" checked={options[part]} onChange={(e) => set({ [part]: e.target.checked })} data-testid={`export-include-${part}`} />
              {t(`app.export.${part}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="export-checklist">
        <legend>{t("app.export.quotes")}</legend>
        <div className="export-checks">
          <label className="checkbox">
            <input type="radio" name="export-quotes" checked={!limited} onChange={() => set({ quotesPerItem: null })} data-testid="export-quotes-all" />
            {t("app.export.quotesAll")}
          </label>
          <label className="checkbox">
            <input type="radio" name="export-quotes" checked={limited} onChange={() => set({ quotesPerItem: 3 })} data-testid="export-quotes-limit" />
            {t("app.export.quotesAtMost")}
          </label>
          <input
            type="number"
            className="export-quotes-number"
            min={1}
            max={1000}
            aria-label={t("app.export.quotesAtMost")}
            disabled={!limited}
            value={options.quotesPerItem ?? 3}
            onChange={(e) => set({ quotesPerItem: Math.max(1, Math.min(1000, Math.floor(Number(e.target.value)) || 1)) })}
            data-testid="export-quotes"
          />
        </div>
      </fieldset>
    </>
  );
}

/** What a spreadsheet's code × document and code × case matrices hold. */
function Presence({ options, set }: { options: ExportOptions; set: Setter }) {
  const { t } = useTranslation();
  return (
    <fieldset className="export-checklist">
      <legend>{t("app.export.matrices")}</legend>
      <div className="export-checks">
        {([false, true] as const).map((presence) => (
          <label key={String(presence)} className="checkbox">
            <input type="radio" name="export-presence" checked={options.presence === presence} onChange={() => set({ presence })} data-testid={`export-${presence ? "presence" : "counts"}`} />
            {t(presence ? "app.export.presence" : "app.export.counts")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
