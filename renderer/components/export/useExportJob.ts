import { useCallback, useEffect, useRef, useState } from "react";
import { ExportRequest, toErrorPayload, type ExportRequestInput, type ExportStatus } from "../../../shared/index.js";
import { api } from "../../api/client.js";

/** How often a running job is asked after: often enough that the bar moves smoothly. */
export const POLL_MS = 150;

/** Nothing started yet, or waiting for the backend (and Electron's save dialog) to start the job. */
export type JobStatus = { state: "idle" } | { state: "starting" } | ExportStatus;

export interface ExportJob {
  status: JobStatus;
  /** Starts an export; resolves once it has started (or could not), not when it is done. */
  start(request: ExportRequestInput): Promise<void>;
  /** Asks the running job to stop; the status turns "cancelled" at the next poll. */
  cancel(): void;
  /** Forgets a finished job's result (a toast dismissed). */
  reset(): void;
}

/** Whether a job is under way (the dialog may not close then). */
export const isRunning = (status: JobStatus) => status.state === "starting" || status.state === "running";

/**
 * One export at a time, run as a backend job and asked after every POLL_MS until it is done,
 * failed or cancelled (asking works the same over IPC and the web server). Used by the export
 * dialog and for chart exports from the charts view.
 */
export function useExportJob(): ExportJob {
  const [status, setStatus] = useState<JobStatus>({ state: "idle" });
  const jobId = useRef<string | null>(null);
  // Bumped by each start and on unmount, so a superseded poll loop stops instead of overwriting.
  const generation = useRef(0);

  useEffect(
    () => () => {
      generation.current++;
    },
    [],
  );

  const start = useCallback(async (input: ExportRequestInput) => {
    const mine = ++generation.current;
    const current = () => generation.current === mine;
    jobId.current = null;
    setStatus({ state: "starting" });
    try {
      // Checked here so a malformed request from a view fails in the view, before any IPC.
      const request = ExportRequest.parse(input);
      const started = await api.exportStart({ request });
      if (!current()) return;
      // Electron's save dialog closed without a path: nothing happened.
      if (!started) return setStatus({ state: "idle" });
      jobId.current = started.jobId;
      setStatus({ state: "running", path: started.path, progress: null });
      void poll(started.jobId, started.path, current, setStatus);
    } catch (e) {
      if (current()) setStatus({ state: "failed", path: "", error: toErrorPayload(e) });
    }
  }, []);

  const cancel = useCallback(() => {
    const id = jobId.current;
    if (id) void api.exportCancel({ jobId: id }).catch(() => {}); // the poll reports the outcome either way
  }, []);

  const reset = useCallback(() => {
    if (!isRunning(status)) setStatus({ state: "idle" });
  }, [status]);

  return { status, start, cancel, reset };
}

async function poll(jobId: string, path: string, current: () => boolean, setStatus: (status: JobStatus) => void): Promise<void> {
  for (;;) {
    await new Promise((ok) => setTimeout(ok, POLL_MS));
    if (!current()) return;
    let status: ExportStatus;
    try {
      status = await api.exportStatus({ jobId });
    } catch (e) {
      if (current()) setStatus({ state: "failed", path, error: toErrorPayload(e) });
      return;
    }
    if (!current()) return;
    setStatus(status);
    if (status.state !== "running") return;
  }
}
