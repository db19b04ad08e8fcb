export default {
  errors: {
    cancelled: "The export was cancelled; no file was written.",
  },
};
