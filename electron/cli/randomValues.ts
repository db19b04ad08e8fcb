import { closeSync, openSync, readSync } from "node:fs";
import type { webcrypto } from "node:crypto";

type Crypto = webcrypto.Crypto;

/**
 * `crypto.getRandomValues` for the CLI process, from the OS's own generator (/dev/urandom, which is
 * what Node's WebCrypto draws from too) instead of WebCrypto: the first read of `globalThis.crypto`
 * loads Node's whole WebCrypto (keys, hashes, WebIDL: ≈ 3–5 ms of CPU of a call that makes one id,
 * as `tandai code` does). Only `getRandomValues` is taken over; any other property (`subtle`,
 * `randomUUID`) reads the real WebCrypto. Where there is no /dev/urandom (Windows) nothing changes.
 */
export function useOsRandomValues(): void {
  const real = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  if (process.platform === "win32" || !real?.configurable || !real.get) return;
  const webCrypto = () => real.get!.call(globalThis) as Crypto;
  const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    // WebCrypto's limits: integer arrays only, at most 65,536 bytes at a time.
    if (!(array instanceof Int8Array || array instanceof Uint8Array || array instanceof Uint8ClampedArray || array instanceof Int16Array || array instanceof Uint16Array || array instanceof Int32Array || array instanceof Uint32Array || array instanceof BigInt64Array || array instanceof BigUint64Array) || array.byteLength > 65_536) {
      return webCrypto().getRandomValues(array as never);
    }
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    let fd: number;
    try {
      fd = openSync("/dev/urandom", "r");
    } catch {
      return webCrypto().getRandomValues(array as never);
    }
    try {
      for (let at = 0; at < bytes.length; ) {
        const read = readSync(fd, bytes, at, bytes.length - at, null);
        if (read <= 0) throw new Error("/dev/urandom: no more bytes");
        at += read;
      }
    } finally {
      closeSync(fd);
    }
    return array;
  };
  const crypto = new Proxy({} as Crypto, {
    get: (_target, key) => {
      if (key === "getRandomValues") return getRandomValues;
      const real = webCrypto();
      const value: unknown = Reflect.get(real, key);
      // WebCrypto's methods check that `this` is the real Crypto.
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
  Object.defineProperty(globalThis, "crypto", { configurable: true, enumerable: real.enumerable, get: () => crypto, set: real.set });
}
