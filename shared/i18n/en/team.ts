/** A team project (issue 14): the replica's errors and the words of its conflicts (shared/team/). */
export default {
  errors: {
    pullRejected: "The changes received from the team server could not be applied here: a “{{op}}” was refused ({{detail}}). Nothing was changed; sync again, and if this repeats, report it with this message.",
    unknownConflict: "There is no open conflict “{{id}}” in this team project: it may have been resolved by another member already.",
    noOtherSide: "Both members' edits to this memo are already in it, merged as text, so there is no other version to choose. Dismiss the notice instead.",
  },
  conflict: {
    deletedWhileCoded: {
      code_one: "{{deleter}} deleted the code “{{name}}” on {{deletedAt}} while {{coder}} was coding with it ({{count}} coding). The code was restored so that no coding is lost.",
      code_other: "{{deleter}} deleted the code “{{name}}” on {{deletedAt}} while {{coder}} was coding with it ({{count}} codings). The code was restored so that no coding is lost.",
      document_one: "{{deleter}} removed the document “{{name}}” on {{deletedAt}} while {{coder}} was coding it ({{count}} coding). The document was restored so that no coding is lost.",
      document_other: "{{deleter}} removed the document “{{name}}” on {{deletedAt}} while {{coder}} was coding it ({{count}} codings). The document was restored so that no coding is lost.",
      keep: "Keep it",
      other: "Delete it after all",
    },
    codeRenamed: {
      message: "The code was renamed two ways: “{{kept}}” ({{keptBy}}, {{keptAt}}) and “{{other}}” ({{otherBy}}, {{otherAt}}). It is now called “{{kept}}”.",
      keep: "Keep “{{kept}}”",
      other: "Call it “{{other}}”",
    },
    overrideSet: {
      message: "The status of this indicator for this case was set two ways: by {{keptBy}} ({{keptAt}}) and by {{otherBy}} ({{otherAt}}). {{keptBy}}'s is kept.",
      keep: "Keep {{keptBy}}'s",
      other: "Take {{otherBy}}'s",
    },
    memoEdited: {
      message: "{{keptBy}} ({{keptAt}}) and {{otherBy}} ({{otherAt}}) both edited this memo while apart. Both edits were merged into it: read it through once.",
      keep: "Dismiss",
    },
  },
};
