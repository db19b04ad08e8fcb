/**
 * The look of one highlight span as a single CSS class, e.g. `.tandai-c-e69f00-1x` for a
 * contradicting coding in colour #e69f00 drawn in underline lane 1. One rule per combination is
 * added to a style sheet of the page when first needed. The browser applies one class to a span
 * several times faster than four classes or an inline `style` (measured: 3,000 spans in 9 ms
 * against 37 ms), and thousands of spans are made when a document opens. No inline styles are
 * needed, which suits the app's Content Security Policy.
 */

/** Underlines stack at most this many lanes deep; deeper overlaps share the last lane. */
export const MAX_LANE = 3;
/** How far each lane lowers the underline. */
const LANE_PX = 3;

const known = new Map<string, string>();
const byGiven = new Map<string, string>();
let sheet: CSSStyleSheet | null = null;

/** The page's style sheet for the coding view's generated rules (also the stripes' hover rule). */
export function styleSheet(): CSSStyleSheet | null {
  if (sheet) return sheet;
  if (typeof document === "undefined") return null;
  const doc = document as Document & { adoptedStyleSheets?: CSSStyleSheet[] };
  try {
    const constructed = new CSSStyleSheet();
    if (!Array.isArray(doc.adoptedStyleSheets)) throw new Error("no adopted style sheets");
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, constructed];
    sheet = constructed;
  } catch {
    // Where constructed sheets are missing (jsdom): an empty <style> filled through the CSSOM.
    const style = document.createElement("style");
    style.dataset.tandai = "coding-classes";
    document.head.append(style);
    sheet = style.sheet;
  }
  return sheet;
}

/** One coding of the stack over a piece of text (codingDecorations.ts): its colour, underline lane and stance. */
export interface StackLayer {
  color: string;
  lane: number;
  contradicts: boolean;
}

/** The wash of the coding at each nesting level over a piece of text, outermost first (the deeper ones lighter, so black text stays readable). */
const WASH = [0.18, 0.11, 0.07];
const HOVER_WASH = 0.3;
const UNDERLINE_PX = 2;
/** Chromium's dashes for a 2 px dashed underline: 6 px drawn, 4 px gap (compared on screenshots). */
const DASH_PX = 6;
const GAP_PX = 4;
/**
 * The browser rounds the position of its own underlines to whole pixels; a drawn one lands on the
 * same pixels most often when placed this much higher (screenshots of the dense demo document
 * compared at shifts from −1 to 1 px: 232 pixels differing by more than 8 levels at −0.3, 7,581 at 0).
 */
const PIXEL_SHIFT = -0.3;

const stacks = new Map<string, string>();
/** The text's descent below its baseline, in em, for placing drawn underlines as the browser places its own. */
let descentEm: number | null = null;

/**
 * The document font's descent (content-area bottom below the baseline), in em, measured once per
 * page on a probe laid out in the coding view's font (0.24 em, DejaVu Sans's, where nothing is laid out).
 */
function descent(): number {
  if (descentEm !== null) return descentEm;
  descentEm = 0.24;
  if (typeof document === "undefined" || !document.body) return descentEm;
  const probe = document.createElement("div");
  probe.className = "tandai-document-view";
  probe.style.cssText = "position:absolute;visibility:hidden;top:0;left:0";
  const text = probe.appendChild(document.createElement("span"));
  text.textContent = "x";
  const baseline = text.appendChild(document.createElement("span"));
  baseline.style.cssText = "display:inline-block;width:0;height:0";
  document.body.append(probe);
  const size = parseFloat(getComputedStyle(text).fontSize);
  const measured = (text.getBoundingClientRect().bottom - baseline.getBoundingClientRect().bottom) / size;
  probe.remove();
  if (Number.isFinite(measured) && measured > 0 && measured < 1) descentEm = measured;
  return descentEm;
}

const hexOf = (color: string) => (/^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toLowerCase() : "8a8a8a");
const rgbOf = (hex: string) => [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] as const;
const laneDepth = (lane: number) => Math.max(0, Math.min(MAX_LANE, Math.floor(lane)));

/**
 * Washes painted over one another (outermost first, each its own alpha), as one colour: source-over
 * compositing, the same sum the browser makes of nested spans' backgrounds.
 */
function composite(layers: readonly StackLayer[], alpha: (level: number) => number): string {
  let a = 0;
  const premultiplied = [0, 0, 0];
  layers.forEach((l, level) => {
    const x = alpha(level);
    const rgb = rgbOf(hexOf(l.color));
    for (let i = 0; i < 3; i++) premultiplied[i] = rgb[i]! * x + premultiplied[i]! * (1 - x);
    a = x + a * (1 - x);
  });
  const [r, g, b] = premultiplied.map((v) => Math.round((v / a) * 100) / 100);
  return `rgb(${r} ${g} ${b} / ${Math.round(a * 10000) / 10000})`;
}

/**
 * The classes of a piece of text under `layers` (its codings, outermost first), drawn as one span as
 * the spans of each coding nested over one another were: the innermost coding's underline is the
 * span's own text decoration (its codingClass); the washes of all of them, painted over one
 * another, are one colour (`--w`, `--wh` hovered, each coding's wash stronger as each nested
 * span was hovered); the other underlines are one background layer of hard colour stops in their
 * lanes below the text (`--ul`, dashed ones a layer each; the span's bottom padding `--pb` gives
 * them room and moves no line). One generated rule per distinct stack sets these custom
 * properties; `.tandai-stack` (documentView.css) paints with them.
 */
export function stackClass(layers: readonly StackLayer[]): string {
  const inner = layers[layers.length - 1]!;
  const base = codingClass(inner.color, inner.lane, inner.contradicts);
  if (layers.length === 1) return base;
  // Lanes past MAX_LANE look the same: one key (and rule) for them.
  let key = "";
  for (const l of layers) key += `${l.color}${laneDepth(l.lane)}${l.contradicts ? "x " : " "}`;
  const seen = stacks.get(key);
  if (seen) return seen;
  const d = descent();
  // Each underline's bottom below the content area: baseline + 0.2em + lane × 3px + 2px.
  const em = (0.2 - d).toFixed(4);
  const below = (depth: number) => depth * LANE_PX + UNDERLINE_PX + PIXEL_SHIFT;
  const others = layers.slice(0, -1);
  const deepest = Math.max(...others.map((l) => laneDepth(l.lane)));
  const pad = `max(0px, calc(${em}em + ${below(deepest)}px))`;
  // Height of an underline's bottom above the padding box's bottom.
  const up = (depth: number) => `calc(${pad} - ${em}em - ${below(depth)}px)`;
  // Solid underlines, top one per depth (the innermost there painted last when nested), deepest lowest.
  const solid = new Map<number, string>();
  const dashed: string[] = [];
  const sizes: string[] = [];
  const places: string[] = [];
  for (const l of [...others].reverse()) {
    const depth = laneDepth(l.lane);
    const c = `#${hexOf(l.color)}`;
    if (l.contradicts) {
      dashed.push(`repeating-linear-gradient(to right, ${c} 0 ${DASH_PX}px, transparent ${DASH_PX}px ${DASH_PX + GAP_PX}px)`);
      sizes.push(`100% ${UNDERLINE_PX}px`);
      places.push(`0 calc(100% - ${up(depth)})`);
    } else if (!solid.has(depth)) solid.set(depth, c);
  }
  const layersOut = [...dashed];
  if (solid.size) {
    const stops = ["transparent 0"];
    for (const depth of [...solid.keys()].sort((a, b) => b - a)) {
      const c = solid.get(depth)!;
      stops.push(`transparent ${up(depth)}`, `${c} ${up(depth)}`, `${c} calc(${up(depth)} + ${UNDERLINE_PX}px)`, `transparent calc(${up(depth)} + ${UNDERLINE_PX}px)`);
    }
    layersOut.push(`linear-gradient(to top, ${stops.join(", ")})`);
    sizes.push("100% 100%");
    places.push("0 0");
  }
  const nested = (level: number) => WASH[Math.min(level, WASH.length - 1)]!;
  const style =
    `--w: ${composite(layers, nested)}; --wh: ${composite(layers, () => HOVER_WASH)}; --pb: ${pad};` +
    ` --ul: ${layersOut.join(", ")}; --us: ${sizes.join(", ")}; --up: ${places.join(", ")}; --uc: ${layersOut.map(() => "border-box").join(", ")};`;
  // A rule per stack rather than an inline style per span: a reopen parses no CSS at all
  // (inline styles measured ≈ 11 ms of a reopen at 50k characters with 1,000 codings).
  const name = `tandai-s${stacks.size}`;
  const target = stackSheet();
  target?.insertRule(`.tandai-document .${name} { ${style} }`, target.cssRules.length);
  const look = `${base} tandai-stack ${name}`;
  stacks.set(key, look);
  return look;
}

/** Stack rules per style sheet: a document has about one distinct stack per piece of text. */
const RULES_PER_SHEET = 400;
let stackSheets: CSSStyleSheet | null = null;

/**
 * The style sheet for the next stack rule: a new constructed sheet every RULES_PER_SHEET rules.
 * The browser rebuilds a changed sheet's rule index whole, and thousands of stacks in one sheet
 * (5,000 codings) made each background drawing of a section rebuild all of them.
 */
function stackSheet(): CSSStyleSheet | null {
  if (stackSheets && stackSheets.cssRules.length < RULES_PER_SHEET) return stackSheets;
  const doc = typeof document === "undefined" ? null : (document as Document & { adoptedStyleSheets?: CSSStyleSheet[] });
  try {
    if (!doc || !Array.isArray(doc.adoptedStyleSheets)) throw new Error("no adopted style sheets");
    const next = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, next];
    stackSheets = next;
  } catch {
    stackSheets = styleSheet();
    return stackSheets;
  }
  return stackSheets;
}

/** The class for a span of a coding in `color` (#rrggbb; anything else draws grey). */
export function codingClass(color: string, lane: number, contradicts: boolean): string {
  const depth = Math.max(0, Math.min(MAX_LANE, Math.floor(lane)));
  // Asked once per coding drawn (thousands when a document opens): the colour as given first.
  const given = `${color}-${depth}${contradicts ? "x" : ""}`;
  const seen = byGiven.get(given);
  if (seen) return seen;
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color.slice(1).toLowerCase() : "8a8a8a";
  const key = `${hex}-${depth}${contradicts ? "x" : ""}`;
  let name = known.get(key);
  if (!name) {
    name = `tandai-c-${key}`;
    const target = styleSheet();
    const rule =
      `.tandai-document .${name} { --tc: #${hex}; text-underline-offset: calc(0.2em + ${depth * LANE_PX}px);` +
      `${contradicts ? " text-decoration-style: dashed;" : ""} }`;
    target?.insertRule(rule, target.cssRules.length);
    known.set(key, name);
  }
  byGiven.set(given, name);
  return name;
}
