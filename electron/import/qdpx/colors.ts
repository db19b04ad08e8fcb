const COLOR = /^#([0-9a-fA-F]{6})$/;
const RGB = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/i;

/** `#RRGGBB` or `rgb(r, g, b)` (as ATLAS.ti writes it) as `#rrggbb`; anything else (or nothing): undefined. */
export function readColor(value: string | undefined): string | undefined {
  const v = value?.trim() ?? "";
  if (COLOR.test(v)) return v.toLowerCase();
  const m = RGB.exec(v);
  if (m && m.slice(1).every((n) => Number(n) <= 255)) return `#${m.slice(1).map((n) => Number(n).toString(16).padStart(2, "0")).join("")}`;
  return undefined;
}
