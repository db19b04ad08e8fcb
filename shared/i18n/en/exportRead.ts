/** An export job reading the project from disk at the change it was started at (electron/store/readAt.ts). */
export default {
  errors: {
    movedOn:
      "The export could not read the project as it was when the export started: “{{file}}” already holds change {{found}}, and the export needs change {{seq}}. The project was saved in between (for example, it was closed). Start the export again.",
    notReached:
      "The export could not read the project in “{{dir}}” as it was at change {{seq}} ({{attempts}} tries; {{detail}}). The project was being saved at the same time. Start the export again.",
  },
};
