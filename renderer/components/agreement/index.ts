export { AgreementPanel } from "./AgreementPanel.js";
export { OnlyMineSwitch, useShownCoder } from "./onlyMine.js";
