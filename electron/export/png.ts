import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";

/**
 * The font files charts are drawn with: a Latin font covering Vietnamese, in regular and bold, and
 * one with Hangul. resvg draws each text element in the first font that has all its characters and
 * shaping with a CJK collection is slow (seconds for a chart of a hundred labels), so Latin labels
 * must find the Latin font first and only Korean ones reach the CJK font. Loading just these files,
 * not every font of the system, also keeps the search short. The first found of each group is used.
 */
const FONT_CANDIDATES: Record<string, string[][]> = {
  linux: [
    ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"],
    ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf", "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"],
    ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"],
    ["/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc"],
  ],
  win32: [["C:\\Windows\\Fonts\\arial.ttf"], ["C:\\Windows\\Fonts\\arialbd.ttf"], ["C:\\Windows\\Fonts\\malgun.ttf"], ["C:\\Windows\\Fonts\\malgunbd.ttf"]],
  darwin: [["/System/Library/Fonts/Supplemental/Arial.ttf"], ["/System/Library/Fonts/Supplemental/Arial Bold.ttf"], ["/System/Library/Fonts/AppleSDGothicNeo.ttc"]],
};

let fonts: { fontFiles: string[]; defaultFontFamily: string } | null | undefined;

/** The chart fonts found on this machine, or null to let resvg load every system font. */
function chartFonts(): { fontFiles: string[]; defaultFontFamily: string } | null {
  if (fonts !== undefined) return fonts;
  const found = (FONT_CANDIDATES[process.platform] ?? []).map((group) => group.find((file) => existsSync(file))).filter((file): file is string => Boolean(file));
  fonts = found.length ? { fontFiles: found, defaultFontFamily: process.platform === "linux" ? "DejaVu Sans" : "Arial" } : null;
  return fonts;
}

/**
 * A chart's SVG markup as a PNG `width` pixels wide, drawn with the system's fonts: the fallback
 * image of a chart in a .docx (for Word before 2016 and viewers without SVG) and the PNG export.
 */
export function svgToPng(svg: string, width: number): Uint8Array {
  const chosen = chartFonts();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.max(1, Math.round(width)) },
    font: chosen ? { loadSystemFonts: false, fontFiles: chosen.fontFiles, defaultFontFamily: chosen.defaultFontFamily, sansSerifFamily: chosen.defaultFontFamily } : { loadSystemFonts: true },
    // Charts are read against a page; a transparent PNG turns dark in dark-mode viewers.
    background: "white",
  });
  return resvg.render().asPng();
}
