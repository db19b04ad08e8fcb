export { ChartsView, type ChartsViewProps } from "./ChartsView.js";
export { SvgView, svgElement } from "./SvgView.js";
