/** REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc): import preview, import and export (electron/import/qdpx, electron/export/qdpx). */
export default {
  errors: {
    alone: "“{{file}}” is a whole REFI-QDA project: import it on its own (tandai import <dir> {{file}}), not together with other files. Nothing was imported.",
    codebookEncoding: "“{{file}}” is not {{encoding}} text, so it is not a REFI-QDA codebook. Export the codebook again from your QDA program as a REFI-QDA codebook (.qdc).",
    notCodable: "“{{code}}” is a group of codes that cannot be applied itself (the project it came from marks it not codable). Apply one of its nested codes instead.",
    notZip: "“{{file}}” is not a REFI-QDA project archive (.qdpx): it could not be read as a zip file ({{detail}}). Export the project again from your QDA program.",
    notProject:
      "“{{file}}” is not a REFI-QDA project: {{detail}}. If it was downloaded, it may be a web page saved under the project's name; download or export it again.",
    noProjectFile: "“{{file}}” holds no project file (.qde) inside. Export the project again from your QDA program as a REFI-QDA project (.qdpx).",
    unsafePath: "“{{file}}” was refused: its part “{{detail}}” points outside the archive (a zip-slip path), which only a malformed or hostile file has. Nothing was imported.",
    doctype: "“{{file}}” was refused: its XML declares a DOCTYPE (entities), which REFI-QDA files never do and hostile files use to expand or read other files. Nothing was imported.",
    tooDeep: "“{{file}}” was refused: its XML nests elements more than {{max}} deep, which no REFI-QDA program writes (a malformed or hostile file). Nothing was imported.",
    badXml: "“{{file}}” is not readable XML ({{detail}}). Export the project again from your QDA program. Nothing was imported.",
    sourceMissing:
      "“{{file}}” is incomplete: the text of source “{{source}}” ({{path}}) is not in the archive. Export the project again with its sources included. Nothing was imported.",
    sourceEmpty:
      "“{{file}}” is incomplete: the text of source “{{source}}” is empty, though the project codes it. Export the project again from the program that made it. Nothing was imported.",
    missingAttribute: "“{{file}}” is not a valid REFI-QDA project: a {{element}} has no {{attribute}}. Nothing was imported.",
    badFormat: "“{{format}}” is not a project export format here (use qdpx or qdc).",
  },
  /** A REFI-QDA Boolean variable becomes a choice attribute of these two words. */
  boolean: { yes: "Yes", no: "No" },
  reading: {
    codePoints: "code points (the REFI-QDA standard)",
    utf16: "UTF-16 units (as NVivo writes them)",
    origin: "chosen from the program that wrote the file",
    confirmed: "chosen from the program that wrote the file and confirmed on {{fitting}} of {{checked}} selections",
    selections: "chosen because {{fitting}} of {{checked}} selections fall on their text that way",
  },
  export: {
    legend: "For other QDA programs (REFI-QDA)",
    hint: "NVivo, ATLAS.ti, MAXQDA and QualCoder open these. Tandai's own details (stance, framework links) travel too, for Tandai.",
    qdpx: "Project (.qdpx)",
    qdc: "Codebook (.qdc)",
    done: "Written: {{path}}",
  },
  preview: {
    title: "Import “{{name}}”",
    origin: "Written by: {{origin}}",
    positions: "Positions read as {{reading}}, {{basis}}.",
    add: "Will add {{sources}} sources, {{codes}} codes, {{codings}} codings, {{memos}} memos, {{cases}} cases, {{groups}} document groups, {{attributes}} attributes with {{values}} values.",
    already: "Already in the project (not added twice): {{sources}} sources, {{codes}} codes, {{codings}} codings.",
    notImported:
      "Not imported: {{pdfSources}} PDF sources without text, {{pdfSelections}} PDF area selections, {{pictures}} pictures, {{audio}} audio and {{video}} video sources, {{emptySelections}} empty selections, {{unknownCodes}} codings of codes not in the file, {{badValues}} variable values that do not fit their variable.",
    caseSelections_one: "Not imported: {{count}} passage tied to a case (a Case's SelectionRef). Tandai's cases hold whole documents, and putting the whole document in the case would count passages that are not the case's.",
    caseSelections_other: "Not imported: {{count}} passages tied to cases (a Case's SelectionRef). Tandai's cases hold whole documents, and putting the whole document in the case would count passages that are not the case's.",
    codeSets_one: "Not imported: {{count}} set of codes ({{names}}). Tandai has no groups of codes; the codes themselves are imported.",
    codeSets_other: "Not imported: {{count}} sets of codes ({{names}}). Tandai has no groups of codes; the codes themselves are imported.",
    dryRun: "Dry run: nothing was written.",
    imported: "Imported “{{file}}” as one step (undo takes it back).",
    import: "Import",
    cancel: "Cancel",
  },
  codebookNamespace: "Read in the namespace {{namespace}}.",
  exported: "Wrote {{path}} ({{sources}} sources, {{codes}} codes, {{codings}} codings).",
} as const;
