import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as indonesian } from "@orama/stemmers/indonesian";
import type { Stemmers } from "../../shared/search/stemmers.js";

/** The Snowball stemmers search uses: Indonesian ("penganggaran" → "anggar") and English. */
export const snowball: Stemmers = { id: indonesian, en: english };
