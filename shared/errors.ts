/**
 * An error a user should read. `code` is a key of the i18n catalogue's `errors` section and
 * `params` fill its placeholders, so the same error reads in Indonesian or English wherever
 * it surfaces (renderer, CLI). Always name the file or field that is wrong in `params`.
 */
export class TandaiError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "TandaiError";
  }
}

export interface ErrorPayload {
  code: string;
  params: Record<string, string | number>;
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof TandaiError) return { code: error.code, params: error.params };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: "errors.unexpected", params: { detail } };
}
