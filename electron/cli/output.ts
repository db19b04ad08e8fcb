import { Buffer } from "node:buffer";
import { writeSync } from "node:fs";

const STREAMS = { 1: "stdout", 2: "stderr" } as const;

/**
 * Writes a command's output straight to its descriptor (1 or 2), not through process.stdout: making
 * that stream loads Node's net stack for a pipe (≈ 2 ms of CPU of a `tandai` call whose output a
 * script captures, 0.5 ms for a file), and a command prints a line or two. On Windows a console
 * needs the stream (it writes UTF-16 to the console; raw bytes would garble “quotes”), so there, and
 * whenever the descriptor cannot take the rest at once (a non-blocking pipe: EAGAIN), the stream
 * writes what is left. A reader that has gone (EPIPE, `tandai … | head -1`) is not an error.
 */
export function writeOut(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  if (process.platform !== "win32") {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
    }
  }
  process[STREAMS[fd]].write(bytes.subarray(done));
}
