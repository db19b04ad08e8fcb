export default {
  title: "Atribut",
  hint: {
    document: "Keterangan tentang dokumen ini (negara mitra, tanggal, jenis sumber) untuk menyaring dan triangulasi.",
    case: "Keterangan tentang kasus ini (negara mitra, tahun penandatanganan) untuk membandingkan kasus.",
  },
  none: {
    document: "Belum ada atribut dokumen. Tambahkan di bawah.",
    case: "Belum ada atribut kasus. Tambahkan di bawah.",
  },
  types: {
    text: "Teks",
    number: "Angka",
    date: "Tanggal",
    choice: "Pilihan",
  },
  notSet: "(belum diisi)",
  valueLabel: "{{name}} ({{type}})",
  sourceType: "dipakai untuk triangulasi",
  numberHint: "Angka, mis. 2019 atau 1,5",
  new: {
    title: "Atribut baru",
    name: "Nama atribut baru",
    namePlaceholder: "mis. Negara mitra",
    type: "Jenis atribut baru",
    choices: "Pilihan atribut baru",
    choicesPlaceholder: "Pilihan, dipisahkan koma",
    add: "Tambah atribut",
    duplicate: "Sudah ada atribut dengan nama ini.",
  },
  addSourceType: "Tambah jenis sumber",
  addSourceTypeHint: "Menambahkan atribut “{{name}}” dengan pilihan {{choices}}, yang dapat dipakai kerangka analisis untuk menghitung hanya jenis sumber tertentu.",
};
