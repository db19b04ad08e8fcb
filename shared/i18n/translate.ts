import { catalogues, type Language } from "./catalogues.js";

/**
 * Looks up `key` ("area.path.to.string") and fills `{{placeholders}}`. A minimal stand-in for
 * i18next where its instance is not at hand (CLI, main process dialogs); the renderer uses i18next
 * over the same catalogues.
 */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const parts = key.split(".");
  const last = parts.pop()!;
  let parent: unknown = catalogues[language];
  for (const part of parts) parent = (parent as Record<string, unknown> | undefined)?.[part];
  const entries = parent as Record<string, unknown> | undefined;
  let node = entries?.[last];
  // Plurals as i18next keeps them: `key_one`, `key_other`, chosen by `count`.
  if (typeof node !== "string" && typeof params.count === "number") node = entries?.[`${last}_${new Intl.PluralRules(language).select(params.count)}`] ?? entries?.[`${last}_other`];
  if (typeof node !== "string") return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
