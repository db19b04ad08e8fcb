import { BorderStyle } from "docx";

/**
 * The left rule of a quote by stance: colour for the screen, single or double for print in grey.
 * Shared by the docx library's writer (docx.ts) and the streamed one (docxStream.ts), so a quote
 * looks the same whichever wrote it.
 */
export const STANCE_RULES = {
  supports: { style: BorderStyle.SINGLE, size: 18, space: 8, color: "2E7D32" },
  contradicts: { style: BorderStyle.DOUBLE, size: 18, space: 8, color: "C62828" },
} as const;

/** The citation under a quote: upright and smaller (half-points). */
export const CITATION_RUN = { italics: false, size: 20 } as const;
