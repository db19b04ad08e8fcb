import { parseArgs } from "node:util";

type Options = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }>;

/**
 * util.parseArgs (strict, positionals allowed), without loading it for the usual command line:
 * words, and long options of the table as `--name value`, `--name=value` or `--flag`. Anything else —
 * a short option, `--`, an unknown option, a missing or dash-led value (`--quote -kata`; `--quote=-kata`
 * is a value), a value given to a flag — is parseArgs' own, errors and all. Loading parseArgs was ≈ 0.6 ms of CPU of every `tandai` call.
 */
export function parseCommandLine<T extends Options>(args: string[], options: T): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>> {
  return (quickParse(args, options) ?? parseArgs({ args, options, allowPositionals: true, strict: true })) as ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;
}

/** What parseArgs returns for the usual command line (its values without a prototype, as parseArgs makes them), or undefined for the rest. */
export function quickParse(args: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } | undefined {
  const values: Record<string, unknown> = Object.create(null);
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.length < 2 || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") return undefined;
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals < 0 ? undefined : equals);
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option) return undefined;
    let value: string | boolean;
    if (option.type === "boolean") {
      if (equals >= 0) return undefined;
      value = true;
    } else if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = args[i + 1];
      // As parseArgs: a dash-led value is ambiguous (a forgotten value?), a lone "-" is a value.
      if (next === undefined || (next.length > 1 && next.startsWith("-"))) return undefined;
      value = next;
      i++;
    }
    if (option.multiple) ((values[name] ??= []) as unknown[]).push(value);
    else values[name] = value;
  }
  return { values, positionals };
}
