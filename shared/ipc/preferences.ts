import { z } from "zod";
import { LANGUAGES } from "../i18n/catalogues.js";
import { lazySchema } from "../model/lazySchema.js";

/**
 * The user's preferences, in their own module (re-exported by the contract) so that `tandai code`,
 * which reads the coder's name from them, does not build every channel's schema at start-up.
 */
export const Preferences = lazySchema(() =>
  z.object({
    language: z.enum(LANGUAGES),
    coderName: z.string().trim().max(100),
  }),
);
export type Preferences = z.infer<typeof Preferences>;
