import type { Backend } from "../../../electron/backend/backend.js";
import type { ExportStatus } from "../../../shared/index.js";

/** Asks after an export job the way the dialog does until it has ended. */
export async function finished(api: Backend, jobId: string): Promise<ExportStatus> {
  for (;;) {
    const status = await api.exportStatus({ jobId });
    if (status.state !== "running") return status;
    await new Promise((ok) => setTimeout(ok, 10));
  }
}
