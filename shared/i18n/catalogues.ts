import enApp from "./en/app.js";
import enAttributes from "./en/attributes.js";
import enCli from "./en/cli.js";
import enCodebook from "./en/codebook.js";
import enTables from "./en/tables.js";
import enExport from "./en/export.js";
import enCharts from "./en/charts.js";
import enEditor from "./en/editor.js";
import enErrors from "./en/errors.js";
import enFrameworks from "./en/frameworks.js";
import enImport from "./en/import.js";
import enIndicators from "./en/indicators.js";
import enMemo from "./en/memo.js";
import enStore from "./en/store.js";
import enSearch from "./en/search.js";
import idApp from "./id/app.js";
import idAttributes from "./id/attributes.js";
import idCli from "./id/cli.js";
import idCodebook from "./id/codebook.js";
import idTables from "./id/tables.js";
import idExport from "./id/export.js";
import idCharts from "./id/charts.js";
import idEditor from "./id/editor.js";
import idErrors from "./id/errors.js";
import idFrameworks from "./id/frameworks.js";
import idImport from "./id/import.js";
import idIndicators from "./id/indicators.js";
import idMemo from "./id/memo.js";
import idStore from "./id/store.js";
import idSearch from "./id/search.js";

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Both languages' catalogues, keyed `area.path`; error codes are keys of `errors` or an area. */
export const catalogues = {
  en: { app: enApp, attributes: enAttributes, charts: enCharts, cli: enCli, codebook: enCodebook, editor: enEditor, errors: enErrors, export: enExport, frameworks: enFrameworks, import: enImport, indicators: enIndicators, memo: enMemo, store: enStore, tables: enTables, search: enSearch },
  id: { app: idApp, attributes: idAttributes, charts: idCharts, cli: idCli, codebook: idCodebook, editor: idEditor, errors: idErrors, export: idExport, frameworks: idFrameworks, import: idImport, indicators: idIndicators, memo: idMemo, store: idStore, tables: idTables, search: idSearch },
} satisfies Record<Language, Record<string, unknown>>;

/** Indonesian for an Indonesian system locale, English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  const lower = locale?.toLowerCase() ?? "";
  return lower.startsWith("id") || lower.startsWith("in") ? "id" : "en";
}
