export default {
  unexpected: "Something went wrong: {{detail}}",
  op: {
    unknownCase: "There is no case with id {{id}}.",
    duplicateId: "An item with id {{id}} already exists.",
    unknownDocument: "There is no document with id {{id}}.",
    unknownCode: "There is no code with id {{id}}.",
    unknownCoding: "There is no coding with id {{id}}.",
    unknownMemoTarget: "There is nothing to attach a memo to at {{target}}.",
    badRange: "The passage {{start}}–{{end}} lies outside “{{document}}” ({{length}} characters).",
    codeCycle: "“{{code}}” cannot be moved inside itself.",
    unknownFramework: "There is no framework with id {{id}} in this project.",
    unknownIndicator: "There is no indicator {{id}} in the frameworks of this project.",
    emptyJustification: "A decision on indicator {{id}} needs a written justification.",
    mergeIntoSelf: "“{{source}}” cannot be merged into “{{target}}”, which is itself or nested in it.",
  },
  quote: {
    empty: "The quote to code in “{{document}}” is empty.",
    notFound: "“{{quote}}” does not occur in “{{document}}”. Copy the words exactly as they stand in the document.",
    occurrence: "“{{quote}}” occurs {{count}} times in “{{document}}”, so occurrence {{occurrence}} does not exist.",
  },
  ipc: {
    tooLarge: "The request is larger than {{limit}}.",
    badArgument: "The request {{channel}} was malformed: {{detail}}",
    noProject: "No project is open.",
    unknownChannel: "Unknown request {{channel}}.",
    forbidden: "This request is not allowed.",
  },
};
