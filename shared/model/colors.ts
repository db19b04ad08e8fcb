/** Distinct, readable highlight colours offered for new codes (Okabe–Ito and Tableau hues). */
export const CODE_COLORS = [
  "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
  "#4e79a7", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#76b7b2",
] as const;

/** The next colour for a new code, cycling through the palette. */
export function nextCodeColor(existingCount: number): string {
  return CODE_COLORS[existingCount % CODE_COLORS.length]!;
}
