import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportFile, ImportOutcome } from "../../shared/index.js";

/**
 * Encodings offered for "import again with this encoding": what Windows, macOS and Linux editors
 * save text as across the languages Tandai's writers quote (WHATWG TextDecoder labels; the names
 * are the encodings' own, the same in every language).
 */
const ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "windows-1250", "windows-1251", "iso-8859-2", "koi8-r", "euc-kr", "gb18030", "big5", "shift_jis", "euc-jp"];

/** Errors after which reading the text in another encoding may help. */
const ENCODING_ERRORS = new Set(["import.errors.notText", "import.errors.badEncoding", "import.errors.unknownEncoding"]);

/** One line of the report: what happened to a file, and the file itself when it can be sent again. */
export interface ReportEntry {
  outcome: ImportOutcome;
  file: ImportFile | null;
  skipped?: boolean;
}

interface Props {
  entries: ReportEntry[];
  busy: boolean;
  /** Sends the entry's file again with these changes (another encoding, a duplicate allowed). */
  onRetry(index: number, changes: Partial<ImportFile>): void;
  onSkip(index: number): void;
  onClose(): void;
}

const isText = (name: string) => /\.(txt|md)$/i.test(name);

/**
 * What an import did, file by file. A duplicate asks "import anyway / skip"; a text file read in
 * an assumed encoding (or refused as not text) offers the encodings to read it in again, which
 * replaces the earlier import in the same undo step.
 */
export function ImportReport({ entries, busy, onRetry, onSkip, onClose }: Props) {
  const { t } = useTranslation();
  const ok = entries.filter((e) => e.outcome.ok).length;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog" role="dialog" aria-labelledby="import-title" aria-busy={busy || undefined} data-testid="import-report">
        <h2 id="import-title">{ok === entries.length ? t("app.import.allDone", { count: ok }) : t("app.import.someFailed", { ok, count: entries.length })}</h2>
        <ul className="import-outcomes">
          {entries.map((entry, i) => (
            <OutcomeLine key={i} entry={entry} busy={busy} onRetry={(changes) => onRetry(i, changes)} onSkip={() => onSkip(i)} />
          ))}
        </ul>
        <div className="actions">
          <button className="primary" onClick={onClose} autoFocus data-testid="confirm">
            {t("app.ok")}
          </button>
        </div>
      </div>
    </div>
  );
}

function OutcomeLine({ entry, busy, onRetry, onSkip }: { entry: ReportEntry; busy: boolean; onRetry(changes: Partial<ImportFile>): void; onSkip(): void }) {
  const { t } = useTranslation();
  const { outcome, file, skipped } = entry;
  const duplicate = !outcome.ok && outcome.error.code === "import.errors.duplicate";
  // Offered where the encoding may be wrong: assumed, repaired, a legacy one detected, or none fitted.
  const doubtful = outcome.ok ? Boolean(outcome.notices?.length) || !/^utf-/.test(outcome.encoding ?? "utf-8") : ENCODING_ERRORS.has(outcome.error.code);
  const canReencode = file !== null && isText(outcome.file) && doubtful;
  return (
    <li className={outcome.ok ? "ok" : "failed"} data-testid={outcome.ok ? "import-ok" : "import-failed"}>
      <strong>{outcome.file}</strong>
      <span>{outcome.ok ? t("app.import.imported", { title: outcome.title }) : t(outcome.error.code, outcome.error.params)}</span>
      {outcome.ok && outcome.notices?.map((notice, i) => (
        <span key={i} data-testid="import-notice">
          {t(notice.code, notice.params)}
        </span>
      ))}
      {skipped && <span data-testid="import-skipped">{t("import.report.skipped")}</span>}
      {duplicate && file && !skipped && (
        <div className="actions">
          <button disabled={busy} onClick={onSkip} data-testid="import-skip">
            {t("import.report.skip")}
          </button>
          <button className="primary" disabled={busy} onClick={() => onRetry({ allowDuplicate: true })} data-testid="import-anyway">
            {t("import.report.importAnyway")}
          </button>
        </div>
      )}
      {canReencode && (
        <EncodingChoice
          // A refused file was read in no encoding yet: any choice, the one shown too, is worth a try.
          current={outcome.ok ? (outcome.encoding ?? "utf-8") : null}
          busy={busy}
          onChoose={(encoding) => onRetry({ encoding, ...(outcome.ok ? { replaces: outcome.documentId } : {}) })}
        />
      )}
    </li>
  );
}

/** The encodings to read a file in again; `current` is the one it was read in (null: refused). */
function EncodingChoice({ current, busy, onChoose }: { current: string | null; busy: boolean; onChoose(encoding: string): void }) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState(current ?? "windows-1252");
  const options = current === null || ENCODINGS.includes(current) ? ENCODINGS : [current, ...ENCODINGS];
  return (
    <div className="actions">
      <label>
        {t("import.report.encoding")}{" "}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value)} data-testid="import-encoding">
          {options.map((name) => (
            <option key={name} value={name}>
              {name.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <button disabled={busy || encoding === current} onClick={() => onChoose(encoding)} data-testid="import-again">
        {t("import.report.importAgain")}
      </button>
    </div>
  );
}
