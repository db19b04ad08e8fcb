import { open, stat, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { TandaiError } from "../../shared/index.js";
import { detailOf, importError } from "./errors.js";
import { MAX_IMPORT_BYTES, tooLargeParams } from "../../shared/model/limits.js";

/**
 * Reads a file for import. The path is stat'ed before it is opened: opening a FIFO for reading
 * blocks until a writer comes, forever, and a device may never end, so anything that is not a
 * regular file is refused unopened. The size is checked again on the opened handle before a byte is
 * read, so a huge file is refused at once; the handle also means the file checked is the file read.
 */
export async function readImportFile(path: string): Promise<{ name: string; data: Uint8Array<ArrayBuffer> }> {
  const name = basename(path);
  let handle: FileHandle;
  try {
    if (!(await stat(path)).isFile()) throw importError("notAFile", name);
    handle = await open(path, "r");
  } catch (error) {
    throw openError(name, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw importError("notAFile", name);
    if (info.size > MAX_IMPORT_BYTES) throw importError("tooLarge", name, tooLargeParams(info.size));
    const data = await handle.readFile();
    // It may have grown since the check.
    if (data.byteLength > MAX_IMPORT_BYTES) throw importError("tooLarge", name, tooLargeParams(data.byteLength));
    // readFile never hands back shared memory; the view is the same bytes, not a copy.
    return { name, data: new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength) };
  } catch (error) {
    if (error instanceof TandaiError) throw error;
    throw importError("unreadable", name, { detail: detailOf(error) });
  } finally {
    await handle.close();
  }
}

function openError(name: string, error: unknown) {
  if (error instanceof TandaiError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return importError("notFound", name);
  if (code === "EISDIR") return importError("notAFile", name);
  return importError("unreadable", name, { detail: detailOf(error) });
}
