import { memo, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentId, DocumentMeta } from "../../shared/index.js";
import { useProject } from "../state/context.js";

export function DocumentList({ selected, onSelect }: { selected: DocumentId | null; onSelect(id: DocumentId): void }) {
  const { t } = useTranslation();
  const { state, version, index } = useProject();
  const documents = useMemo(() => Object.values(state.documents).sort((a, b) => a.title.localeCompare(b.title)), [state, version]);
  return (
    <section className="documents" data-testid="documents">
      <div className="panel-title">
        <span>{t("app.documents.title")}</span>
        <span className="count">{documents.length}</span>
      </div>
      {documents.length === 0 && <p className="empty">{t("app.documents.empty")}</p>}
      <ul className="document-list">
        {documents.map((doc) => (
          <DocumentRow key={doc.id} doc={doc} count={index.countForDocument(doc.id)} selected={doc.id === selected} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}

/** One row; memoised, so coding in one document re-renders only that document's row. */
const DocumentRow = memo(function DocumentRow({ doc, count, selected, onSelect }: { doc: DocumentMeta; count: number; selected: boolean; onSelect(id: DocumentId): void }) {
  const { t } = useTranslation();
  return (
    <li>
      <button className={selected ? "selected" : ""} onClick={() => onSelect(doc.id)} data-testid="document-row" data-document-id={doc.id} title={doc.sourceName}>
        <span className={`kind kind-${doc.kind}`}>{t(`app.documents.kind.${doc.kind}`)}</span>
        <span className="title">{doc.title}</span>
        <span className="count" title={t("app.documents.codings", { count })}>{count}</span>
      </button>
    </li>
  );
});
