import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { findCase, newCaseId, type Case, type CaseId, type DocumentId, type DocumentMeta } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { AttributesEditor } from "../attributes/index.js";
import { Dialog } from "../codebook/Dialog.js";
import { DocumentTitle, useTitleTails } from "../documents/DocumentTitle.js";
import { useApplyOp } from "../codebook/useApplyOp.js";

/**
 * The cases of the project (the unit of analysis) with their documents: create, rename, delete
 * after a confirmation, and tick which documents belong to each. A document may be in several cases.
 */
export function CasesPanel({ onCreated }: { onCreated?(id: CaseId): void }) {
  const { t } = useTranslation();
  const { state, version } = useProject();
  const applyOp = useApplyOp();
  const [name, setName] = useState("");
  const [open, setOpen] = useState<CaseId | null>(null);
  const [deleting, setDeleting] = useState<Case | null>(null);
  const cases = useMemo(() => Object.values(state.cases).sort((a, b) => a.name.localeCompare(b.name)), [state, version]);
  const documents = useMemo(() => Object.values(state.documents).sort((a, b) => a.title.localeCompare(b.title)), [state, version]);

  const trimmed = name.trim();
  const duplicate = trimmed !== "" && findCase(state, trimmed) !== undefined;

  async function create() {
    if (!trimmed || duplicate) return;
    const id = newCaseId();
    if (await applyOp({ type: "addCase", case: { id, name: trimmed, documentIds: [], createdAt: new Date().toISOString() } })) {
      setName("");
      setOpen(id);
      onCreated?.(id);
    }
  }

  return (
    <section className="ind-section cases-panel" data-testid="cases-panel">
      <h3 className="ind-heading">{t("indicators.cases.title")}</h3>
      <p className="ind-hint">{t("indicators.cases.hint")}</p>
      <form
        className="ind-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input
          type="text"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          placeholder={t("indicators.cases.namePlaceholder")}
          aria-label={t("indicators.cases.newName")}
          data-testid="new-case-name"
        />
        <button type="submit" className="primary" disabled={!trimmed || duplicate} data-testid="create-case">
          {t("indicators.cases.create")}
        </button>
      </form>
      {duplicate && <p className="ind-hint ind-warning" data-testid="case-duplicate">{t("indicators.cases.duplicate")}</p>}
      {cases.length === 0 ? (
        <p className="empty" data-testid="cases-empty">{t("indicators.cases.none")}</p>
      ) : (
        <ul className="case-list">
          {cases.map((c) => (
            <CaseRow
              key={c.id}
              found={c}
              documents={documents}
              open={open === c.id}
              onToggle={() => setOpen((current) => (current === c.id ? null : c.id))}
              onDelete={() => setDeleting(c)}
            />
          ))}
        </ul>
      )}
      {deleting && (
        <Dialog
          title={t("indicators.cases.deleteTitle", { name: deleting.name })}
          confirmLabel={t("indicators.cases.deleteConfirm")}
          tone="danger"
          initialFocus="[data-testid=confirm]"
          testId="delete-case-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void applyOp({ type: "deleteCase", caseId: id });
          }}
        >
          <p>{t("indicators.cases.deleteBody")}</p>
        </Dialog>
      )}
    </section>
  );
}

function CaseRow({ found, documents, open, onToggle, onDelete }: { found: Case; documents: DocumentMeta[]; open: boolean; onToggle(): void; onDelete(): void }) {
  const { t } = useTranslation();
  const applyOp = useApplyOp();
  const tails = useTitleTails();
  const [renaming, setRenaming] = useState<string | null>(null);
  // Enter commits and unmounts the field, which may also blur it: commit once.
  const committed = useRef(false);
  const members = new Set<DocumentId>(found.documentIds);
  const count = documents.filter((d) => members.has(d.id)).length;

  function startRename() {
    committed.current = false;
    setRenaming(found.name);
  }

  function commitRename() {
    if (committed.current) return;
    committed.current = true;
    const next = renaming?.trim() ?? "";
    setRenaming(null);
    if (next && next !== found.name) void applyOp({ type: "renameCase", caseId: found.id, name: next });
  }

  return (
    <li className="case-row" data-testid="case-row" data-case-id={found.id}>
      <div className="case-line">
        {renaming === null ? (
          <button type="button" className="case-name" aria-expanded={open} onClick={onToggle} data-testid="case-toggle">
            <svg className={`chevron${open ? " open" : ""}`} viewBox="0 0 10 10" aria-hidden="true">
              <path d="M3 1.5 L7 5 L3 8.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="name" title={found.name}>
              {found.name}
            </span>
          </button>
        ) : (
          <input
            type="text"
            className="case-rename"
            value={renaming}
            maxLength={200}
            autoFocus
            aria-label={t("indicators.cases.renameLabel", { name: found.name })}
            onChange={(e) => setRenaming(e.target.value)}
            onBlur={commitRename}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === "Enter") commitRename();
              else if (e.key === "Escape") {
                committed.current = true;
                setRenaming(null);
              }
            }}
            data-testid="case-name-input"
          />
        )}
        <span className="case-count tabular" data-testid="case-doc-count">{t("indicators.cases.documents", { count })}</span>
        <button type="button" className="icon" onClick={startRename} title={t("indicators.cases.rename")} aria-label={t("indicators.cases.rename")} data-testid="rename-case">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M10.5 2.5l3 3L6 13H3v-3z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="icon danger" onClick={onDelete} title={t("indicators.cases.delete")} aria-label={t("indicators.cases.delete")} data-testid="delete-case">
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      {open && (
        <>
        <div className="case-documents">
          {documents.length === 0 && <p className="empty">{t("indicators.cases.noDocuments")}</p>}
          {documents.map((doc) => (
            <label key={doc.id} className="case-doc" title={t("indicators.cases.assign", { title: doc.title, name: found.name })}>
              <input
                type="checkbox"
                checked={members.has(doc.id)}
                onChange={(e) =>
                  void applyOp(e.target.checked ? { type: "assignDocument", caseId: found.id, documentId: doc.id } : { type: "unassignDocument", caseId: found.id, documentId: doc.id })
                }
                data-testid="case-doc-checkbox"
                data-document-id={doc.id}
              />
              <DocumentTitle title={doc.title} tailFrom={tails.get(doc.id)} />
            </label>
          ))}
        </div>
        <div className="case-attributes">
          <AttributesEditor target={{ kind: "case", id: found.id }} />
        </div>
        </>
      )}
    </li>
  );
}
