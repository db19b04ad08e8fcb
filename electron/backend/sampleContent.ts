/**
 * The sample project that opens on first start: two short interview transcripts about a
 * sister-city cooperation, written for Tandai (fictional interviews, not quotations), one in
 * Indonesian and one in English, already coded so a newcomer sees coded text at once.
 * This is project data, not interface text: it stays as written whatever the interface language.
 */

export interface SampleCode {
  key: string;
  parent?: string;
  name: { en: string; id: string };
  color: string;
  definition: { en: string; id: string };
}

export interface SampleDocument {
  title: string;
  text: string;
  codings: { quote: string; code: string; stance?: "supports" | "contradicts" }[];
}

export const sampleName = { en: "Sample – Padang and Vung Tau sister city", id: "Contoh – Kota kembar Padang dan Vung Tau" };

export const sampleCaseName = "Padang – Ba Ria-Vung Tau";

export const sampleCodes: SampleCode[] = [
  { key: "motive", name: { en: "Motive", id: "Motif" }, color: "#0072b2", definition: { en: "What the local government wants from the cooperation.", id: "Apa yang ingin dicapai pemerintah daerah melalui kerja sama." } },
  { key: "economic", parent: "motive", name: { en: "Economic motive", id: "Motif ekonomi" }, color: "#009e73", definition: { en: "Trade, investment, exports, jobs.", id: "Perdagangan, investasi, ekspor, lapangan kerja." } },
  { key: "cultural", parent: "motive", name: { en: "Cultural motive", id: "Motif budaya" }, color: "#cc79a7", definition: { en: "Shared language, history or identity.", id: "Kesamaan bahasa, sejarah atau identitas." } },
  { key: "obstacle", name: { en: "Obstacle", id: "Hambatan" }, color: "#d55e00", definition: { en: "What slowed or stopped the cooperation.", id: "Apa yang memperlambat atau menghentikan kerja sama." } },
  { key: "budget", parent: "obstacle", name: { en: "Limited budget", id: "Keterbatasan anggaran" }, color: "#e69f00", definition: { en: "No or too little money set aside.", id: "Anggaran tidak ada atau terlalu kecil." } },
  { key: "pandemic", parent: "obstacle", name: { en: "Covid-19 pandemic", id: "Pandemi Covid-19" }, color: "#f0e442", definition: { en: "Travel bans and cancelled programmes.", id: "Larangan perjalanan dan program yang dibatalkan." } },
  { key: "stage", name: { en: "Stage", id: "Tahap" }, color: "#56b4e9", definition: { en: "How far the cooperation has come: initiation, planning, execution.", id: "Sejauh mana kerja sama berjalan: inisiasi, perencanaan, pelaksanaan." } },
];

export const sampleDocuments: SampleDocument[] = [
  {
    title: "Wawancara – Bagian Kerja Sama Pemkot Padang",
    text: [
      "Pewawancara: Bagaimana awal mula kerja sama kota kembar Padang dengan Vung Tau?",
      "Narasumber: Awalnya ada kunjungan delegasi pada tahun 2016, lalu kedua wali kota menandatangani Letter of Intent.",
      "Narasumber: Tujuan utama kami adalah membuka pasar ekspor hasil perikanan dan menarik investasi ke pelabuhan.",
      "Pewawancara: Apakah ada kesamaan budaya yang mendorong kerja sama ini?",
      "Narasumber: Jujur saja, bahasa dan sejarah kedua kota sangat berbeda, jadi faktor budaya bukan alasan kami.",
      "Narasumber: Setelah MoU, rencana aksi sempat disusun, tetapi pandemi Covid-19 membuat semua kunjungan dibatalkan.",
      "Narasumber: Anggaran untuk kerja sama luar negeri juga tidak dialokasikan dalam APBD tahun berikutnya.",
    ].join("\n"),
    codings: [
      { quote: "Awalnya ada kunjungan delegasi pada tahun 2016, lalu kedua wali kota menandatangani Letter of Intent.", code: "stage" },
      { quote: "membuka pasar ekspor hasil perikanan dan menarik investasi ke pelabuhan", code: "economic" },
      { quote: "Tujuan utama kami adalah membuka pasar ekspor hasil perikanan", code: "motive" },
      { quote: "bahasa dan sejarah kedua kota sangat berbeda, jadi faktor budaya bukan alasan kami", code: "cultural", stance: "contradicts" },
      { quote: "pandemi Covid-19 membuat semua kunjungan dibatalkan", code: "pandemic" },
      { quote: "Anggaran untuk kerja sama luar negeri juga tidak dialokasikan dalam APBD", code: "budget" },
    ],
  },
  {
    title: "Interview – Ba Ria-Vung Tau Department of Foreign Affairs",
    text: [
      "Interviewer: Why did Ba Ria-Vung Tau accept the partnership with Padang?",
      "Respondent: Our province wanted new buyers for seafood and a partner port in western Indonesia.",
      "Respondent: Both cities are coastal and depend on fishing, so the economic fit was obvious.",
      "Interviewer: What happened after the memorandum was signed?",
      "Respondent: We exchanged one technical visit on aquaculture, then the pandemic closed the borders.",
      "Respondent: Since then, no budget line has been approved on either side to continue the programme.",
    ].join("\n"),
    codings: [
      { quote: "Our province wanted new buyers for seafood and a partner port in western Indonesia.", code: "economic" },
      { quote: "so the economic fit was obvious", code: "economic" },
      { quote: "We exchanged one technical visit on aquaculture", code: "stage" },
      { quote: "the pandemic closed the borders", code: "pandemic" },
      { quote: "no budget line has been approved on either side", code: "budget" },
    ],
  },
];
