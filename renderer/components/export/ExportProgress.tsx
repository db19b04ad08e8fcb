import { useTranslation } from "react-i18next";
import type { ExportProgress as Progress } from "../../../shared/index.js";
import { exportDownloadUrl } from "../../api/webClient.js";
import { useApp } from "../../state/app.js";
import type { JobStatus } from "./useExportJob.js";
import "./export.css";

/** A file size the way a file manager shows it, with the interface language's decimal mark. */
export function formatSize(bytes: number, language: string): string {
  const number = (n: number) => n.toLocaleString(language, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / 1024 / 1024)} MB`;
}

export interface ExportProgressProps {
  status: JobStatus;
  onCancel(): void;
  /** Shown as a close button once the job has ended (the standalone toast); the dialog has its own. */
  onDismiss?: () => void;
}

/**
 * Where an export stands: a bar with the phase while it runs (and a Cancel button), then where the
 * file was saved, the translated error, or that nothing was written. Shown in the export dialog and
 * on its own as a toast for chart exports.
 */
export function ExportProgress({ status, onCancel, onDismiss }: ExportProgressProps) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  if (status.state === "idle") return null;
  const ended = status.state !== "starting" && status.state !== "running";
  return (
    <div className="export-progress" data-testid="export-progress" data-state={status.state} role={status.state === "failed" ? "alert" : "status"}>
      {(status.state === "starting" || status.state === "running") && (
        <>
          <div className="export-phase" data-testid="export-phase">
            {status.state === "running" && status.progress ? phaseText(t, status.progress) : t("app.export.starting")}
          </div>
          <div className="export-bar-row">
            <Bar progress={status.state === "running" ? status.progress : null} />
            <button type="button" onClick={onCancel} disabled={status.state === "starting"} data-testid="export-cancel">
              {t("app.export.cancel")}
            </button>
          </div>
        </>
      )}
      {status.state === "done" && (
        <p className="export-result" data-testid="export-result" data-path={status.path}>
          {t("app.export.saved", { path: status.path, size: formatSize(status.bytes, i18n.language) })}
        </p>
      )}
      {status.state === "done" && app.info?.transport === "web" && <DownloadLink path={status.path} />}
      {status.state === "failed" && (
        <p className="export-result error" data-testid="export-result" data-error-code={status.error.code}>
          {t(status.error.code, status.error.params)}
        </p>
      )}
      {status.state === "cancelled" && (
        <p className="export-result" data-testid="export-result">
          {t("app.export.cancelled")}
        </p>
      )}
      {ended && onDismiss && (
        <button type="button" className="icon export-dismiss" onClick={onDismiss} aria-label={t("app.export.dismiss")} data-testid="export-dismiss">
          ×
        </button>
      )}
    </div>
  );
}

/**
 * In the browser the file was saved on the machine serving Tandai, in the project's exports folder,
 * which the browser cannot open: the web server hands it out by name from that folder.
 */
function DownloadLink({ path }: { path: string }) {
  const { t } = useTranslation();
  const file = path.split(/[\\/]/).pop() ?? path;
  return (
    <a className="export-download" href={exportDownloadUrl(file)} download={file} data-testid="export-download">
      {t("export.download", { file })}
    </a>
  );
}

function phaseText(t: (key: string, params?: Record<string, unknown>) => string, progress: Progress): string {
  return t(`app.export.phase.${progress.phase}`, { done: progress.done, total: progress.total });
}

/** Reading is most of the work (a document per step), so the bar weights it so; unknown: indeterminate. */
function Bar({ progress }: { progress: Progress | null }) {
  if (!progress) return <progress className="export-bar" data-testid="export-bar" />;
  const within = progress.total > 0 ? progress.done / progress.total : 0;
  const [from, span] = progress.phase === "reading" ? [0, 0.8] : progress.phase === "building" ? [0.8, 0.15] : [0.95, 0.05];
  return <progress className="export-bar" data-testid="export-bar" max={100} value={Math.round((from + span * within) * 100)} />;
}

/** ExportProgress on its own in a corner, for exports started outside the dialog (charts). */
export function ExportToast({ status, onCancel, onDismiss }: ExportProgressProps & { onDismiss(): void }) {
  if (status.state === "idle") return null;
  return (
    <div className="export-toast" data-testid="export-toast">
      <ExportProgress status={status} onCancel={onCancel} onDismiss={onDismiss} />
    </div>
  );
}
