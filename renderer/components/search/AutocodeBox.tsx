import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AUTOCODE_UNITS, codePath, flattenCodebook, PATH_SEPARATOR, type AutocodeResult, type AutocodeUnit, type CodeId, type HitRef, type SearchRequest } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { useMirror, useProject } from "../../state/context.js";

/** The preview lists this many passages; the count above it is exact. */
const SHOWN = 300;

const UNIT_LABEL: Record<AutocodeUnit, string> = { word: "unitWord", sentence: "unitSentence", paragraph: "unitParagraph", turn: "unitTurn" };

/**
 * Auto-coding the hits of the current search: pick a code (or name a new one), the unit and which
 * hits; the preview shows exactly what will be coded and what is skipped as already coded; applying
 * is one batch, so one undo takes it back.
 */
export function AutocodeBox({ request, ticked, onDone }: { request: SearchRequest; ticked: HitRef[]; onDone(): void }) {
  const { t } = useTranslation();
  const app = useApp();
  const mirror = useMirror();
  const { state } = useProject();
  const [codeId, setCodeId] = useState<CodeId | "">("");
  const [newCode, setNewCode] = useState("");
  const [unit, setUnit] = useState<AutocodeUnit>("sentence");
  const [onlyTicked, setOnlyTicked] = useState(false);
  const [preview, setPreview] = useState<AutocodeResult | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const args = (dryRun: boolean) => ({
    search: { ...request, offset: 0 },
    ...(codeId ? { codeId } : newCode.trim() ? { newCode: newCode.trim() } : {}),
    unit,
    dryRun,
    ...(onlyTicked ? { hits: ticked } : {}),
  });
  const changed = () => (setPreview(null), setDone(null));

  async function run(dryRun: boolean) {
    try {
      const result = await api.autocode(args(dryRun));
      if (dryRun) return setPreview(result), setDone(null);
      if (result.applied) mirror.receive(result.applied);
      setPreview(null);
      setDone(result.count ? t("search.autocode.done", { count: result.count, code: result.code }) : t("search.autocode.nothing"));
      onDone();
    } catch (error) {
      app.showError(error);
    }
  }

  return (
    <section className="autocode" data-testid="autocode">
      <h3>{t("search.autocode.title")}</h3>
      <div className="autocode-grid">
        <label>
          {t("search.autocode.code")}
          <select value={codeId} onChange={(e) => (setCodeId(e.target.value as CodeId), changed())} data-testid="autocode-code">
            <option value="">{t("search.autocode.newCode")}</option>
            {flattenCodebook(state).map(({ code }) => (
              <option key={code.id} value={code.id}>
                {codePath(state, code.id).join(` ${PATH_SEPARATOR} `)}
              </option>
            ))}
          </select>
        </label>
        {!codeId && <input value={newCode} onChange={(e) => (setNewCode(e.target.value), changed())} aria-label={t("search.autocode.newCode")} placeholder={t("search.autocode.newCode")} data-testid="autocode-new" />}
        <label>
          {t("search.autocode.unit")}
          <select value={unit} onChange={(e) => (setUnit(e.target.value as AutocodeUnit), changed())} data-testid="autocode-unit">
            {AUTOCODE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`search.autocode.${UNIT_LABEL[u]}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("search.autocode.which")}
          <select value={onlyTicked ? "ticked" : "all"} onChange={(e) => (setOnlyTicked(e.target.value === "ticked"), changed())} data-testid="autocode-which">
            <option value="all">{t("search.autocode.all")}</option>
            <option value="ticked" disabled={!ticked.length}>
              {t("search.autocode.ticked", { count: ticked.length })}
            </option>
          </select>
        </label>
      </div>
      <div className="autocode-actions">
        <button onClick={() => void run(true)} data-testid="autocode-preview">
          {t("search.autocode.preview")}
        </button>
        {preview && preview.count > 0 && (
          <button className="primary" onClick={() => void run(false)} data-testid="autocode-apply">
            {t("search.autocode.apply", { count: preview.count })}
          </button>
        )}
      </div>
      {done && <p className="autocode-done" role="status" data-testid="autocode-done">{done}</p>}
      {preview && (
        <div className="autocode-preview" data-testid="autocode-plan">
          <p>{preview.count ? t("search.autocode.willAdd", { count: preview.count }) : t("search.autocode.nothing")}</p>
          <ol>
            {preview.codings.slice(0, SHOWN).map((p) => (
              <li key={`${p.documentId}:${p.start}`} data-testid="autocode-planned">
                <strong>{p.document}</strong> <q>{p.text}</q>
              </li>
            ))}
          </ol>
          {preview.codings.length > SHOWN && <p className="muted">{t("search.autocode.andMore", { count: preview.codings.length - SHOWN })}</p>}
          {preview.skipped.length > 0 && (
            <>
              <p className="muted">{t("search.autocode.skipped", { count: preview.skipped.length })}</p>
              <ol className="muted">
                {preview.skipped.slice(0, SHOWN).map((p) => (
                  <li key={`${p.documentId}:${p.start}`} data-testid="autocode-skipped">
                    <strong>{p.document}</strong> <q>{p.text}</q>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </section>
  );
}
