/**
 * Running the real `tandai` command as a child process: its output line by line, its peak memory
 * (VmHWM from /proc, sampled, so it is known even for a process that is killed), a time limit, and
 * a SIGKILL on request.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory seen, in MiB (0 when the process ended before the first sample). */
  peakMiB: number;
  ms: number;
  /** We sent SIGKILL to a process that was still running. */
  killed: boolean;
  /** It ran past its time limit (and was killed for it). */
  timedOut: boolean;
}

export interface Running {
  child: ChildProcess;
  /** SIGKILLs the process if it is still running; true if it was. */
  kill(): boolean;
  done: Promise<Finished>;
  /** Called with each complete line of standard output. */
  onLine(listener: (line: string) => void): void;
}

function peakKiB(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Starts `node bin/tandai.js …args` in `root` (the repository) with `env` added. */
export function tandai(root: string, args: string[], env: Record<string, string>, timeoutMs: number): Running {
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, "bin", "tandai.js"), ...args], { cwd: env.SOAK_CWD ?? root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let partial = "";
  let peak = 0;
  let killed = false;
  let timedOut = false;
  const listeners: ((line: string) => void)[] = [];
  child.stdout!.setEncoding("utf8");
  child.stderr!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    stdout += chunk;
    partial += chunk;
    const lines = partial.split("\n");
    partial = lines.pop()!;
    for (const line of lines) for (const listener of listeners) listener(line);
  });
  // Keep only the start and end of a long error output (a stack trace is at the start).
  child.stderr!.on("data", (chunk: string) => void (stderr = (stderr + chunk).slice(0, 20_000)));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const sample = setInterval(() => void (alive() && child.pid && (peak = Math.max(peak, peakKiB(child.pid)))), 20);
  const kill = () => {
    if (!alive()) return false;
    killed = child.kill("SIGKILL");
    return killed;
  };
  const limit = setTimeout(() => {
    if (alive()) {
      timedOut = true;
      kill();
    }
  }, timeoutMs);
  const done = new Promise<Finished>((resolve) => {
    child.on("close", (code, signal) => {
      clearInterval(sample);
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr, peakMiB: Math.round(peak / 1024), ms: Date.now() - started, killed, timedOut });
    });
  });
  return { child, kill, done, onLine: (listener) => void listeners.push(listener) };
}

/** The JSON objects a `--json` command printed, one per complete line (a torn last line is skipped). */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Cut off by the kill: never acknowledged.
    }
  }
  return out;
}
