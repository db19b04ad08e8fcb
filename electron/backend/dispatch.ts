import { z } from "zod";
import { channels, TandaiError, toErrorPayload, type ChannelName, type Envelope, type TandaiApi } from "../../shared/index.js";

export function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

/**
 * The one door into the backend for every transport: validates the argument against the
 * contract's schema, calls the handler, and wraps the outcome so errors cross as translatable data.
 */
export async function dispatch(api: TandaiApi, name: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(name)) throw new TandaiError("errors.ipc.unknownChannel", { channel: name });
    const parsed = channels[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      throw new TandaiError("errors.ipc.badArgument", { channel: name, detail: z.prettifyError(parsed.error) });
    }
    const handler = api[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler.call(api, parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}
