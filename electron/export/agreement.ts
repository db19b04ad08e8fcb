import { Buffer } from "node:buffer";
import {
  agreementDocument,
  agreementRows,
  csvChunks,
  reportToHtml,
  reportToMarkdown,
  sheetTitle,
  translate,
  type AgreementExportRequest,
  type ExportControl,
  type Table,
} from "../../shared/index.js";
import { agreementOf, type AgreementSource } from "../agreement/report.js";
import { reportToDocx } from "./docx.js";
import { writeXlsx } from "./xlsx.js";

/** What the export writes for an agreement report; null when the workbook writer wrote the file itself. */
export type AgreementFile = string | Buffer | AsyncIterable<string> | null;

/**
 * The agreement report as the Export dialog and `tandai agreement --out` ask for it: computed from
 * the source's documents, then dressed by the export's own writers — a document (.docx, .md,
 * .html: what was compared, the table, the disagreements) or its table (.xlsx sheet, .csv).
 */
export async function agreementFile(source: AgreementSource, request: AgreementExportRequest, path: string, control?: ExportControl): Promise<AgreementFile> {
  const { state } = source;
  const report = await agreementOf(source, request.agreement, control);
  const { language, format } = request;
  if (format === "xlsx" || format === "csv") {
    const table: Table = { name: "agreement", title: sheetTitle(translate(language, "agreement.tab")), ...agreementRows(state, report, language) };
    if (format === "csv") return csvChunks(table);
    await writeXlsx([table], path, control);
    return null;
  }
  const document = agreementDocument(state, report, language);
  if (format === "md") return reportToMarkdown(document);
  if (format === "html") return reportToHtml(document);
  const bytes = await reportToDocx(document);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
