export { AgreementPanel } from "./AgreementPanel.js";
