/** The preview before a framework is added: which of the researcher's codes each indicator will use. */
export default {
  title: "Add “{{name}}”",
  intro: "Each indicator needs a code whose codings are its evidence. Your codes named like an indicator are chosen for it; change any row before adding.",
  indicator: "Indicator",
  code: "Evidence from",
  create: "New code “{{name}}”",
  link: "Your code “{{code}}”",
  alreadyLinked: "Already linked: {{codes}}",
  summary_one: "Links {{linked}} of your codes and creates {{count}} new code. One undo takes it all back.",
  summary_other: "Links {{linked}} of your codes and creates {{count}} new codes. One undo takes it all back.",
  confirm: "Add framework",
  done_one: "Added “{{name}}”: linked {{linked}} of your codes, created {{count}} code.",
  done_other: "Added “{{name}}”: linked {{linked}} of your codes, created {{count}} codes.",
};
