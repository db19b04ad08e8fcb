import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { channels, childrenOf, TandaiError, type ExportControl, type ExportRequest, type ExportRequestInput } from "../../shared/index.js";
import { ExportJobs } from "../../electron/export/jobs.js";
import { ExportToast, useExportJob } from "../../renderer/components/export/index.js";
import { TopBar } from "../../renderer/components/TopBar.js";
import { exportFixture } from "../shared/exportFixture.js";
import { $, $$, choose, click, press, render, type as typeInto, type Rendered } from "./harness.js";

/**
 * The backend's export channels with the real job runner (ExportJobs: ids, status, cancel by abort)
 * and the contract's argument check; only the work a job does is scripted here, so a test decides
 * when progress arrives and when the file is "written".
 */
const backend = vi.hoisted(() => ({
  jobs: null as unknown,
  requests: [] as unknown[],
  cancelled: [] as string[],
  startError: null as unknown,
  work: null as unknown,
}));
vi.mock("../../renderer/api/client.js", () => ({
  api: {
    exportStart: async (args: unknown) => {
      const { request } = channels.exportStart.args.parse(args);
      backend.requests.push(request);
      if (backend.startError) throw backend.startError;
      const ext = request.format;
      return (backend.jobs as ExportJobs).start(`/tmp/skripsi/exports/Skripsi – coded summary.${ext}`, backend.work as (c: ExportControl) => Promise<number>);
    },
    exportStatus: async ({ jobId }: { jobId: string }) => (backend.jobs as ExportJobs).status(jobId),
    exportCancel: async ({ jobId }: { jobId: string }) => {
      backend.cancelled.push(jobId);
      return (backend.jobs as ExportJobs).cancel(jobId);
    },
  },
}));

/** A job's work under the test's control; cancelling stops it the way checkCancelled does. */
function scriptedWork() {
  let control: ExportControl | null = null;
  let finish: (bytes: number) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const work = (c: ExportControl) =>
    new Promise<number>((ok, no) => {
      control = c;
      finish = ok;
      fail = no;
      (c.signal as AbortSignal).addEventListener("abort", () => no(new TandaiError("export.errors.cancelled")));
    });
  backend.work = work;
  return {
    progress: (phase: "reading" | "building" | "writing", done: number, total: number) => control!.onProgress!({ phase, done, total }),
    finish: (bytes: number) => finish(bytes),
    fail: (error: unknown) => fail(error),
  };
}

let view: Rendered | null = null;
beforeEach(() => {
  backend.jobs = new ExportJobs();
  backend.requests.length = 0;
  backend.cancelled.length = 0;
  backend.startError = null;
});
afterEach(() => {
  view?.unmount();
  view = null;
});

/** Lets real time pass (the dialog polls every 150 ms) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 3000) throw new Error(`timed out waiting for ${what}`);
    await act(() => new Promise((ok) => setTimeout(ok, 20)));
  }
}

const body = () => document.body;
const dialog = () => body().querySelector<HTMLElement>("[data-testid=export-dialog]");
const progressText = () => body().querySelector("[data-testid=export-progress]")?.textContent ?? "";
const lastRequest = () => backend.requests.at(-1) as ExportRequest;

async function openDialog(language: "en" | "id" = "en") {
  const fx = exportFixture();
  view = await render(<TopBar onImported={() => {}} />, { state: fx.state, language });
  await click($(view.host, "[data-testid=export-open]"));
  expect(dialog()).toBeTruthy();
  return fx;
}

describe("the export dialog", () => {
  it("opens from the Electron menu's File › Export as from the button", async () => {
    const fx = exportFixture();
    view = await render(<TopBar onImported={() => {}} />, { state: fx.state });
    expect(dialog()).toBeNull();
    await act(async () => {
      window.dispatchEvent(new CustomEvent("tandai:menu", { detail: "export" }));
    });
    expect(dialog()).toBeTruthy();
  });

  it("sends a Word report of the whole project in the interface language by default", async () => {
    scriptedWork();
    await openDialog();
    expect($(view!.host, "[data-testid=export-open]").textContent).toBe("Export…");
    await click($(body(), "[data-testid=export-start]"));
    expect(lastRequest()).toEqual({
      kind: "report",
      format: "docx",
      language: "en",
      scope: { caseIds: [], codeIds: [], frameworkIds: [] },
      include: { codebook: true, memos: false, charts: true, quotesPerItem: null },
    });
  });

  it("builds the report request from the chosen cases, codes, language, parts and quote limit", async () => {
    scriptedWork();
    const fx = await openDialog();
    // Untick the Busan case and every top-level code but the obstacles.
    await click($(body(), `[data-testid=export-case-${fx.cases.busan}]`));
    for (const code of childrenOf(fx.state, null).filter((c) => c.id !== fx.codes.obstacle.id)) await click($(body(), `[data-testid=export-code-${code.id}]`));
    await choose($(body(), "[data-testid=export-format]") as HTMLSelectElement, "md");
    await choose($(body(), "[data-testid=export-language]") as HTMLSelectElement, "id");
    await click($(body(), "[data-testid=export-include-memos]"));
    await click($(body(), "[data-testid=export-include-charts]"));
    await click($(body(), "[data-testid=export-quotes-limit]"));
    await typeInto($(body(), "[data-testid=export-quotes]") as HTMLInputElement, "2");
    await click($(body(), "[data-testid=export-start]"));
    expect(lastRequest()).toEqual({
      kind: "report",
      format: "md",
      language: "id",
      scope: { caseIds: [fx.cases.vungTau], codeIds: [fx.codes.obstacle.id], frameworkIds: [] },
      include: { codebook: true, memos: true, charts: false, quotesPerItem: 2 },
    });
  });

  it("builds a spreadsheet request: a CSV of one table, matrices as presence", async () => {
    scriptedWork();
    await openDialog();
    await click($(body(), "[data-testid=export-kind-table]"));
    // The report's parts are not offered for a spreadsheet.
    expect(body().querySelector("[data-testid=export-include-codebook]")).toBeNull();
    expect(($(body(), "[data-testid=export-format]") as HTMLSelectElement).value).toBe("xlsx");
    expect(body().querySelector("[data-testid=export-table]")).toBeNull();
    await choose($(body(), "[data-testid=export-format]") as HTMLSelectElement, "csv");
    await choose($(body(), "[data-testid=export-table]") as HTMLSelectElement, "codeCase");
    await click($(body(), "[data-testid=export-presence]"));
    await click($(body(), "[data-testid=export-start]"));
    expect(lastRequest()).toEqual({ kind: "table", format: "csv", language: "en", scope: { caseIds: [], codeIds: [], frameworkIds: [] }, table: "codeCase", presence: true });
  });

  it("asks for at least one case when none is ticked", async () => {
    const fx = await openDialog();
    await click($(body(), `[data-testid=export-case-${fx.cases.busan}]`));
    await click($(body(), `[data-testid=export-case-${fx.cases.vungTau}]`));
    expect($(body(), "[data-testid=export-case]").textContent).toContain("Choose at least one.");
    expect(($(body(), "[data-testid=export-start]") as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows the phase while running, stays open, and says where the file was saved", async () => {
    const job = scriptedWork();
    await openDialog();
    await click($(body(), "[data-testid=export-start]"));
    await until(() => progressText() !== "", "the job to start");
    job.progress("reading", 12, 40);
    await until(() => progressText().includes("Reading documents 12/40"), "the reading phase");
    expect(Number(($(body(), "[data-testid=export-bar]") as HTMLProgressElement).value)).toBeGreaterThan(0);
    // Neither Close, Escape nor the backdrop closes the dialog while the job runs.
    expect(($(body(), "[data-testid=export-close]") as HTMLButtonElement).disabled).toBe(true);
    expect(($(body(), "[data-testid=export-start]") as HTMLButtonElement).disabled).toBe(true);
    await press(dialog()!, "Escape");
    expect(dialog()).toBeTruthy();
    job.progress("building", 0, 1);
    await until(() => progressText().includes("Building 0/1"), "the building phase");
    job.progress("writing", 0, 1);
    await until(() => progressText().includes("Writing the file…"), "the writing phase");
    job.finish(1536);
    await until(() => $$(body(), "[data-testid=export-result]").length > 0, "the result");
    expect($(body(), "[data-testid=export-result]").textContent).toBe("Saved to /tmp/skripsi/exports/Skripsi – coded summary.docx (1.5 KB)");
    // A changed choice is a new export: the old result goes.
    await choose($(body(), "[data-testid=export-format]") as HTMLSelectElement, "html");
    expect(body().querySelector("[data-testid=export-progress]")).toBeNull();
    // Done: the dialog closes again.
    await press(dialog()!, "Escape");
    expect(dialog()).toBeNull();
  });

  it("cancels a running export through exportCancel and says nothing was written", async () => {
    const job = scriptedWork();
    await openDialog();
    await click($(body(), "[data-testid=export-start]"));
    job.progress("reading", 1, 40);
    await until(() => progressText().includes("Reading documents 1/40"), "the reading phase");
    await click($(body(), "[data-testid=export-cancel]"));
    expect(backend.cancelled).toHaveLength(1);
    await until(() => $(body(), "[data-testid=export-progress]").dataset.state === "cancelled", "the cancellation");
    expect($(body(), "[data-testid=export-result]").textContent).toBe("Export cancelled; no file was written.");
    expect(($(body(), "[data-testid=export-close]") as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows a failed job's error translated, in Indonesian too", async () => {
    const job = scriptedWork();
    await openDialog("id");
    expect($(body(), "[data-testid=export-start]").textContent).toBe("Ekspor");
    await choose($(body(), "[data-testid=export-format]") as HTMLSelectElement, "pdf");
    await click($(body(), "[data-testid=export-start]"));
    expect(lastRequest()).toMatchObject({ format: "pdf", language: "id" });
    job.fail(new TandaiError("export.errors.pdfNeedsLibreOffice"));
    await until(() => $$(body(), "[data-testid=export-result]").length > 0, "the error");
    const result = $(body(), "[data-testid=export-result]");
    expect(result.dataset.errorCode).toBe("export.errors.pdfNeedsLibreOffice");
    expect(result.textContent).toMatch(/^Di luar aplikasi desktop, PDF dibuat oleh LibreOffice/);
  });

  it("shows an error from starting the export, with its parameters", async () => {
    backend.startError = new TandaiError("export.errors.noFolder", { folder: "/media/usb/Skripsi" });
    await openDialog();
    await click($(body(), "[data-testid=export-start]"));
    await until(() => $$(body(), "[data-testid=export-result]").length > 0, "the error");
    expect($(body(), "[data-testid=export-result]").textContent).toBe("Cannot save there: the folder “/media/usb/Skripsi” does not exist.");
  });
});

/** What App does with the charts view's onExport: the same hook, its progress shown as a toast. */
function ChartExports({ request }: { request: ExportRequestInput }) {
  const job = useExportJob();
  return (
    <>
      <button data-testid="save-chart" onClick={() => void job.start(request)} />
      <ExportToast status={job.status} onCancel={job.cancel} onDismiss={job.reset} />
    </>
  );
}

describe("chart exports through useExportJob", () => {
  it("validates the request, runs the job and shows a dismissable toast", async () => {
    const job = scriptedWork();
    const request: ExportRequestInput = { kind: "chart", format: "svg", language: "en", chart: "heatmap" };
    view = await render(<ChartExports request={request} />);
    expect(view.host.querySelector("[data-testid=export-toast]")).toBeNull();
    await click($(view.host, "[data-testid=save-chart]"));
    // Parsed before sending: the defaults are filled in.
    expect(lastRequest()).toEqual({ ...request, scope: { caseIds: [], codeIds: [], frameworkIds: [] }, unit: "paragraph", presence: false });
    await until(() => !!view!.host.querySelector("[data-testid=export-toast] [data-testid=export-cancel]"), "the toast");
    job.finish(800);
    await until(() => !!view!.host.querySelector("[data-testid=export-result]"), "the result");
    expect($(view.host, "[data-testid=export-result]").textContent).toBe("Saved to /tmp/skripsi/exports/Skripsi – coded summary.svg (800 B)");
    await click($(view.host, "[data-testid=export-dismiss]"));
    expect(view.host.querySelector("[data-testid=export-toast]")).toBeNull();
  });

  it("refuses a malformed request without calling the backend", async () => {
    view = await render(<ChartExports request={{ kind: "chart", format: "docx", language: "en", chart: "heatmap" } as unknown as ExportRequestInput} />);
    await click($(view.host, "[data-testid=save-chart]"));
    expect(backend.requests).toHaveLength(0);
    expect($(view.host, "[data-testid=export-progress]").dataset.state).toBe("failed");
  });
});
