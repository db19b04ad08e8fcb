import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { descriptionParams, languageFromLocale, type OpDescription } from "../../../shared/index.js";

/** A step of the history in the UI's language; a step recorded without words reads as "a change". */
export function useDescribe(): (description: OpDescription | null) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (description) => {
      if (!description) return t("history.op.batch", { count: 1 });
      return t(description.key, descriptionParams(description, languageFromLocale(i18n.language)));
    },
    [t, i18n.language],
  );
}
