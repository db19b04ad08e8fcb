export { AttributesEditor } from "./AttributesEditor.js";
export { AttributesSection } from "./AttributesSection.js";
export { splitChoices } from "./NewAttribute.js";
