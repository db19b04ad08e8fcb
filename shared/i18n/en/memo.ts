export default {
  /** Headings callers may use for the editor's label. */
  title: {
    project: "Project memo",
    document: "Memo on “{{name}}”",
    code: "Memo on “{{name}}”",
    coding: "Memo on this passage",
  },
  /** Shown in an empty memo. */
  placeholder: {
    project: "Notes on the whole project: research questions, decisions, ideas as they emerge…",
    document: "Notes on this document: the interview's setting, first impressions, what stands out…",
    code: "What this code means to you, how it is changing, questions it raises…",
    coding: "Why this passage? What strikes you here…",
  },
  status: {
    saving: "Saving…",
    saved: "Saved",
    error: "Not saved",
  },
  toolbar: {
    label: "Memo formatting",
    withShortcut: "{{action}} ({{shortcut}})",
    bold: "Bold",
    italic: "Italic",
    h2: "Heading",
    h3: "Subheading",
    bulletList: "Bulleted list",
    orderedList: "Numbered list",
    blockquote: "Quote",
  },
  /** A coding's Memo button: plain while there is none, filled once there is one. */
  button: {
    none: "Memo",
    some: "Memo (1)",
    noneLabel: "Write a memo on this passage",
    someLabel: "Open the memo on this passage (it has one)",
  },
  /** Beside a passage in Retrieve. */
  inRetrieve: "Memo",
} as const;
