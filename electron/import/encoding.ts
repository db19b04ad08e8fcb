/** The encodings a .txt/.md file is read in, by their WHATWG TextDecoder labels. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  /** `badEncoding`: a BOM promised an encoding the bytes break; `notText`: binary data. */
  | { ok: false; reason: "notText" | "badEncoding"; encoding?: TextEncodingName };

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** How many leading bytes the UTF-16 guess looks at; plenty to see the NUL pattern. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Decodes a text file's bytes without garbling them: a BOM decides (and is dropped); otherwise
 * UTF-16 when the NUL bytes fall in every other position, then strict UTF-8, then Windows-1252
 * (what Notepad and Word on Indonesian Windows save as "ANSI"). Anything that decodes to NULs or
 * many control characters is binary, not text. UTF-16 without a BOM and without ASCII in it (no
 * NUL pattern) cannot be told apart from binary reliably and is not attempted.
 */
export function decodeText(data: Uint8Array): DecodeResult {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => data[i] === byte));
  if (bom) {
    const text = strictDecode(bom.encoding, data.subarray(bom.bytes.length));
    if (text === null) return { ok: false, reason: "badEncoding", encoding: bom.encoding };
    return looksLikeText(text) ? { ok: true, text, encoding: bom.encoding } : { ok: false, reason: "notText" };
  }
  const utf16 = guessUtf16(data);
  if (utf16) {
    const text = strictDecode(utf16, data);
    if (text !== null && looksLikeText(text)) return { ok: true, text, encoding: utf16 };
  }
  const utf8 = strictDecode("utf-8", data);
  if (utf8 !== null) return looksLikeText(utf8) ? { ok: true, text: utf8, encoding: "utf-8" } : { ok: false, reason: "notText" };
  const ansi = decodeWindows1252(data);
  return looksLikeText(ansi) ? { ok: true, text: ansi, encoding: "windows-1252" } : { ok: false, reason: "notText" };
}

/** Windows-1252's bytes 0x80–0x9F, which differ from Latin-1 (the five it leaves undefined stay C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

/**
 * Windows-1252 as the WHATWG Encoding standard defines it. Node 20's
 * `new TextDecoder("windows-1252")` decodes plain Latin-1 instead (curly quotes, dashes and € come
 * out as C1 control characters), so the 0x80–0x9F range is mapped here; where the decoder is
 * correct the mapping changes nothing.
 */
export function decodeWindows1252(data: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(data).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM: ASCII characters (spaces, digits, line breaks, Latin letters) carry a
 * zero high byte, so text has NULs at odd offsets (LE) or even offsets (BE) and almost none at
 * the other parity. Random or structured binary data does not show that lopsided pattern.
 */
export function guessUtf16(data: Uint8Array): "utf-16le" | "utf-16be" | null {
  const pairs = Math.floor(Math.min(data.length, SAMPLE_BYTES) / 2);
  if (pairs === 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs; i++) {
    if (data[2 * i] === 0) evenNuls++;
    if (data[2 * i + 1] === 0) oddNuls++;
  }
  const lopsided = (many: number, few: number) => many >= pairs * 0.1 && few <= many * 0.1;
  if (lopsided(oddNuls, evenNuls)) return "utf-16le";
  if (lopsided(evenNuls, oddNuls)) return "utf-16be";
  return null;
}

/** Text has no NULs and (almost) no control characters; binary decoded as text has plenty. */
export function looksLikeText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (isStrayControl(c)) controls++;
  }
  return controls <= text.length * 0.01;
}

/**
 * C0 and C1 control characters other than tab, line feed, vertical tab, form feed, carriage
 * return and the old DOS end-of-file mark (0x1A), which real text files do contain.
 */
function isStrayControl(c: number): boolean {
  if (c < 0x20) return !(c >= 0x09 && c <= 0x0d) && c !== 0x1a;
  return c >= 0x7f && c <= 0x9f;
}
