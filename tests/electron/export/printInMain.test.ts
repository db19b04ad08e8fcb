import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { Backend } from "../../../electron/backend/backend.js";
import { ExportRequest, TandaiError } from "../../../shared/index.js";
import { useTempDirs } from "../tempDirs.js";
import { finished } from "./finished.js";

/**
 * Electron's PDF: the report is built in the export worker (from the project read at the job's
 * seq, like every other export), and only its HTML comes to the main thread to be printed with the
 * window — before, the whole job ran in-process on a copy of the state. Electron's printToPDF does
 * not exist in a unit test; the stand-in here is its contract: HTML in, PDF bytes out (or a failure).
 */
const temp = useTempDirs();
const WORKER = new URL("../../../dist/electron/exportWorker.mjs", import.meta.url);
const PDF = ExportRequest.parse({ kind: "report", format: "pdf", language: "en" });

async function backendPrinting(printToPdf: (html: string) => Promise<Uint8Array>) {
  const root = await temp();
  const api = await new Backend({ home: join(root, "home"), projectsDir: join(root, "projects"), version: "test", transport: "web", systemLocale: "en-GB", exportWorker: WORKER, printToPdf }).init();
  const project = await api.openSampleProject();
  return { api, project };
}

describe("a PDF printed by the main thread, built in the worker", () => {
  it("the worker's report HTML is printed once and the printed bytes are the file", async () => {
    const printed: string[] = [];
    const bytes = new TextEncoder().encode("%PDF-1.7 printed by the window\n");
    const { api, project } = await backendPrinting(async (html) => {
      printed.push(html);
      return bytes;
    });
    const started = await api.exportStart({ request: PDF });
    const status = await finished(api, started!.jobId);
    expect(status).toMatchObject({ state: "done", bytes: bytes.length });
    expect(new Uint8Array(await readFile(started!.path))).toEqual(bytes);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!doctype html>/i);
    expect(printed[0]).toContain(project.state.name);
    expect(await readdir(dirname(started!.path))).toEqual([basename(started!.path)]);
    await api.closeProject();
  });

  it("a print that fails fails the job with its error and leaves no file", async () => {
    const { api } = await backendPrinting(async () => {
      throw new TandaiError("errors.unexpected", { detail: "the window is gone" });
    });
    const started = await api.exportStart({ request: PDF });
    const status = await finished(api, started!.jobId);
    expect(status).toMatchObject({ state: "failed", error: { code: "errors.unexpected", params: { detail: "the window is gone" } } });
    expect(await readdir(dirname(started!.path)).catch(() => [])).toEqual([]);
    await api.closeProject();
  });
});
