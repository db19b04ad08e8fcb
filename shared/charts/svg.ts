/**
 * A chart as a small tree of SVG elements: one description serves the app (turned into React
 * elements), SVG and PNG files, and the reports (serialised). Charts are built from data alone,
 * so the same chart reads the same in every place it appears.
 */
export interface SvgNode {
  tag: string;
  attrs?: Record<string, string | number>;
  /** Text content (escaped on output) or child elements. */
  children?: (SvgNode | string)[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The tree as SVG markup; the root gets the SVG namespace so the file stands alone. */
export function svgToString(node: SvgNode, root = true): string {
  const attrs = { ...(root && node.tag === "svg" ? { xmlns: "http://www.w3.org/2000/svg" } : {}), ...node.attrs };
  const open = `<${node.tag}${Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("")}`;
  if (!node.children?.length) return `${open}/>`;
  const inner = node.children.map((child) => (typeof child === "string" ? escapeXml(child) : svgToString(child, false))).join("");
  return `${open}>${inner}</${node.tag}>`;
}
