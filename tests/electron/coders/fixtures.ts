// Four paragraphs of an interview (own fixture).
export const INTERVIEW = [
  "Kerja sama ini dimulai karena peluang investasi dan perdagangan.",
  "Pertukaran budaya juga penting bagi kedua kota.",
  "Anggaran daerah terbatas sehingga program berjalan lambat.",
  "Kami berharap kunjungan pejabat berlanjut tahun depan.",
].join("\n");
