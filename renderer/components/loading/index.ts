export { AllCodings, CodingsProgress, useAllCodingsLoaded } from "./AllCodings.js";
