export { ExportDialog } from "./ExportDialog.js";
export { ExportProgress, ExportToast, formatSize } from "./ExportProgress.js";
export { isRunning, useExportJob, type ExportJob, type JobStatus } from "./useExportJob.js";
