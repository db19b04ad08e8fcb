import type { RefiPreview } from "./plan.js";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The preview in words, one line each: the same lines in the CLI (`--dry-run`) and the app's preview dialog. */
export function refiPreviewLines(preview: RefiPreview, t: Translate): string[] {
  const reading = t(`refi.reading.${preview.reading.reading}`);
  const basis = t(`refi.reading.${preview.reading.basis}`, { fitting: preview.reading.fitting, checked: preview.reading.checked, count: preview.reading.checked });
  // Each count in words, plural by its number; a zero says nothing and is left out.
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([key, n]) => n > 0 && key !== "caseSelections")
      .map(([key, n]) => t(`count.${key}`, { count: n }))
      .join(", ");
  const add = list(preview.add);
  const already = list(preview.already);
  const notImported = list(preview.notImported);
  return [
    ...(preview.origin ? [t("refi.preview.origin", { origin: preview.origin })] : []),
    t("refi.preview.positions", { reading, basis }),
    add ? t("refi.preview.add", { list: add }) : t("refi.preview.nothingToAdd"),
    ...(already ? [t("refi.preview.already", { list: already })] : []),
    // Said outright when nothing is left behind; otherwise each thing left behind is named.
    ...(notImported ? [t("refi.preview.notImported", { list: notImported })] : preview.notImported.caseSelections || preview.codeSets?.length ? [] : [t("refi.preview.allImported")]),
    ...(preview.notImported.caseSelections ? [t("refi.preview.caseSelections", { count: preview.notImported.caseSelections })] : []),
    ...(preview.codeSets?.length ? [t("refi.preview.codeSets", { count: preview.codeSets.length, names: preview.codeSets.map((n) => `“${n}”`).join(", ") })] : []),
  ];
}
