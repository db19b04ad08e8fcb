export default {
  errors: {
    cancelled: "Ekspor dibatalkan; tidak ada berkas yang ditulis.",
  },
};
