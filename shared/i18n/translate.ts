import { catalogues, type Language } from "./catalogues.js";

/**
 * Looks up `key` ("area.path.to.string") and fills `{{placeholders}}`. A minimal stand-in for
 * i18next where its instance is not at hand (CLI, main process dialogs); the renderer uses i18next
 * over the same catalogues.
 */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogues[language];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") return key;
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
