import { useState } from "react";
import { Dialog } from "../codebook/Dialog.js";

export interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  placeholder?: string;
  confirmLabel: string;
  maxLength: number;
  testId: string;
  /** Why the name cannot be saved (already translated), or null. */
  check(name: string): string | null;
  onConfirm(name: string): void;
  onCancel(): void;
}

/** A dialog with one name field: a document's title, a group's name. Enter saves, Escape cancels. */
export function NameDialog({ title, label, initial, placeholder, confirmLabel, maxLength, testId, check, onConfirm, onCancel }: NameDialogProps) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const name = value.trim();
    if (name === initial.trim() && name) return onCancel();
    const found = check(name);
    if (found) return setProblem(found);
    onConfirm(name);
  };
  return (
    <Dialog title={title} confirmLabel={confirmLabel} testId={testId} onConfirm={submit} onCancel={onCancel}>
      <label className="field">
        <span>{label}</span>
        <input
          type="text"
          value={value}
          maxLength={maxLength}
          placeholder={placeholder}
          aria-invalid={problem ? true : undefined}
          data-testid="name-input"
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      {problem && (
        <p className="dialog-problem" role="alert" data-testid="name-problem">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
