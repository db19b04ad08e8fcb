import { TandaiError } from "../errors.js";
import type { AttributeDefinition, AttributeValue } from "../model/project.js";

/** An ISO calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The value as it is stored, or null for a value that clears (an empty text); throws a TandaiError
 * naming the attribute and the value when the value does not fit the attribute's type.
 */
export function checkAttributeValue(attribute: AttributeDefinition, value: AttributeValue): AttributeValue | null {
  const shown = String(value);
  switch (attribute.type) {
    case "text": {
      if (typeof value !== "string") throw new TandaiError("errors.op.attributeNotText", { attribute: attribute.name, value: shown });
      const trimmed = value.trim();
      return trimmed === "" ? null : trimmed;
    }
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw new TandaiError("errors.op.attributeNotNumber", { attribute: attribute.name, value: shown });
      return value;
    case "date":
      if (typeof value !== "string" || !isIsoDate(value)) throw new TandaiError("errors.op.attributeNotDate", { attribute: attribute.name, value: shown });
      return value;
    case "choice": {
      const choices = attribute.choices ?? [];
      if (typeof value !== "string" || !choices.includes(value)) {
        throw new TandaiError("errors.op.attributeNotChoice", { attribute: attribute.name, value: shown, choices: choices.join(", ") });
      }
      return value;
    }
  }
}

/**
 * A number typed by a researcher: "1.5", "1,5" (the Indonesian decimal comma) or "1.000.000" /
 * "1,000,000" with thousands separators. NaN when it is not a number.
 */
export function parseNumberInput(input: string): number {
  let text = input.trim().replace(/\s/g, "");
  if (text === "") return Number.NaN;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  if (dots > 1 && commas <= 1) text = text.replace(/\./g, "").replace(",", ".");
  else if (commas > 1 && dots <= 1) text = text.replace(/,/g, "");
  else if (dots === 1 && commas === 1) text = text.indexOf(",") > text.indexOf(".") ? text.replace(".", "").replace(",", ".") : text.replace(",", "");
  else if (commas === 1) text = text.replace(",", ".");
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
}
