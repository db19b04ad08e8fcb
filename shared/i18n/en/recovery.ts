/** Messages of the command line's backups and restore, and of warnings after a command that succeeded. */
export default {
  warning: "warning: {{message}}",
  backupsHeading: "Backups of {{dir}}, newest first:",
  backupLine: "  {{file}}   {{date}}",
  noBackups: "“{{dir}}” has no backups yet. Tandai takes one each time the project is opened or closed.",
  restored: "Restored {{dir}} from the backup {{file}} of {{date}}.",
  replayed_one: "Replayed {{count}} change saved after that backup.",
  replayed_other: "Replayed {{count}} changes saved after that backup.",
  setAside: "Kept the previous {{file}} aside, unchanged, as {{aside}}.",
  dropped_one: "{{count}} journal line from line {{line}} on was damaged and is kept in the file set aside; it was not replayed.",
  dropped_other: "{{count}} journal lines from line {{line}} on were damaged and are kept in the file set aside; they were not replayed.",
  notFollowing: "The journal did not follow on from this backup; it was kept aside whole and not replayed.",
  summary: "{{name}} now has {{documents}}, {{codes}}, {{codings}}.",
} as const;
