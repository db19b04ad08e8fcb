import type { RefiPreview } from "./plan.js";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The preview in words, one line each: the same lines in the CLI (`--dry-run`) and the app's preview dialog. */
export function refiPreviewLines(preview: RefiPreview, t: Translate): string[] {
  const reading = t(`refi.reading.${preview.reading.reading}`);
  const basis = t(`refi.reading.${preview.reading.basis}`, { fitting: preview.reading.fitting, checked: preview.reading.checked });
  return [
    ...(preview.origin ? [t("refi.preview.origin", { origin: preview.origin })] : []),
    t("refi.preview.positions", { reading, basis }),
    t("refi.preview.add", preview.add),
    t("refi.preview.already", preview.already),
    t("refi.preview.notImported", preview.notImported),
    ...(preview.notImported.caseSelections ? [t("refi.preview.caseSelections", { count: preview.notImported.caseSelections })] : []),
    ...(preview.codeSets?.length ? [t("refi.preview.codeSets", { count: preview.codeSets.length, names: preview.codeSets.map((n) => `“${n}”`).join(", ") })] : []),
  ];
}
