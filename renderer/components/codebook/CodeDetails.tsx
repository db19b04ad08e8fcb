import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { codePathLabel, countWords, escapeCodeName, type Code, type CodeDescription, type CodeId } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { CodingsProgress } from "../loading/index.js";
import { ColorPicker } from "./ColorPicker.js";
import { codingSpread, MAX_NAME_LENGTH, renameProblem, subtreeOf, typedName, type Problem } from "./model.js";
import { useApplyOp } from "./useApplyOp.js";
import "./codebook.css";

const FIELDS = ["definition", "whenToUse", "whenNotToUse"] as const satisfies readonly (keyof CodeDescription)[];
type Field = (typeof FIELDS)[number];

/** The selected code in the right-hand panel: its name, colour and the rules for applying it. */
export function CodeDetails({ codeId }: { codeId: CodeId }) {
  const { t } = useTranslation();
  const { state } = useProject();
  const code = state.codes[codeId];
  if (!code) return <p className="empty">{t("codebook.details.missing")}</p>;
  // Keyed by code: drafts never carry over from one code to the next.
  return <CodeDetailsForm key={code.id} code={code} />;
}

function CodeDetailsForm({ code }: { code: Code }) {
  const { t } = useTranslation();
  const { state, version, loading } = useProject();
  const apply = useApplyOp();
  const ids = { name: useId(), color: useId(), definition: useId(), whenToUse: useId(), whenNotToUse: useId(), problem: useId() };
  // A draft exists only while the user edits a field; otherwise the field shows the stored value,
  // so an undo or a change made elsewhere shows up at once.
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});

  const facts = useMemo(() => {
    const subtree = subtreeOf(state, code.id);
    return { nested: subtree.size - 1, own: codingSpread(state, new Set([code.id])), all: codingSpread(state, subtree) };
  }, [state, version, code.id]);
  const parentPath = code.parentId ? codePathLabel(state, code.parentId) : null;

  const saveName = () => {
    if (nameDraft === null) return;
    // Typed as the tree shows it: a slash of the name as \/, a bare "/" refused (it means a level).
    const name = typedName(nameDraft);
    const found = renameProblem(state, nameDraft, code.parentId, code.id);
    if (!found && name === code.name) {
      setNameDraft(null);
      setProblem(null);
      return;
    }
    if (found) return setProblem(found);
    setNameDraft(null);
    setProblem(null);
    void apply({ type: "updateCode", codeId: code.id, name });
  };

  const saveField = (field: Field) => {
    const draft = drafts[field];
    if (draft === undefined) return;
    setDrafts(({ [field]: _, ...rest }) => rest);
    const value = draft.trim();
    if (value === code.description[field]) return;
    void apply({ type: "updateCode", codeId: code.id, description: { ...code.description, [field]: value } });
  };

  return (
    <div className="code-details" data-testid="code-details" data-code-id={code.id}>
      <div className="code-details-head">
        <span className="swatch code-details-swatch" style={{ background: code.color }} aria-hidden="true" />
        <span className="code-details-path muted">{parentPath ? t("codebook.details.nestedUnder", { path: parentPath }) : t("codebook.details.topLevel")}</span>
      </div>
      {loading ? <CodingsProgress loading={loading} /> : <p className="code-details-facts muted" data-testid="code-details-facts">
        {facts.nested > 0
          ? t("codebook.details.factsWithNested", { ...countWords(t, { ...facts.own, nested: facts.nested }), all: t("count.codings", { count: facts.all.codings }) })
          : t("codebook.details.facts", countWords(t, facts.own))}
      </p>}

      <div className="field">
        <label htmlFor={ids.name}>{t("codebook.details.name")}</label>
        <input
          id={ids.name}
          type="text"
          className={problem ? "invalid" : ""}
          value={nameDraft ?? escapeCodeName(code.name)}
          maxLength={MAX_NAME_LENGTH + 50}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? ids.problem : undefined}
          data-testid="code-details-name"
          onChange={(e) => {
            setNameDraft(e.target.value);
            setProblem(null);
          }}
          onBlur={saveName}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter") {
              e.preventDefault();
              saveName();
            } else if (e.key === "Escape") {
              e.preventDefault();
              setNameDraft(null);
              setProblem(null);
            }
          }}
        />
        {problem && (
          <span id={ids.problem} className="code-name-problem" role="alert" data-testid="code-details-name-error">
            {t(problem.key, problem.params)}
          </span>
        )}
      </div>

      <div className="field" role="group" aria-labelledby={ids.color}>
        <label id={ids.color}>{t("codebook.details.color")}</label>
        <ColorPicker
          value={code.color}
          onPick={(color) => {
            if (color.toLowerCase() !== code.color.toLowerCase()) void apply({ type: "updateCode", codeId: code.id, color });
          }}
        />
      </div>

      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={ids[field]}>{t(`codebook.details.${field}`)}</label>
          <textarea
            id={ids[field]}
            rows={field === "definition" ? 4 : 3}
            value={drafts[field] ?? code.description[field]}
            placeholder={t(`codebook.details.${field}Hint`)}
            data-testid={`code-${field}`}
            data-field={field}
            onChange={(e) => {
              const value = e.target.value;
              setDrafts((d) => ({ ...d, [field]: value }));
            }}
            onBlur={() => saveField(field)}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === "Escape") {
                e.preventDefault();
                setDrafts(({ [field]: _, ...rest }) => rest);
              } else if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                e.currentTarget.blur();
              }
            }}
          />
        </div>
      ))}
    </div>
  );
}
