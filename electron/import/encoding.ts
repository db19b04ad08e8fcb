import chardet from "chardet";

/**
 * How a text file's bytes were decoded: the WHATWG TextDecoder name ("utf-8", "utf-16le",
 * "windows-1252", "euc-kr", "gb18030", "koi8-r", "shift_jis", …).
 */
export type TextEncodingName = string;

/** Why the decoding is worth a word to the user: a guess, or a few bytes that were not valid. */
export type DecodeNotice = { key: "encodingAssumed"; encoding: string } | { key: "badBytesReplaced"; encoding: string; count: number };

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; notice?: DecodeNotice }
  /** `badEncoding`: a BOM promised an encoding the bytes break; `notText`: binary data; `unknownEncoding`: the encoding asked for does not exist. */
  | { ok: false; reason: "notText" | "badEncoding" | "unknownEncoding"; encoding?: TextEncodingName };

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** How many leading bytes the UTF-16 guess and the encoding detector look at. */
const SAMPLE_BYTES = 256 * 1024;

/** Below this confidence (chardet's 0–100) the detected encoding is only an assumption, and said so. */
const SURE = 50;

/**
 * Single-byte Latin encodings chardet tells apart only by letter statistics (Turkish, Czech,
 * Baltic, …). For Tandai's writers the likely one is Windows-1252, Notepad's "ANSI" on an
 * Indonesian or Western Windows, so an unsure guess among them becomes that.
 */
const LATIN = new Set(["iso-8859-1", "iso-8859-2", "iso-8859-9", "windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258"]);

/**
 * Decodes a text file's bytes without garbling them, or says why it cannot:
 * - an encoding the user chose decodes as it is (`unknownEncoding` for a name that is none);
 * - a BOM decides (and is dropped);
 * - UTF-16 without a BOM when the NUL bytes fall in every other position;
 * - valid UTF-8 is UTF-8; UTF-8 with a few bad bytes (a damaged save) is UTF-8 with those bytes
 *   replaced by U+FFFD, and a notice that counts them;
 * - anything else with NUL bytes is binary;
 * - otherwise chardet's best guess among the encodings TextDecoder knows (EUC-KR, GB18030,
 *   Shift-JIS, KOI8-R, Windows-1252, …), with a notice naming it when chardet is unsure;
 * - whatever then decodes to many control characters is binary, not text.
 */
export function decodeText(data: Uint8Array, chosen?: string): DecodeResult {
  if (chosen) {
    const decoder = decoderFor(chosen);
    if (!decoder) return { ok: false, reason: "unknownEncoding", encoding: chosen };
    const bom = BOMS.find((b) => b.encoding === decoder.encoding && b.bytes.every((byte, i) => data[i] === byte));
    const text = decoder.decode(bom ? data.subarray(bom.bytes.length) : data);
    return looksLikeText(text) ? { ok: true, text, encoding: decoder.encoding } : { ok: false, reason: "notText" };
  }
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
  const damaged = mostlyUtf8(data);
  if (damaged) return damaged;
  if (data.subarray(0, SAMPLE_BYTES).includes(0)) return { ok: false, reason: "notText" };
  const { encoding, sure } = detectLegacy(data);
  const text = new TextDecoder(encoding).decode(data);
  if (!looksLikeText(text)) return { ok: false, reason: "notText" };
  return sure ? { ok: true, text, encoding } : { ok: true, text, encoding, notice: { key: "encodingAssumed", encoding } };
}

/** A decoder for an encoding label, or null for a label TextDecoder does not know. */
function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(label.trim(), { ignoreBOM: true });
  } catch {
    return null;
  }
}

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-8 broken in a few places (a byte flipped, a truncated character): every other multi-byte
 * character is valid UTF-8, which no legacy encoding's text is by chance. The bad bytes become
 * U+FFFD and the notice says how many, rather than refusing the file as binary or reading it all
 * as Windows-1252 mojibake.
 */
function mostlyUtf8(data: Uint8Array): DecodeResult | null {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(data);
  let replaced = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if (c > 0x7f) valid++;
  }
  if (valid === 0 || replaced > Math.max(1, valid * 0.05) || !looksLikeText(text)) return null;
  return { ok: true, text, encoding: "utf-8", notice: { key: "badBytesReplaced", encoding: "utf-8", count: replaced } };
}

/** chardet's best guess among the encodings this platform's TextDecoder can decode, and whether it is sure. */
function detectLegacy(data: Uint8Array): { encoding: TextEncodingName; sure: boolean } {
  const matches = chardet.analyse(data.subarray(0, SAMPLE_BYTES));
  for (const match of matches) {
    const decoder = decoderFor(match.name);
    // ASCII and the Unicode encodings were ruled out above; what chardet still offers of them is noise.
    if (!decoder || /^(utf-|ascii)/i.test(match.name)) continue;
    const encoding = decoder.encoding;
    if (match.confidence >= SURE) return { encoding, sure: true };
    return { encoding: LATIN.has(encoding) ? "windows-1252" : encoding, sure: false };
  }
  return { encoding: "windows-1252", sure: false };
}

/**
 * UTF-16 without a BOM: ASCII characters (spaces, digits, line breaks, Latin letters) carry a
 * zero high byte, so text has NULs at odd offsets (LE) or even offsets (BE) and almost none at
 * the other parity. A stray NUL or two in otherwise 8-bit data ("hello\0world") is not that
 * pattern: a fifth of the characters at least must show it.
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
  const lopsided = (many: number, few: number) => many >= Math.max(2, pairs * 0.2) && few <= many * 0.1;
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
