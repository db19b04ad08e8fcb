export default {
  usage: `Tandai {{version}} – qualitative coding for thesis writers

Usage:
  tandai new <dir> [--name NAME]
  tandai import <dir> <file>... [--case NAME] [--encoding NAME] [--allow-duplicate]
  tandai code <dir> --doc <title|id> --quote "<exact text>" --code "<code name, path or indicator id>"
              [--stance supports|contradicts] [--occurrence N] [--coder NAME]
  tandai code <dir> --from codings.csv|codings.jsonl [--skip-errors] [--coder NAME]
              (one row per coding: doc, quote [occurrence] or start and end, code, [stance, coder, memo];
              the columns of \`tandai export --format csv --table codings\`)
  tandai case add <dir> <name> [--doc <title|id>]...
  tandai framework add <dir> <framework-id> [--lang id|en]   (code names in that language)
              (kuznetsov, keating, stages, obstacles, lecours, duchacek, mukti, sectors)
  tandai framework import <dir> <file.json>
  tandai codebook import <dir> <file.qdc>   (REFI-QDA codebook; codes named like an indicator are linked)
  tandai import <dir> <file.qdpx|.qde> [--dry-run]   (REFI-QDA project: previewed, then one undoable step)
  tandai export <dir> --format qdpx|qdc --out <path>   (REFI-QDA project or codebook)
  tandai indicators <dir> [--framework ID]... [--case NAME]...
  tandai search <dir> "<query>" [--doc <title|id>]... [--case NAME]... [--within CODE]... [--uncoded]
              [--speaker NAME] [--regex [--match-case]] [--no-stem] [--sort document|after|before] [--limit N]
              (words, "exact phrases", a OR b, NOT word / -word, angg*; Indonesian/English word forms match)
  tandai autocode <dir> "<query>" --code "<code>" --unit word|sentence|paragraph|turn [--dry-run]
              [--coder NAME] (and the search options; one batch, passages already coded skipped)
  tandai handoff <dir> <new-dir | file.tandai> [--drop-codings]   (a copy for a second coder;
              handoff <file.tandai> <new-dir> unpacks a package)
  tandai merge <dir> <coder's copy> [--dry-run] [--take mine|theirs]
  tandai team serve|share|invite|join|sync|status|members|revoke …   (a project shared through a team
              server: \`tandai team\` lists its commands)
  tandai agreement <dir> --coders A,B[,C…] [--unit paragraph|sentence|character] [--codes PATH]...
              [--categories PARENT] [--documents TITLE]... [--exclude-uncoded] [--out FILE.docx|.xlsx|.csv|.md|.html]
  tandai export <dir> --format docx|md|html|pdf|xlsx|csv|svg|png --out <path> [--lang id|en]
              [--case NAME]... [--framework ID]... [--group NAME]...   (only the documents of these document groups)
              report: [--memos] [--no-codebook] [--no-charts] [--quotes N]   (N quotes per indicator)
              csv: [--table codings|codeDocument|codeCase|indicators]   xlsx/csv/heatmap: [--presence]
              svg/png: --chart frequencies|heatmap|cooccurrence|indicatorGrid [--unit paragraph|overlap]
              (pdf needs LibreOffice outside the desktop app)
  tandai info <dir> [--json]
  tandai doc list <dir> [--json]   (id, title, type, characters, codings, groups)
  tandai doc rename <dir> <title|id> <new title>
  tandai doc delete <dir> <title|id> [--yes]   (without --yes: says what would go, deletes nothing)
  tandai doc group <dir> <group> <title|id>...   (creates the document group if needed)
  tandai serve [<dir>] [--port N]
  tandai backups <dir> [--json]   (the project's backups, newest first)
  tandai restore <dir> [--backup NAME] [--json]   (the newest backup, or the one named; damaged files are kept aside)
  tandai repair <dir> [--dry-run] [--json]   (fixes a project file that contradicts itself, saying each change; the damaged file is kept)

Every command takes --json for machine-readable output and --lang id|en.
Code paths use "/" between levels, e.g. "Motive/Economic motive" (a slash inside a name: \\/); an indicator id such as
keating.economic names the code linked to that indicator.`,
  created: "Created project “{{name}}” in {{dir}}.",
  imported: "Imported {{file}} as “{{title}}”.",
  importFailed: "Could not import {{file}}: {{message}}",
  importSummary_one: "{{ok}} of {{count}} file imported.",
  importSummary_other: "{{ok}} of {{count}} files imported.",
  codeCreated: "Created code “{{code}}”, which did not exist yet.",
  coded: "Coded “{{quote}}” in “{{document}}” with “{{code}}” ({{stance}}).",
  info: "{{name}}: {{documents}}, {{codes}}, {{codings}}, {{cases}}.",
  serving: "Tandai is running at {{url}}\nOpen it in your browser. Press Ctrl+C to stop.",
  caseCreated: "Created case “{{name}}”.",
  assigned_one: "{{count}} imported document assigned to: {{cases}}.",
  assigned_other: "{{count}} imported documents assigned to: {{cases}}.",
  frameworkAdded: "Added the framework “{{name}}” ({{id}}).",
  frameworkCompleted: "The framework “{{name}}” ({{id}}) was already in the project; its missing codes were added.",
  frameworkCode: "Created code “{{code}}”.",
  frameworkLinked: "Linked your code “{{code}}” to the indicator “{{indicator}}”.",
  frameworkUnchanged: "The framework “{{name}}” ({{id}}) is already in the project with all its codes; nothing changed.",
  caseExists: "Case “{{name}}” already exists; using it.",
  caseAssigned: "Assigned “{{document}}” to case “{{name}}”.",
  caseAlreadyAssigned: "“{{document}}” was already in case “{{name}}”.",
  indicatorsHeading: "{{case}} × {{framework}} (documents in the case: {{documents}})",
  verdict: "Verdict: {{sentence}}",
  noFrameworks: "This project has no frameworks yet; add one with: tandai framework add <dir> <framework-id>",
  noCases: "This project has no cases yet; create one with: tandai case add <dir> <name> --doc <title>",
  codebookImported: "Imported the codebook {{file}}: {{created}}, {{merged}} merged into existing codes, {{linked}} linked to indicators.",
  codebookLinked: "Linked “{{code}}” to the indicator {{indicator}} ({{name}}).",
  exported: "Wrote {{path}} ({{size}}).",
  exportPhase: {
    reading: "Reading documents {{done}}/{{total}}…",
    building: "Building {{done}}/{{total}}…",
    writing: "Writing the file…",
  },
  errors: {
    badChoice: "{{option}} must be one of {{valid}}, not “{{value}}”.",
    badQuotes: "--quotes must be a whole number from 1, not “{{value}}”.",
    unknownCommand: "Unknown command “{{command}}”. Run tandai --help.",
    missingArgument: "{{command}} needs {{argument}}.",
    badOption: "{{detail}}",
    badStance: "--stance must be supports or contradicts, not “{{value}}”.",
    badOccurrence: "--occurrence must be a whole number from 1, not “{{value}}”.",
    noDocument: "No document titled or with id “{{document}}” in this project.",
    ambiguousDocument: "{{count}} documents are titled “{{document}}”; give the document's id instead.",
    ambiguousCode: "{{count}} codes are named “{{code}}”; give the full path, e.g. “Parent/{{code}}”.",
    unknownSubcommand: "Unknown command “{{command}} {{subcommand}}”; use one of: {{valid}}.",
    unknownFramework: "There is no built-in framework “{{id}}”. Built-in frameworks: {{valid}}.",
    frameworkNotInProject: "This project has no framework “{{id}}”. Its frameworks: {{valid}}.",
    frameworkExists: "{{file}}: this project already has a different framework with the id “{{id}}”.",
    badJson: "{{file}} is not valid JSON: {{detail}}",
    badFramework: "{{file}} is not a valid framework: {{field}}: {{detail}}",
    noCase: "No case named “{{name}}” in this project. Its cases: {{valid}}.",
    unknownIndicator: "“{{indicator}}” is not an indicator of the framework {{framework}}. Its indicators: {{valid}}.",
    noLinkedCode: "No code is linked to the indicator “{{indicator}}”. Run tandai framework add <dir> {{framework}} to create its codes, or link a code to it in the app.",
    ambiguousIndicator: "Several codes are linked to the indicator “{{indicator}}” ({{codes}}); give the code's path instead.",
    oneOption: "{{command}} takes only one {{option}}.",
    badLanguage: "--lang must be one of {{valid}}, not “{{value}}”.",
  },
};
