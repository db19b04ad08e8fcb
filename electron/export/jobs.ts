import { randomUUID } from "node:crypto";
import { toErrorPayload, TandaiError, type ExportControl, type ExportProgress, type ExportStarted, type ExportStatus } from "../../shared/index.js";

interface Job {
  controller: AbortController;
  status: ExportStatus;
}

/** How many finished jobs are remembered for a late status question. */
const KEEP = 20;

/**
 * Exports run as jobs, so a long one shows progress and can be cancelled: the renderer starts one,
 * then asks after it until it is done, failed or cancelled. Asking (rather than being told) works
 * the same over Electron's IPC and the local web server. Writers write to a temp file and rename
 * it into place, so a cancelled or failed job leaves nothing behind.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  start(path: string, work: (control: ExportControl & { signal: AbortSignal }) => Promise<number>): ExportStarted {
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job = { controller, status: { state: "running", path, progress: null } };
    this.jobs.set(jobId, job);
    this.forgetOld();
    const control = {
      signal: controller.signal,
      onProgress: (progress: ExportProgress) => {
        if (job.status.state === "running") job.status = { state: "running", path, progress };
      },
    };
    work(control).then(
      // A cancel that came after the file was complete is too late: say it was saved.
      (bytes) => {
        job.status = { state: "done", path, bytes };
      },
      (error: unknown) => {
        const cancelled = controller.signal.aborted || (error instanceof TandaiError && error.code === "export.errors.cancelled");
        job.status = cancelled ? { state: "cancelled", path } : { state: "failed", path, error: toErrorPayload(error) };
      },
    );
    return { jobId, path };
  }

  /** The paths running jobs will write, so a new export is not given one of them. */
  targets(): Set<string> {
    return new Set([...this.jobs.values()].filter((j) => j.status.state === "running").map((j) => j.status.path));
  }

  status(jobId: string): ExportStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new TandaiError("export.errors.unknownJob", { id: jobId });
    return job.status;
  }

  /** Asks the job to stop; it does at its next unit of work and removes what it had begun to write. */
  cancel(jobId: string): ExportStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new TandaiError("export.errors.unknownJob", { id: jobId });
    if (job.status.state === "running") job.controller.abort();
    return job.status;
  }

  /** Resolves once no job is running (tests, and closing the app). */
  async settled(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.status.state === "running")) await new Promise((ok) => setTimeout(ok, 10));
  }

  private forgetOld(): void {
    const finished = [...this.jobs].filter(([, job]) => job.status.state !== "running");
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP))) this.jobs.delete(id);
  }
}
