import { useCallback, useEffect, useState, type CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { firstDocumentId, type CodeId, type DocumentId, type ExportRequestInput } from "../../shared/index.js";
import { useProject } from "../state/context.js";
import { ChartsView } from "./charts/index.js";
import { Codebook, CodeDetails } from "./codebook/index.js";
import { DocumentList } from "./DocumentList.js";
import { DocumentPane, type Focus } from "./DocumentPane.js";
import { useRevealStep } from "./history/index.js";
import { ImportDrop } from "./ImportDrop.js";
import { IndicatorsPanel } from "./indicators/index.js";
import { AllCodings } from "./loading/index.js";
import { Splitter, Tabs, usePanelLayout } from "./layout/index.js";
import { MemoEditor } from "./memo/index.js";
import { RetrievalPanel } from "./RetrievalPanel.js";
import { SearchPanel, type SimilarTo } from "./search/index.js";
import { AgreementPanel } from "./agreement/index.js";
import { TopBar } from "./TopBar.js";
import { useUndoShortcuts } from "./useUndoShortcuts.js";

type Tab = "code" | "retrieve" | "memos" | "indicators" | "search" | "agreement";
/** What the middle shows: the open document, or charts of the whole project. */
type Middle = "document" | "charts";

const noExport = () => {};

/**
 * The open project: documents and codebook on the left, the text (or the charts) in the middle,
 * details on the right. `onExport` saves a chart as a file.
 */
export function Workspace({ onExport = noExport }: { onExport?: (request: ExportRequestInput) => void } = {}) {
  const { t } = useTranslation();
  const { state, loading } = useProject();
  const [documentId, setDocumentId] = useState<DocumentId | null>(() => firstDocumentId(state));
  const [codeId, setCodeId] = useState<CodeId | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [tab, setTab] = useState<Tab>("retrieve");
  // "More like this" asked from a coded passage: the Search tab finds passages like that coding.
  const [similarTo, setSimilarTo] = useState<SimilarTo | null>(null);
  const [middle, setMiddle] = useState<Middle>("document");
  const panels = usePanelLayout();
  useUndoShortcuts();

  // A document or code that an undo or delete removed is no longer selected.
  useEffect(() => {
    if (documentId && !state.documents[documentId]) setDocumentId(firstDocumentId(state));
    if (codeId && !state.codes[codeId]) setCodeId(null);
  });

  // Choosing a document, importing one or jumping to a passage means reading it: back from the charts.
  const openDocument = useCallback((id: DocumentId) => {
    setDocumentId(id);
    setMiddle("document");
  }, []);

  const jumpTo = useCallback((target: DocumentId, start: number, end: number) => {
    setDocumentId(target);
    setMiddle("document");
    setFocus({ documentId: target, start, end, nonce: Date.now() });
  }, []);

  const selectCode = useCallback((id: CodeId | null) => {
    setCodeId(id);
    if (id) setTab((current) => (current === "memos" || current === "indicators" ? current : "retrieve"));
  }, []);
  // After an undo or redo, show what changed: the passage, the code's row, the Indicators tab.
  useRevealStep({ jumpTo, openDocument, selectCode, showIndicators: () => setTab("indicators") });

  return (
    <ImportDrop onImported={(first) => first && openDocument(first)}>
      <div
        className="workspace"
        data-testid="workspace"
        // Whether every coding is in the renderer yet (issue 13's two-step open; the app benchmark waits on it).
        data-codings={loading ? "loading" : "complete"}
        // Custom properties through the CSSOM, which the CSP allows (no style sheet is injected).
        style={{ "--left-width": `${panels.fitted.left}px`, "--right-width": `${panels.fitted.right}px` } as CSSProperties}
      >
        <TopBar onImported={(first) => first && openDocument(first)} documentId={middle === "document" && documentId && state.documents[documentId] ? documentId : null} />
        <aside className="sidebar" id="panel-left" hidden={panels.layout.leftCollapsed}>
          <DocumentList selected={documentId} onSelect={openDocument} />
          <Codebook selectedCodeId={codeId} onSelect={selectCode} />
        </aside>
        <Splitter side="left" panels={panels} />
        <main className="document-area">
          <div className="tabs middle-switch" role="group">
            <button aria-pressed={middle === "document"} className={middle === "document" ? "active" : ""} onClick={() => setMiddle("document")} title={t("charts.view.documentHint")} data-testid="document-toggle">
              {t("charts.view.document")}
            </button>
            <button aria-pressed={middle === "charts"} className={middle === "charts" ? "active" : ""} onClick={() => setMiddle(middle === "charts" ? "document" : "charts")} title={t("charts.view.toggleHint")} data-testid="charts-toggle">
              {t("charts.view.toggle")}
            </button>
          </div>
          {middle === "charts" ? (
            // Charts, indicators and agreement count every coding: shown once all are loaded (issue 13).
            <AllCodings>
              <ChartsView onExport={onExport} />
            </AllCodings>
          ) : documentId && state.documents[documentId] ? (
            <DocumentPane
              key={documentId}
              documentId={documentId}
              focus={focus?.documentId === documentId ? focus : null}
              onSimilar={(codingId) => (setSimilarTo({ codingId, nonce: Date.now() }), setTab("search"))}
            />
          ) : (
            <div className="empty-document">
              <p>{Object.keys(state.documents).length ? t("app.document.pick") : t("app.document.none")}</p>
            </div>
          )}
        </main>
        <Splitter side="right" panels={panels} />
        <aside className="inspector" id="panel-right" hidden={panels.layout.rightCollapsed}>
          <Tabs<Tab>
            id="inspector"
            tabs={["code", "retrieve", "memos", "indicators", "search", "agreement"] as const}
            selected={tab}
            onSelect={setTab}
            label={t("app.layout.tabs")}
            title={(name) => (name === "indicators" ? t("indicators.tab") : name === "search" ? t("search.tab") : name === "agreement" ? t("agreement.tab") : t(`app.tabs.${name}`))}
          >
            {tab === "code" && (codeId ? <CodeDetails codeId={codeId} /> : <p className="empty">{t("app.code.pick")}</p>)}
            {tab === "retrieve" && <RetrievalPanel codeId={codeId} onJump={jumpTo} />}
            {tab === "indicators" && <AllCodings><IndicatorsPanel onJump={jumpTo} /></AllCodings>}
            {tab === "search" && <SearchPanel onJump={jumpTo} similarTo={similarTo} />}
            {tab === "agreement" && <AllCodings><AgreementPanel onJump={jumpTo} /></AllCodings>}
            {tab === "memos" && (
              <div className="memo-stack">
                <MemoEditor key="project" target={{ kind: "project" }} label={t("memo.title.project")} />
                {documentId && state.documents[documentId] && (
                  <MemoEditor key={`d${documentId}`} target={{ kind: "document", id: documentId }} label={t("memo.title.document", { name: state.documents[documentId].title })} />
                )}
                {codeId && state.codes[codeId] && (
                  <MemoEditor key={`c${codeId}`} target={{ kind: "code", id: codeId }} label={t("memo.title.code", { name: state.codes[codeId].name })} />
                )}
              </div>
            )}
          </Tabs>
        </aside>
      </div>
    </ImportDrop>
  );
}
