import { useTranslation } from "react-i18next";
import "./memo.css";

/** A coding's memo shown under its passage (in Retrieve), so memos are read where the evidence is. */
export function PassageMemo({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  if (!text?.trim()) return null;
  return (
    <p className="passage-memo" data-testid="passage-memo">
      <span className="badge">{t("memo.inRetrieve")}</span>
      <span>{text}</span>
    </p>
  );
}
