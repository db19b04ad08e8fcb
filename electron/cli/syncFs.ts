// Node's own fs (build/bundle.mjs, fsPromisesSync): in dist/cli-hot.cjs every other module's
// `node:fs` is Node's fs with this file's `promises`. Named imports: a namespace import's copy of
// every export reads fs's descriptors, which loads fs.Dir.
import {
  accessSync,
  appendFileSync,
  closeSync,
  copyFileSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  promises as nodePromises,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type BigIntStatsFs,
} from "node:fs";
import type { BigIntStats, Dirent, MakeDirectoryOptions, Mode, ObjectEncodingOptions, OpenMode, PathLike, RmOptions, StatOptions, Stats, StatsFs, WriteFileOptions } from "node:fs";

/**
 * `fs.promises` for the one-shot commands of dist/cli-hot.cjs (`new`, `info`, `code`, `doc`), made of
 * fs's synchronous calls. The store works through fs.promises and its FileHandles; loading them
 * (internal/fs/promises, which brings readline, the watchers, fs.Dir and rimraf) was ≈ 2 ms of CPU of
 * every such call — 7 % of a bare node's start — and a command that waits for each step in turn gains
 * nothing from doing them off the main thread. Same results, same errors (as rejections, with the
 * same `code`, `syscall` and `path`), each done when its promise is made. Whatever is not here is
 * fs.promises' own, loaded on first use. The app, `tandai serve` and every other command keep
 * fs.promises itself.
 */
class SyncFileHandle {
  #closed = false;
  constructor(readonly fd: number) {}
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.fd);
  }
  async sync(): Promise<void> {
    fsyncSync(this.fd);
  }
  async datasync(): Promise<void> {
    fdatasyncSync(this.fd);
  }
  async stat(options?: StatOptions): Promise<Stats | BigIntStats> {
    return fstatSync(this.fd, options);
  }
  async truncate(length = 0): Promise<void> {
    ftruncateSync(this.fd, length);
  }
  async write(buffer: NodeJS.ArrayBufferView, offset?: number, length?: number, position?: number | null): Promise<{ bytesWritten: number; buffer: NodeJS.ArrayBufferView }> {
    if (typeof buffer === "string") throw new TypeError("cli/syncFs: FileHandle.write of a string is not supported here; write a Buffer");
    return { bytesWritten: writeSync(this.fd, buffer, offset, length, position), buffer };
  }
  async read(buffer: NodeJS.ArrayBufferView, offset?: number, length?: number, position?: number | null): Promise<{ bytesRead: number; buffer: NodeJS.ArrayBufferView }> {
    return { bytesRead: readSync(this.fd, buffer, offset ?? 0, length ?? buffer.byteLength - (offset ?? 0), position ?? null), buffer };
  }
  async readFile(options?: BufferEncoding | (ObjectEncodingOptions & { flag?: string }) | null): Promise<string | Buffer> {
    return readFileSync(this.fd, options);
  }
  async writeFile(data: string | NodeJS.ArrayBufferView, options?: WriteFileOptions): Promise<void> {
    writeFileSync(this.fd, data, options);
  }
  async appendFile(data: string | Uint8Array, options?: WriteFileOptions): Promise<void> {
    appendFileSync(this.fd, data, options);
  }
}

const syncPromises = {
  access: async (path: PathLike, mode?: number) => accessSync(path, mode),
  open: async (path: PathLike, flags?: OpenMode, mode?: Mode) => new SyncFileHandle(openSync(path, flags ?? "r", mode)),
  readFile: async (path: PathLike, options?: BufferEncoding | (ObjectEncodingOptions & { flag?: string }) | null) => readFileSync(path, options),
  writeFile: async (path: PathLike, data: string | NodeJS.ArrayBufferView, options?: WriteFileOptions) => writeFileSync(path, data, options),
  appendFile: async (path: PathLike, data: string | Uint8Array, options?: WriteFileOptions) => appendFileSync(path, data, options),
  mkdir: async (path: PathLike, options?: Mode | MakeDirectoryOptions | null) => mkdirSync(path, options),
  readdir: async (path: PathLike, options?: (ObjectEncodingOptions & { withFileTypes?: boolean; recursive?: boolean }) | BufferEncoding | null): Promise<string[] | Dirent[]> =>
    readdirSync(path, options as never),
  rm: async (path: PathLike, options?: RmOptions) => {
    // A file, as the store removes them (its temp files, the lock): unlink, without the rimraf that
    // rmSync loads. Anything else (a folder, a missing path without `force`) is rmSync's, errors and all.
    if (!options?.recursive) {
      try {
        return unlinkSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT" && options?.force) return;
      }
    }
    return rmSync(path, options);
  },
  rename: async (from: PathLike, to: PathLike) => renameSync(from, to),
  link: async (existing: PathLike, path: PathLike) => linkSync(existing, path),
  unlink: async (path: PathLike) => unlinkSync(path),
  copyFile: async (from: PathLike, to: PathLike, mode?: number) => copyFileSync(from, to, mode),
  stat: async (path: PathLike, options?: StatOptions) => statSync(path, options),
  lstat: async (path: PathLike, options?: StatOptions) => lstatSync(path, options),
  statfs: async (path: PathLike, options?: { bigint?: boolean }): Promise<StatsFs | BigIntStatsFs> => statfsSync(path, options),
  realpath: async (path: PathLike, options?: ObjectEncodingOptions | BufferEncoding | null) => realpathSync(path, options),
};

export const promises = new Proxy(syncPromises, {
  get: (target, key) => (Object.hasOwn(target, key) ? target[key as keyof typeof target] : Reflect.get(nodePromises, key)),
}) as unknown as typeof nodePromises;
