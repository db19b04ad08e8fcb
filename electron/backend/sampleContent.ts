/**
 * The sample project that opens on first start: two short interview transcripts about a
 * sister-city cooperation, written for Tandai (fictional interviews, not quotations), one in
 * Indonesian and one in English, already coded so a newcomer sees coded text at once, and
 * Keating's motives of paradiplomacy linked to the motive codes, so the Indicators tab shows the
 * point of Tandai at once: a case, a framework, indicator statuses and a verdict (economic motive
 * met, cultural motive contested, political motive absent).
 * The documents are project data, not interface text: they stay as written whatever the interface
 * language. The codebook is made in the interface language.
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

/** The framework the sample links its motive codes to, and the codebook keys its codes take. */
export const sampleFramework = {
  id: "keating",
  /** The framework's group code ("Motif paradiplomasi (Keating)"). */
  group: "motive",
  indicators: { economic: "keating.economic", cultural: "keating.cultural", political: "keating.political" } as Record<string, string>,
  /** Definitions for the framework's codes, in place of the framework's bare names. */
  definitions: {
    motive: { en: "What the local government wants from the cooperation.", id: "Apa yang ingin dicapai pemerintah daerah melalui kerja sama." },
    economic: { en: "Trade, investment, exports, jobs.", id: "Perdagangan, investasi, ekspor, lapangan kerja." },
    cultural: { en: "Shared language, history or identity.", id: "Kesamaan bahasa, sejarah atau identitas." },
    political: { en: "Autonomy, standing or identity politics of the region.", id: "Otonomi, kedudukan atau politik identitas daerah." },
  } as Record<string, { en: string; id: string }>,
};

/** The sample's own codes, beside the framework's. */
export const sampleCodes: SampleCode[] = [
  { key: "obstacle", name: { en: "Obstacle", id: "Hambatan" }, color: "#d55e00", definition: { en: "What slowed or stopped the cooperation.", id: "Apa yang memperlambat atau menghentikan kerja sama." } },
  { key: "budget", parent: "obstacle", name: { en: "Limited budget", id: "Keterbatasan anggaran" }, color: "#cc79a7", definition: { en: "No or too little money set aside.", id: "Anggaran tidak ada atau terlalu kecil." } },
  { key: "pandemic", parent: "obstacle", name: { en: "Covid-19 pandemic", id: "Pandemi Covid-19" }, color: "#9c755f", definition: { en: "Travel bans and cancelled programmes.", id: "Larangan perjalanan dan program yang dibatalkan." } },
  { key: "stage", name: { en: "Stage", id: "Tahap" }, color: "#0072b2", definition: { en: "How far the cooperation has come: initiation, planning, execution.", id: "Sejauh mana kerja sama berjalan: inisiasi, perencanaan, pelaksanaan." } },
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
      "Respondent: Our officials also felt close to Padang: both are fishing peoples with a long maritime tradition.",
      "Interviewer: What happened after the memorandum was signed?",
      "Respondent: We exchanged one technical visit on aquaculture, then the pandemic closed the borders.",
      "Respondent: Since then, no budget line has been approved on either side to continue the programme.",
    ].join("\n"),
    codings: [
      { quote: "Our province wanted new buyers for seafood and a partner port in western Indonesia.", code: "economic" },
      { quote: "so the economic fit was obvious", code: "economic" },
      { quote: "both are fishing peoples with a long maritime tradition", code: "cultural" },
      { quote: "We exchanged one technical visit on aquaculture", code: "stage" },
      { quote: "the pandemic closed the borders", code: "pandemic" },
      { quote: "no budget line has been approved on either side", code: "budget" },
    ],
  },
];
