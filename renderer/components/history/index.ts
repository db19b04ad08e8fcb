export { UndoButtons } from "./UndoButtons.js";
export { UndoToast } from "./UndoToast.js";
export { showStepAgain, useRevealStep, type RevealTargets } from "./useRevealStep.js";
export { useDescribe } from "./describe.js";
