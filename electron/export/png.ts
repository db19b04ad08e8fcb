import { Resvg } from "@resvg/resvg-js";

/**
 * The family for chart text that names no font, or one the system lacks. resvg draws a whole text
 * element in the first font that has all its characters, so the best choice covers Latin with
 * Vietnamese diacritics and Hangul at once: Noto Sans CJK KR does, and is what Linux desktops
 * carry for Korean. Windows and macOS both ship Arial (Vietnamese; Hangul then comes from
 * Malgun Gothic or Apple SD Gothic Neo). A family that is missing makes resvg pick another one.
 */
function chartFontFamily(): string {
  return process.platform === "linux" ? "Noto Sans CJK KR" : "Arial";
}

/**
 * A chart's SVG markup as a PNG `width` pixels wide, drawn with the system's fonts: the fallback
 * image of a chart in a .docx (for Word before 2016 and viewers without SVG) and the PNG export.
 */
export function svgToPng(svg: string, width: number): Uint8Array {
  const family = chartFontFamily();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.max(1, Math.round(width)) },
    font: { loadSystemFonts: true, defaultFontFamily: family, sansSerifFamily: family },
    // Charts are read against a page; a transparent PNG turns dark in dark-mode viewers.
    background: "white",
  });
  return resvg.render().asPng();
}
