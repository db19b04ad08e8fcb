/** The project store's messages (electron/store). Every one names the folder or file concerned. */
export default {
  errors: {
    notAProject: "“{{dir}}” is not a Tandai project: it has no project.json. Choose the project folder itself, or create a new project.",
    notEmpty: "A new project needs an empty folder, but “{{dir}}” already contains files. Choose an empty folder or a new folder name.",
    invalidProject: "The project in “{{dir}}” could not be created: {{detail}}.",
    corrupt:
      "The project file “{{file}}” is damaged and cannot be read ({{detail}}). Tandai has not changed it. You can restore one of the project's backups (in the command line: tandai restore <folder>).",
    newerVersion:
      "“{{file}}” was made by a newer Tandai (project format {{version}}). Update Tandai to open this project; the file has not been changed.",
    foreign:
      "“{{file}}” is not a Tandai project file. Tandai has not changed it. If this folder was a Tandai project, you can restore one of its backups (in the command line: tandai restore <folder>).",
    locked:
      "The project “{{dir}}” is already open in another Tandai window or program (process {{pid}} on computer “{{host}}”). Close it there, then try again.",
    diskWrite:
      "Could not save to “{{file}}” ({{detail}}). Your last change was not saved. Check that the disk is not full and that the folder can be written to.",
    diskRead: "Could not read “{{file}}” ({{detail}}). Check that the file exists and that you may open it.",
    invalidOp: "The change was rejected because it is malformed ({{detail}}). Nothing was saved.",
    invalidDocument: "The text for “{{file}}” is malformed and was not saved ({{detail}}).",
    missingDocument: "The text of a document is missing: “{{file}}” does not exist. It may have been deleted or not copied with the project folder.",
    closed: "The project “{{dir}}” has been closed. Open it again to make changes.",
    noSuchBackup: "There is no backup named “{{file}}” in this project.",
    lockWrite:
      "Could not open the project: Tandai could not write its lock file “{{file}}” ({{detail}}). Nothing was changed. Check that the disk is not full and that the folder can be written to.",
    lockLost:
      "Your last change was not saved: this program no longer holds the project's lock “{{file}}” (it was removed or taken by another program). Nothing was overwritten. Close the project and open it again.",
    integrity_one:
      "The project file “{{file}}” contradicts itself in {{count}}{{more}} place: it refers to a document, code or coding that does not exist, keeps a record under another id, puts a coding outside its document, or makes a code its own ancestor (first: {{detail}}). It was damaged outside Tandai; Tandai has not changed it and will not open it as if it were whole. Repair it (each change is shown first; in the command line: tandai repair) or restore one of the project's backups (tandai backups and tandai restore).",
    integrity_other:
      "The project file “{{file}}” contradicts itself in {{count}}{{more}} places: it refers to a document, code or coding that does not exist, keeps a record under another id, puts a coding outside its document, or makes a code its own ancestor (first: {{detail}}). It was damaged outside Tandai; Tandai has not changed it and will not open it as if it were whole. Repair it (each change is shown first; in the command line: tandai repair) or restore one of the project's backups (tandai backups and tandai restore).",
    noBackups: "“{{dir}}” has no backups to restore. Tandai takes one each time the project is opened or closed.",
  },
  warnings: {
    foldFailed:
      "Your changes are saved in “{{journal}}”, but Tandai could not fold them into “{{file}}” ({{detail}}). That needs about {{needed}} of free disk space; {{free}} is free. Nothing is lost: free some space and Tandai will fold them the next time the project is opened or closed.",
    backupFailed:
      "Could not write a backup of the project into “{{file}}” ({{detail}}). Your changes are saved; only the safety copy is missing. Check that the disk is not full.",
  },
} as const;
