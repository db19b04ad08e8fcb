import type { Language } from "../../shared/index.js";

export interface CliContext {
  language: Language;
  json: boolean;
  t: (key: string, params?: Record<string, string | number>) => string;
  print: (text: string) => void;
  printError: (text: string) => void;
}

/** Prints a result: the object as JSON with --json, else the human line. */
export function report(ctx: CliContext, result: object, line: string): void {
  ctx.print(ctx.json ? JSON.stringify({ ok: true, ...result }) : line);
}
