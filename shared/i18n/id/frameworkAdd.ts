/** Pratinjau sebelum kerangka ditambahkan: kode peneliti mana yang dipakai tiap indikator. */
export default {
  title: "Tambahkan “{{name}}”",
  intro: "Setiap indikator memerlukan kode yang pengodeannya menjadi buktinya. Kode Anda yang bernama seperti indikator dipilih untuknya; ubah baris mana pun sebelum menambahkan.",
  indicator: "Indikator",
  code: "Bukti dari",
  create: "Kode baru “{{name}}”",
  link: "Kode Anda “{{code}}”",
  alreadyLinked: "Sudah ditautkan: {{codes}}",
  summary: "Menautkan {{linked}} kode Anda dan membuat {{count}} kode baru. Satu kali urungkan membatalkan semuanya.",
  confirm: "Tambahkan kerangka",
  done: "“{{name}}” ditambahkan: {{linked}} kode Anda ditautkan, {{count}} kode dibuat.",
};
