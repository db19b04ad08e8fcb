import { useTranslation } from "react-i18next";
import type { Code, CodeId, CodeKey } from "../../../shared/index.js";
import { useProject } from "../../state/context.js";
import { CodeMenu, type CodeAction } from "./CodeMenu.js";
import { ColorPicker } from "./ColorPicker.js";
import { DeleteCodeDialog } from "./DeleteCodeDialog.js";
import { KeyPicker } from "./KeyPicker.js";
import { MergeDialog } from "./MergeDialog.js";
import { MoveDialog } from "./MoveDialog.js";
import { Popover } from "./Popover.js";

/** A menu or picker open at a point, for one code. */
export type Floating = { kind: "menu" | "color" | "key"; codeId: CodeId; x: number; y: number };
/** A dialog open for one code. */
export type DialogState = { kind: "move" | "merge" | "delete"; codeId: CodeId };

export interface CodeOverlaysProps {
  floating: Floating | null;
  dialog: DialogState | null;
  canMerge: boolean;
  onAction(action: CodeAction, code: Code): void;
  onCloseFloating(codeId: CodeId): void;
  onCloseDialog(codeId: CodeId): void;
  onRecolor(codeId: CodeId, color: string): void;
  onKey(codeId: CodeId, key: CodeKey | null): void;
  onMove(codeId: CodeId, parentId: CodeId | null): void;
  onMerge(sourceId: CodeId, targetId: CodeId): void;
  onDelete(codeId: CodeId): void;
}

/** What opens over the codebook for one code: its menu, the colour and key pickers, and the move, merge and delete dialogs. */
export function CodeOverlays({ floating, dialog, canMerge, onAction, onCloseFloating, onCloseDialog, onRecolor, onKey, onMove, onMerge, onDelete }: CodeOverlaysProps) {
  const { t } = useTranslation();
  const { state } = useProject();
  const floatingCode = floating ? state.codes[floating.codeId] : undefined;
  const dialogCode = dialog ? state.codes[dialog.codeId] : undefined;
  return (
    <>
    {floating && floatingCode && floating.kind === "menu" && (
      <CodeMenu code={floatingCode} x={floating.x} y={floating.y} canMerge={canMerge} onAction={(action) => onAction(action, floatingCode)} onClose={() => onCloseFloating(floatingCode.id)} />
    )}
    {floating && floatingCode && floating.kind === "color" && (
      <Popover x={floating.x} y={floating.y} role="dialog" label={t("codebook.color.title", { name: floatingCode.name })} className="color-popover" testId="color-popover" onClose={() => onCloseFloating(floatingCode.id)}>
        <ColorPicker value={floatingCode.color} onPick={(color) => onRecolor(floatingCode.id, color)} />
      </Popover>
    )}
    {floating && floatingCode && floating.kind === "key" && (
      <KeyPicker
        code={floatingCode}
        x={floating.x}
        y={floating.y}
        onClose={() => onCloseFloating(floatingCode.id)}
        onPick={(key) => onKey(floatingCode.id, key)}
      />
    )}
    {dialog && dialogCode && dialog.kind === "move" && (
      <MoveDialog
        codeId={dialogCode.id}
        onCancel={() => onCloseDialog(dialogCode.id)}
        onConfirm={(parentId) => onMove(dialogCode.id, parentId)}
      />
    )}
    {dialog && dialogCode && dialog.kind === "merge" && (
      <MergeDialog codeId={dialogCode.id} onCancel={() => onCloseDialog(dialogCode.id)} onConfirm={(targetId) => onMerge(dialogCode.id, targetId)} />
    )}
    {dialog && dialogCode && dialog.kind === "delete" && (
      <DeleteCodeDialog codeId={dialogCode.id} onCancel={() => onCloseDialog(dialogCode.id)} onConfirm={() => onDelete(dialogCode.id)} />
    )}
    </>
  );
}
