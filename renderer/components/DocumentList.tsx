import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId } from "../../shared/index.js";
import { useProject } from "../state/context.js";

export function DocumentList({ selected, onSelect }: { selected: DocumentId | null; onSelect(id: DocumentId): void }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const rows = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of Object.values(state.codings)) counts.set(c.documentId, (counts.get(c.documentId) ?? 0) + 1);
    return Object.values(state.documents)
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((doc) => ({ doc, count: counts.get(doc.id) ?? 0 }));
  }, [state, version]);
  return (
    <section className="documents" data-testid="documents">
      <div className="panel-title">
        <span>{t("app.documents.title")}</span>
        <span className="count">{rows.length}</span>
      </div>
      {rows.length === 0 && <p className="empty">{t("app.documents.empty")}</p>}
      <ul className="document-list">
        {rows.map(({ doc, count }) => (
          <li key={doc.id}>
            <button className={doc.id === selected ? "selected" : ""} onClick={() => onSelect(doc.id)} data-testid="document-row" data-document-id={doc.id} title={doc.sourceName}>
              <span className={`kind kind-${doc.kind}`}>{t(`app.documents.kind.${doc.kind}`)}</span>
              <span className="title">{doc.title}</span>
              <span className="count" title={t("app.documents.codings", { count })}>{count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
