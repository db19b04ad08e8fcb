import { BrowserWindow } from "electron";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A report's HTML printed to an A4 PDF by Chromium, in a hidden window that runs no script (the
 * report has none) and is closed afterwards. The HTML goes through a temp file because a large
 * report exceeds what a data: URL may hold.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), "tandai-print-"));
  // Auxclick off as in the main window: a middle click would open a link without setWindowOpenHandler.
  const page = new BrowserWindow({ show: false, webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: "Auxclick" } });
  try {
    const file = join(dir, "report.html");
    await writeFile(file, html, "utf8");
    await page.loadFile(file);
    return await page.webContents.printToPDF({ pageSize: "A4", printBackground: true, generateDocumentOutline: true });
  } finally {
    page.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
