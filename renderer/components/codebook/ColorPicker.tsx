import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CODE_COLORS } from "../../../shared/index.js";

/**
 * The palette of code colours plus the system colour picker. A swatch applies at once; the system
 * picker previews while it is open and applies when the user closes it (its `change` event), so
 * dragging through colours does not fill the undo history.
 */
export function ColorPicker({ value, onPick }: { value: string; onPick(color: string): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const current = value.toLowerCase();

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    const onChange = () => {
      setDraft(null);
      pick.current(el.value.toLowerCase());
    };
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  }, []);

  return (
    <div className="color-picker" data-testid="color-picker">
      <div className="color-swatches" role="group" aria-label={t("codebook.color.palette")}>
        {CODE_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`color-swatch${color === current ? " current" : ""}`}
            style={{ background: color }}
            aria-label={t("codebook.color.swatch", { color })}
            aria-pressed={color === current}
            title={color}
            data-color={color}
            onClick={() => onPick(color)}
          />
        ))}
      </div>
      <label className="color-custom">
        <input ref={input} type="color" value={draft ?? current} onChange={(e) => setDraft(e.target.value)} data-testid="color-input" />
        <span>{t("codebook.color.custom")}</span>
        <code className="muted">{draft ?? current}</code>
      </label>
    </div>
  );
}
