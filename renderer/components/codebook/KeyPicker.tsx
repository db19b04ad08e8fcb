import { useTranslation } from "react-i18next";
import { CODE_KEYS, codePathLabel, type Code } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { Popover } from "./Popover.js";
import { useCodeKeys } from "./useCodeKeys.js";

/** Pins a code to one of the keys 1–9 (showing which code holds each now), or unpins it. */
export function KeyPicker({ code, x, y, onPick, onClose }: { code: Code; x: number; y: number; onPick(key: number | null): void; onClose(): void }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const { byKey } = useCodeKeys();
  return (
    <Popover x={x} y={y} role="dialog" label={t("keys.title", { name: code.name })} className="key-picker" testId="key-picker" onClose={onClose}>
      <div className="panel-title">{t("keys.title", { name: code.name })}</div>
      <p className="muted key-hint">{t("keys.hint")}</p>
      <div className="key-grid" role="group">
        {CODE_KEYS.map((key) => {
          const holder = byKey.get(key);
          const mine = code.key === key;
          return (
            <button
              key={key}
              type="button"
              className={`key-choice${mine ? " active" : ""}`}
              aria-pressed={mine}
              title={t("keys.pick", { key })}
              data-testid="key-choice"
              data-key={key}
              onClick={() => onPick(key)}
            >
              <kbd>{key}</kbd>
              <span className="muted key-holder">
                {holder ? t("keys.heldBy", { code: codePathLabel(state, holder.code.id) }) : t("keys.free")}
              </span>
            </button>
          );
        })}
      </div>
      <button type="button" className="key-unpin" disabled={code.key === undefined} onClick={() => onPick(null)} data-testid="key-unpin">
        {t("keys.unpin")}
      </button>
    </Popover>
  );
}
