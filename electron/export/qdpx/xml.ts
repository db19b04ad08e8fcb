/** Any character `esc` changes: most values (GUIDs, numbers, names) have none and are returned as they are. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold, and the ones escaped
const SPECIAL = /[\u0000-\u001F&<>"\uFFFE\uFFFF]/;

/** Text as XML character data or an attribute value: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function esc(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

/** An element's attributes, those undefined or empty left out. (A loop, not entries/filter/map: it runs several times per coding.) */
export function attrs(values: Record<string, string | number | undefined>): string {
  let out = "";
  for (const key in values) {
    const v = values[key];
    if (v === undefined || v === "") continue;
    out += ` ${key}="${typeof v === "number" ? String(v) : esc(v)}"`;
  }
  return out;
}
