/**
 * JSON for the web transport's requests, which must carry file bytes (Uint8Array) that plain JSON
 * cannot: bytes travel as {"$bytes": base64}. Responses never carry bytes and use plain JSON,
 * because a replacer or reviver makes JSON several times slower, and an open project's state can
 * be tens of megabytes. Electron's IPC clones bytes natively and needs none of this.
 */
const BYTES = "$bytes";

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && typeof (v as Record<string, unknown>)[BYTES] === "string" && Object.keys(v).length === 1
      ? fromBase64((v as Record<string, string>)[BYTES]!)
      : v,
  );
}
