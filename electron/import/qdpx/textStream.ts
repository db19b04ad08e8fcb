/**
 * Bytes of an XML file, arriving in chunks, decoded to text as they come: UTF-8 or UTF-16 by the
 * BOM (or by the `<` of the first character, as the XML standard's Appendix F says), otherwise the
 * encoding the XML declaration names (a tool writing windows-1252 says so), otherwise UTF-8.
 * Decoding is strict: bytes that are not text in that encoding end the reading (null from push/end),
 * rather than turning into replacement characters inside a quote.
 */
export class XmlTextStream {
  private decoder: InstanceType<typeof TextDecoder> | null = null;
  private head: Uint8Array = new Uint8Array(0);
  private failed = false;

  /** The text of the next chunk (possibly ""), or null when the bytes are not text. */
  push(chunk: Uint8Array): string | null {
    if (this.failed) return null;
    if (!this.decoder) {
      // The encoding is told by the first bytes: wait for enough of them (a declaration fits in 256).
      this.head = concat(this.head, chunk);
      if (this.head.length < 256) return "";
      chunk = this.head;
      this.decoder = chooseDecoder(chunk);
      this.head = new Uint8Array(0);
    }
    return this.decode(chunk, true);
  }

  /** The rest of the text, or null when the bytes are not text. */
  end(): string | null {
    if (this.failed) return null;
    if (!this.decoder) {
      this.decoder = chooseDecoder(this.head);
      return this.decode(this.head, false);
    }
    return this.decode(new Uint8Array(0), false);
  }

  private decode(bytes: Uint8Array, stream: boolean): string | null {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      this.failed = true;
      return null;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** The decoder the first bytes call for; the BOM itself is dropped by the decoder. */
function chooseDecoder(head: Uint8Array): InstanceType<typeof TextDecoder> {
  const [a, b, c] = head;
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le", { fatal: true });
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be", { fatal: true });
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder("utf-8", { fatal: true });
  if (a === 0x3c && b === 0x00) return new TextDecoder("utf-16le", { fatal: true });
  if (a === 0x00 && b === 0x3c) return new TextDecoder("utf-16be", { fatal: true });
  const declared = /^<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(String.fromCharCode(...head.subarray(0, 256)))?.[1];
  // (A declared UTF-16 without its BOM or a leading `<\0` is not UTF-16: it is read as UTF-8.)
  if (declared && !/^utf-?(8|16)/i.test(declared)) {
    try {
      return new TextDecoder(declared, { fatal: true });
    } catch {
      // A name TextDecoder does not know: read as UTF-8, which fails clearly if it is not.
    }
  }
  return new TextDecoder("utf-8", { fatal: true });
}
