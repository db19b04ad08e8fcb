import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_NAME_LENGTH, type Problem } from "./model.js";

export interface NameInputProps {
  initial: string;
  label: string;
  placeholder: string;
  /** Why a name cannot be saved, or null when it can. */
  check(name: string): Problem | null;
  onSubmit(name: string): void;
  onCancel(): void;
}

/**
 * The inline name field of the codebook (new code, rename). Enter saves, Escape cancels; a name
 * that cannot be saved is refused with a message and the field stays open. Leaving the field saves
 * a valid change and drops anything else.
 */
export function NameInput({ initial, label, placeholder, check, onSubmit, onCancel }: NameInputProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (submit: boolean, quiet: boolean) => {
    if (done.current) return;
    const name = value.trim();
    if (!submit || (initial.trim() !== "" && name === initial.trim())) {
      done.current = true;
      return onCancel();
    }
    const found = check(name);
    if (found) {
      if (quiet) {
        done.current = true;
        return onCancel();
      }
      return setProblem(found);
    }
    done.current = true;
    onSubmit(name);
  };

  return (
    <span className="code-name-edit">
      <input
        ref={ref}
        type="text"
        className={problem ? "invalid" : ""}
        value={value}
        maxLength={MAX_NAME_LENGTH + 50}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        data-testid="code-name-input"
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          // Typing here must not reach the tree's or the app's shortcuts (digits apply codes).
          e.stopPropagation();
          if (e.key === "Enter") {
            e.preventDefault();
            finish(true, false);
          } else if (e.key === "Escape") {
            e.preventDefault();
            finish(false, false);
          }
        }}
        onBlur={() => finish(value.trim() !== "", true)}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        draggable={false}
      />
      {problem && (
        <span id={errorId} className="code-name-problem" role="alert" data-testid="code-name-error">
          {t(problem.key, problem.params)}
        </span>
      )}
    </span>
  );
}
