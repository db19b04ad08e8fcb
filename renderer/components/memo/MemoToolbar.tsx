import type { ChainedCommands, Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { Fragment, type ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { BlockquoteIcon, BoldIcon, BulletListIcon, Heading2Icon, Heading3Icon, ItalicIcon, OrderedListIcon } from "./icons.js";

export type MemoAction = "bold" | "italic" | "h2" | "h3" | "bulletList" | "orderedList" | "blockquote";

interface ToolDef {
  action: MemoAction;
  Icon: ComponentType;
  /** Tiptap's keyboard shortcut for the same command, shown in the tooltip. */
  keys: string[];
  isActive(editor: Editor): boolean;
  run(chain: ChainedCommands): ChainedCommands;
}

/** Groups of tools, separated by a thin rule: marks, headings, blocks. */
const TOOLS: ToolDef[][] = [
  [
    { action: "bold", Icon: BoldIcon, keys: ["Mod", "B"], isActive: (e) => e.isActive("bold"), run: (c) => c.toggleBold() },
    { action: "italic", Icon: ItalicIcon, keys: ["Mod", "I"], isActive: (e) => e.isActive("italic"), run: (c) => c.toggleItalic() },
  ],
  [
    { action: "h2", Icon: Heading2Icon, keys: ["Mod", "Alt", "2"], isActive: (e) => e.isActive("heading", { level: 2 }), run: (c) => c.toggleHeading({ level: 2 }) },
    { action: "h3", Icon: Heading3Icon, keys: ["Mod", "Alt", "3"], isActive: (e) => e.isActive("heading", { level: 3 }), run: (c) => c.toggleHeading({ level: 3 }) },
  ],
  [
    { action: "bulletList", Icon: BulletListIcon, keys: ["Mod", "Shift", "8"], isActive: (e) => e.isActive("bulletList"), run: (c) => c.toggleBulletList() },
    { action: "orderedList", Icon: OrderedListIcon, keys: ["Mod", "Shift", "7"], isActive: (e) => e.isActive("orderedList"), run: (c) => c.toggleOrderedList() },
    { action: "blockquote", Icon: BlockquoteIcon, keys: ["Mod", "Shift", "B"], isActive: (e) => e.isActive("blockquote"), run: (c) => c.toggleBlockquote() },
  ],
];

const ALL_TOOLS = TOOLS.flat();

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);
const MAC_KEYS: Record<string, string> = { Mod: "⌘", Alt: "⌥", Shift: "⇧" };

/** Key caps as the platform prints them: Ctrl+Alt+2 on Windows and Linux, ⌘⌥2 on a Mac. */
function formatKeys(keys: string[]): string {
  return isMac ? keys.map((k) => MAC_KEYS[k] ?? k).join("") : keys.map((k) => (k === "Mod" ? "Ctrl" : k)).join("+");
}

type ActiveState = Record<MemoAction, boolean>;

function activeState(editor: Editor | null): ActiveState {
  const state = {} as ActiveState;
  for (const tool of ALL_TOOLS) state[tool.action] = Boolean(editor && !editor.isDestroyed && tool.isActive(editor));
  return state;
}

export function MemoToolbar({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const active = useEditorState({ editor, selector: ({ editor: e }) => activeState(e) }) ?? activeState(null);

  return (
    <div className="memo-toolbar" role="toolbar" aria-label={t("memo.toolbar.label")}>
      {TOOLS.map((group, i) => (
        <Fragment key={group[0]!.action}>
          {i > 0 && <span className="memo-toolbar-sep" aria-hidden="true" />}
          {group.map(({ action, Icon, keys, run }) => {
            const name = t(`memo.toolbar.${action}`);
            return (
              <button
                key={action}
                type="button"
                className="memo-tool"
                data-action={action}
                aria-label={name}
                aria-pressed={active[action]}
                title={t("memo.toolbar.withShortcut", { action: name, shortcut: formatKeys(keys) })}
                disabled={!editor}
                // Keep the caret in the memo: a click on a tool must not blur (and so save) the editor.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  if (editor && !editor.isDestroyed) run(editor.chain().focus()).run();
                }}
              >
                <Icon />
              </button>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
