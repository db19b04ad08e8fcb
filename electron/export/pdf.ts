import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { TandaiError } from "../../shared/index.js";

/** Where LibreOffice installs itself when it is not on the PATH. */
const KNOWN = {
  win32: ["C:\\Program Files\\LibreOffice\\program\\soffice.exe", "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"],
  darwin: ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
} as Record<string, string[]>;

/** LibreOffice's command, if this machine has it (TANDAI_SOFFICE names it explicitly). */
export function findSoffice(): string | null {
  if (process.env.TANDAI_SOFFICE) return process.env.TANDAI_SOFFICE;
  const names = process.platform === "win32" ? ["soffice.exe"] : ["soffice", "libreoffice"];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return (KNOWN[process.platform] ?? []).find((file) => existsSync(file)) ?? null;
}

/**
 * The report's DOCX as a PDF, laid out by LibreOffice: outside Electron (CLI, web server) there is
 * no browser engine to print with, and LibreOffice lays out the same file a thesis writer opens.
 * Each run gets its own profile folder, so it neither collides with an open LibreOffice nor
 * leaves one behind.
 */
export async function docxToPdfWithLibreOffice(docx: Uint8Array): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (!soffice) throw new TandaiError("export.errors.pdfNeedsLibreOffice");
  const work = await mkdtemp(join(tmpdir(), "tandai-pdf-"));
  try {
    const input = join(work, "report.docx");
    await writeFile(input, docx);
    await new Promise<void>((ok, fail) =>
      execFile(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(join(work, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", work, input],
        { timeout: 180_000 },
        (error, _stdout, stderr) => (error ? fail(new TandaiError("export.errors.pdfFailed", { detail: (stderr || error.message).trim().slice(0, 300) })) : ok()),
      ),
    );
    return await readFile(join(work, "report.pdf")).catch(() => {
      throw new TandaiError("export.errors.pdfFailed", { detail: "LibreOffice wrote no PDF" });
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
