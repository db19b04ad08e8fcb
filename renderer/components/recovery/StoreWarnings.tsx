import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ErrorPayload } from "../../../shared/index.js";
import { onStoreWarnings } from "../../api/storeWarnings.js";

/** At most this many different warnings are shown at once (the newest). */
const SHOWN = 3;
const keyOf = (w: ErrorPayload) => `${w.code} ${JSON.stringify(w.params)}`;

/**
 * What the project's store could not do but lost nothing by — folding the journal into
 * project.json on a full disk (the message names the file and the free space it needs), taking a
 * backup — as a notice at the top that does not block the work. Each can be dismissed; the same
 * warning again is not shown twice.
 */
export function StoreWarnings() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<ErrorPayload[]>([]);

  useEffect(
    () =>
      onStoreWarnings((warnings) =>
        setShown((now) => {
          const known = new Set(now.map(keyOf));
          const added: ErrorPayload[] = [];
          for (const warning of warnings) {
            if (known.has(keyOf(warning))) continue;
            known.add(keyOf(warning));
            added.push(warning);
          }
          return added.length ? [...now, ...added].slice(-SHOWN) : now;
        }),
      ),
    [],
  );

  if (!shown.length) return null;
  return (
    <div className="store-warnings" role="status" aria-live="polite">
      {shown.map((warning) => (
        <div className="store-warning" key={keyOf(warning)} data-testid="store-warning" data-warning-code={warning.code}>
          <span>{t(warning.code, warning.params)}</span>
          <button className="icon" onClick={() => setShown((now) => now.filter((w) => keyOf(w) !== keyOf(warning)))} aria-label={t("app.close")}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
