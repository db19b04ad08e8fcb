import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Held {
  mtimeMs: number;
  size: number;
  body: Buffer;
}

/**
 * The renderer's built files, held in memory and handed to the socket whole (`res.end(body)`).
 * Streamed from disk, a 600 kB chunk took a dozen 64 kB reads, each an event-loop turn; the page's
 * boot script asks for the project as soon as it runs, and the backend's open of it then held
 * this same loop, so the app's code arrived behind the open (cold start traces: the main chunk's
 * last bytes 90–250 ms after it was asked for; docs/PERFORMANCE.md, "the renderer's files from
 * memory"). Reads and stats are synchronous on purpose: a few small local files, and no turn of
 * the loop between the request and its answer. A file changed on disk (a rebuild while the
 * server runs) is read again, by its size and time.
 */
export class StaticFiles {
  private readonly held = new Map<string, Held>();

  /** Reads every file of `root` and its `assets` folder ahead of the first request. */
  constructor(root: string) {
    for (const dir of [root, join(root, "assets")]) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        continue; // no such folder: each request says 404 as before
      }
      for (const name of names) this.read(join(dir, name));
    }
  }

  /** The file's bytes, or null if it is not a file. */
  read(file: string): Buffer | null {
    let info;
    try {
      info = statSync(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const held = this.held.get(file);
    if (held && held.mtimeMs === info.mtimeMs && held.size === info.size) return held.body;
    const body = readFileSync(file);
    this.held.set(file, { mtimeMs: info.mtimeMs, size: info.size, body });
    return body;
  }
}
