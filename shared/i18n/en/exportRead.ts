/** An export job reading the project from disk at the change it was started at (electron/store/readAt.ts). */
export default {
  errors: {
    mismatch:
      "The export could not read the project in “{{dir}}” as it was at change {{seq}}, when the export started ({{detail}}). Its files were changed by something other than Tandai, for example a backup copied back by hand or a sync program. Start the export again.",
  },
};
