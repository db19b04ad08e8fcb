import enAgreement from "./en/agreement.js";
import enApp from "./en/app.js";
import enAttributes from "./en/attributes.js";
import enCharts from "./en/charts.js";
import enCli from "./en/cli.js";
import enCodeFrom from "./en/codeFrom.js";
import enCodebook from "./en/codebook.js";
import enCount from "./en/count.js";
import enDocuments from "./en/documents.js";
import enEditor from "./en/editor.js";
import enErrors from "./en/errors.js";
import enExport from "./en/export.js";
import enExportRead from "./en/exportRead.js";
import enFrameworkAdd from "./en/frameworkAdd.js";
import enFrameworks from "./en/frameworks.js";
import enHistory from "./en/history.js";
import enImport from "./en/import.js";
import enIndicators from "./en/indicators.js";
import enKeys from "./en/keys.js";
import enLoadingCodings from "./en/loadingCodings.js";
import enMemo from "./en/memo.js";
import enRecovery from "./en/recovery.js";
import enRefi from "./en/refi.js";
import enRepair from "./en/repair.js";
import enSearch from "./en/search.js";
import enStore from "./en/store.js";
import enTables from "./en/tables.js";
import enTeam from "./en/team.js";
import enTeamApp from "./en/teamApp.js";
import enTeamCli from "./en/teamCli.js";
import enTeamMembers from "./en/teamMembers.js";
import enWeb from "./en/web.js";
import idAgreement from "./id/agreement.js";
import idApp from "./id/app.js";
import idAttributes from "./id/attributes.js";
import idCharts from "./id/charts.js";
import idCli from "./id/cli.js";
import idCodeFrom from "./id/codeFrom.js";
import idCodebook from "./id/codebook.js";
import idCount from "./id/count.js";
import idDocuments from "./id/documents.js";
import idEditor from "./id/editor.js";
import idErrors from "./id/errors.js";
import idExport from "./id/export.js";
import idExportRead from "./id/exportRead.js";
import idFrameworkAdd from "./id/frameworkAdd.js";
import idFrameworks from "./id/frameworks.js";
import idHistory from "./id/history.js";
import idImport from "./id/import.js";
import idIndicators from "./id/indicators.js";
import idKeys from "./id/keys.js";
import idLoadingCodings from "./id/loadingCodings.js";
import idMemo from "./id/memo.js";
import idRecovery from "./id/recovery.js";
import idRefi from "./id/refi.js";
import idRepair from "./id/repair.js";
import idSearch from "./id/search.js";
import idStore from "./id/store.js";
import idTables from "./id/tables.js";
import idTeam from "./id/team.js";
import idTeamApp from "./id/teamApp.js";
import idTeamCli from "./id/teamCli.js";
import idTeamMembers from "./id/teamMembers.js";
import idWeb from "./id/web.js";
export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Both languages' catalogues, keyed `area.path`; error codes are keys of `errors` or an area. */
export const catalogues = {
  en: { agreement: enAgreement, app: enApp, attributes: enAttributes, charts: enCharts, cli: enCli, codeFrom: enCodeFrom, codebook: enCodebook, count: enCount, documents: enDocuments, editor: enEditor, errors: enErrors, export: enExport, exportRead: enExportRead, frameworkAdd: enFrameworkAdd, frameworks: enFrameworks, history: enHistory, import: enImport, indicators: enIndicators, keys: enKeys, loadingCodings: enLoadingCodings, memo: enMemo, recovery: enRecovery, refi: enRefi, repair: enRepair, search: enSearch, store: enStore, tables: enTables, team: enTeam, teamApp: enTeamApp, teamCli: enTeamCli, teamMembers: enTeamMembers, web: enWeb },
  id: { agreement: idAgreement, app: idApp, attributes: idAttributes, charts: idCharts, cli: idCli, codeFrom: idCodeFrom, codebook: idCodebook, count: idCount, documents: idDocuments, editor: idEditor, errors: idErrors, export: idExport, exportRead: idExportRead, frameworkAdd: idFrameworkAdd, frameworks: idFrameworks, history: idHistory, import: idImport, indicators: idIndicators, keys: idKeys, loadingCodings: idLoadingCodings, memo: idMemo, recovery: idRecovery, refi: idRefi, repair: idRepair, search: idSearch, store: idStore, tables: idTables, team: idTeam, teamApp: idTeamApp, teamCli: idTeamCli, teamMembers: idTeamMembers, web: idWeb },
} satisfies Record<Language, Record<string, unknown>>;

/** Indonesian for an Indonesian system locale, English otherwise. */
export function languageFromLocale(locale: string | undefined): Language {
  const lower = locale?.toLowerCase() ?? "";
  return lower.startsWith("id") || lower.startsWith("in") ? "id" : "en";
}
