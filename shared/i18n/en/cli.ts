export default {
  usage: `Tandai {{version}} – qualitative coding for thesis writers

Usage:
  tandai new <dir> [--name NAME]
  tandai import <dir> <file>... [--case NAME]
  tandai code <dir> --doc <title|id> --quote "<exact text>" --code "<code name or path>"
              [--stance supports|contradicts] [--occurrence N] [--coder NAME]
  tandai info <dir> [--json]
  tandai serve [<dir>] [--port N]

Every command takes --json for machine-readable output and --lang id|en.
Code paths use "/" between levels, e.g. "Motive/Economic motive".`,
  created: "Created project “{{name}}” in {{dir}}.",
  imported: "Imported {{file}} as “{{title}}”.",
  importFailed: "Could not import {{file}}: {{message}}",
  importSummary: "{{ok}} of {{total}} files imported.",
  codeCreated: "Created code “{{code}}”, which did not exist yet.",
  coded: "Coded “{{quote}}” in “{{document}}” with “{{code}}” ({{stance}}).",
  info: "{{name}}: {{documents}} documents, {{codes}} codes, {{codings}} codings, {{cases}} cases.",
  serving: "Tandai is running at {{url}}\nOpen it in your browser. Press Ctrl+C to stop.",
  caseCreated: "Created case “{{name}}”.",
  assigned: "{{count}} imported documents assigned to: {{cases}}.",
  errors: {
    unknownCommand: "Unknown command “{{command}}”. Run tandai --help.",
    missingArgument: "{{command}} needs {{argument}}.",
    badOption: "{{detail}}",
    badStance: "--stance must be supports or contradicts, not “{{value}}”.",
    badOccurrence: "--occurrence must be a whole number from 1, not “{{value}}”.",
    noDocument: "No document titled or with id “{{document}}” in this project.",
    ambiguousDocument: "{{count}} documents are titled “{{document}}”; give the document's id instead.",
    ambiguousCode: "{{count}} codes are named “{{code}}”; give the full path, e.g. “Parent/{{code}}”.",
  },
};
