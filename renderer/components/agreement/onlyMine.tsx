import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { useApp } from "../../state/app.js";

/** "Show only my codings", one switch for the whole window: the document view, Retrieve, the indicators and the codebook counts follow it. */
let onlyMine = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));
const set = (value: boolean) => {
  onlyMine = value;
  for (const listener of listeners) listener();
};

/** The coder whose codings alone are shown, or null when the switch is off (everyone's shown). */
export function useShownCoder(): string | null {
  const app = useApp();
  const on = useSyncExternalStore(subscribe, () => onlyMine);
  return on ? app.preferences.coderName : null;
}

export function OnlyMineSwitch() {
  const { t } = useTranslation();
  const app = useApp();
  const on = useSyncExternalStore(subscribe, () => onlyMine);
  return (
    <label className="checkbox only-mine" title={t("agreement.panel.onlyMineHint")}>
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} data-testid="only-mine" />
      {t("agreement.panel.onlyMine", { coder: app.preferences.coderName || "–" })}
    </label>
  );
}
