export { AttributesEditor, AttributesSection, splitChoices } from "./AttributesEditor.js";
