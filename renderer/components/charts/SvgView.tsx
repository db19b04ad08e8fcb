import { createElement, useMemo, type ReactElement } from "react";
import type { SvgNode } from "../../../shared/charts/svg.js";

/** SVG attribute names as React wants them: font-size → fontSize; aria-* and data-* stay as they are. */
const propName = (name: string): string =>
  name === "class" ? "className" : name.startsWith("aria-") || name.startsWith("data-") ? name : name.replace(/[-:]([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The chart tree as React elements. Element by element rather than as markup, so a case or code
 * name reaches the DOM only as a text node, never parsed as HTML.
 */
export function svgElement(node: SvgNode): ReactElement {
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(node.attrs ?? {})) props[propName(name)] = value;
  // Children spread as arguments: a fixed drawing, so React needs no keys.
  return createElement(node.tag, props, ...(node.children ?? []).map((child) => (typeof child === "string" ? child : svgElement(child))));
}

export function SvgView({ node }: { node: SvgNode }) {
  return useMemo(() => svgElement(node), [node]);
}
