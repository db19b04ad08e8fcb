/**
 * JSON for the web transport's requests, which must carry file bytes (Uint8Array) that plain JSON
 * cannot: bytes travel as {"$bytes": base64}. Responses never carry bytes and use plain JSON,
 * because a replacer or reviver makes JSON several times slower, and an open project's state can
 * be tens of megabytes. Electron's IPC clones bytes natively and needs none of this.
 */
import { TandaiError } from "../errors.js";

const BYTES = "$bytes";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Strict base64 as `toBase64` writes it (atob alone accepts spaces and missing padding). A plain
 * character class, because a pattern of 4-character groups overflows the regexp stack at 50 MB.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (text: string) => text.length % 4 === 0 && BASE64.test(text);

/** Bytes that are not base64: kept until the object holding them is revived, to name its file. */
class InvalidBytes {
  constructor(readonly field: string) {}
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES]: toBase64(v) } : v));
}

/** Throws `web.errors.badBytes` naming the file (its `name`, else the field) when bytes are not base64. */
export function decodeWire(text: string): unknown {
  let invalid = false;
  const value: unknown = JSON.parse(text, (key, v: unknown) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    if (typeof record[BYTES] === "string" && Object.keys(v).length === 1) {
      if (isBase64(record[BYTES])) return fromBase64(record[BYTES]);
      invalid = true;
      return new InvalidBytes(key);
    }
    // JSON revives inner values first, so the object holding bad bytes sees them and knows its name.
    if (invalid) {
      const bad = Object.values(record).find((x) => x instanceof InvalidBytes);
      if (bad) throw new TandaiError("web.errors.badBytes", { file: typeof record.name === "string" ? record.name : bad.field });
    }
    return v;
  });
  if (value instanceof InvalidBytes) throw new TandaiError("web.errors.badBytes", { file: value.field });
  return value;
}
