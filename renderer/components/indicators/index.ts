export { IndicatorsPanel } from "./IndicatorsPanel.js";
export { CasesPanel } from "./CasesPanel.js";
export { OverrideDialog } from "./OverrideDialog.js";
export { QuoteList, useStrongestQuotes } from "./Quotes.js";
