export default {
  title: "Attributes",
  hint: {
    document: "Facts about this document (partner country, date, source type) that you can filter and triangulate by.",
    case: "Facts about this case (partner country, year signed) for comparing cases.",
  },
  none: {
    document: "No document attributes yet. Add one below.",
    case: "No case attributes yet. Add one below.",
  },
  types: {
    text: "Text",
    number: "Number",
    date: "Date",
    choice: "Choice",
  },
  notSet: "(not set)",
  valueLabel: "{{name}} ({{type}})",
  sourceType: "used for triangulation",
  numberHint: "A number, e.g. 2019 or 1,5",
  new: {
    title: "New attribute",
    name: "Name of the new attribute",
    namePlaceholder: "e.g. Partner country",
    type: "Type of the new attribute",
    choices: "Choices of the new attribute",
    choicesPlaceholder: "Choices, separated by commas",
    add: "Add attribute",
    duplicate: "There is already an attribute with this name.",
  },
  addSourceType: "Add source type",
  addSourceTypeHint: "Adds the attribute “{{name}}” with the choices {{choices}}, which frameworks can use to count only some kinds of source.",
};
