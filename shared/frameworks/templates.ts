import type { Framework, FrameworkKind } from "./model.js";

/**
 * The frameworks Tandai ships (docs: the frameworks guide). Ids are part of the file format and
 * must never change; names may be polished. Defaults thresholds to one coding in one document.
 */
type Row = [key: string, en: string, id: string, description?: { en: string; id: string }];

function template(id: string, en: string, idName: string, kind: FrameworkKind, rows: Row[]): Framework {
  return {
    id,
    name: { en, id: idName },
    kind,
    indicators: rows.map(([key, nameEn, nameId, description]) => ({
      id: `${id}.${key}`,
      name: { en: nameEn, id: nameId },
      ...(description ? { description } : {}),
    })),
    thresholds: { minCodings: 1, minDocuments: 1 },
  };
}

const kuznetsov = template("kuznetsov", "Paradiplomacy capacity (Kuznetsov)", "Kapasitas paradiplomasi (Kuznetsov)", "assessment", [
  ["causes", "Causes / origin of the cooperation", "Awal mula kerja sama", {
    en: "How and why the partnership began (globalisation, decentralisation, external stimulus, a leader's initiative).",
    id: "Bagaimana dan mengapa kemitraan dimulai (globalisasi, desentralisasi, dorongan dari luar, inisiatif seorang pemimpin).",
  }],
  ["motives", "Motives", "Motif", {
    en: "What the local government wants from the cooperation.",
    id: "Apa yang ingin diperoleh pemerintah daerah dari kerja sama ini.",
  }],
  ["legal", "Legal basis", "Dasar hukum", {
    en: "Laws cited (UU 37/1999, UU 24/2000, UU 23/2014, PP 28/2018, Permendagri 25/2020), signed LoI / MoU.",
    id: "Peraturan yang dirujuk (UU 37/1999, UU 24/2000, UU 23/2014, PP 28/2018, Permendagri 25/2020), LoI / MoU yang ditandatangani.",
  }],
  ["implementation", "Implementation (institutionalisation)", "Penerapan paradiplomasi", {
    en: "Responsible units, action plans, programmes actually carried out.",
    id: "Unit yang bertanggung jawab, rencana aksi, program yang benar-benar dilaksanakan.",
  }],
  ["central", "Central government attitude", "Sikap pemerintah pusat", {
    en: "Stance of the foreign and home-affairs ministries: support, facilitation, obstruction.",
    id: "Sikap Kementerian Luar Negeri dan Kementerian Dalam Negeri: dukungan, fasilitasi, hambatan.",
  }],
  ["consequences", "Consequences of the cooperation", "Konsekuensi kerja sama", {
    en: "Outcomes for the region and the state (or their absence).",
    id: "Hasil bagi daerah dan negara (atau ketiadaannya).",
  }],
]);

const keating = template("keating", "Motives of paradiplomacy (Keating)", "Motif paradiplomasi (Keating)", "classification", [
  ["economic", "Economic motive", "Motif ekonomi"],
  ["cultural", "Cultural motive", "Motif budaya"],
  ["political", "Political motive", "Motif politik"],
]);

const stages = template("stages", "Implementation stages", "Tahap implementasi kerja sama", "ordered_assessment", [
  ["initiation", "Initiation", "Tahap inisiasi"],
  ["planning", "Planning and design", "Tahap perencanaan dan perancangan"],
  ["execution", "Execution", "Tahap pelaksanaan"],
]);

const obstacles = template("obstacles", "Obstacles", "Hambatan dan tantangan", "inventory", [
  ["pandemic", "Covid-19 pandemic", "Pandemi Covid-19"],
  ["human_resources", "Limited human resources", "Keterbatasan sumber daya manusia"],
  ["budget", "Limited budget", "Keterbatasan anggaran"],
  ["language_culture", "Language and cultural barriers", "Keterbatasan bahasa dan budaya"],
  ["bureaucracy", "Bureaucracy", "Sistem birokrasi"],
  ["information", "Lack of information and media coverage", "Kurangnya informasi media"],
]);

const lecours = template("lecours", "Layers of paradiplomacy (Lecours)", "Lapisan paradiplomasi (Lecours)", "classification", [
  ["economic", "Layer 1: economic", "Lapisan pertama: ekonomi"],
  ["cooperation", "Layer 2: cultural, educational and technical cooperation", "Lapisan kedua: kerja sama budaya, pendidikan dan teknis"],
  ["political", "Layer 3: political (identity, autonomy)", "Lapisan ketiga: politik"],
]);

const duchacek = template("duchacek", "Types of paradiplomacy (Duchacek)", "Tipe paradiplomasi (Duchacek)", "exclusive_classification", [
  ["transborder", "Transborder regional paradiplomacy", "Paradiplomasi regional lintas batas"],
  ["transregional", "Transregional paradiplomacy", "Paradiplomasi transregional"],
  ["global", "Global paradiplomacy", "Paradiplomasi global"],
]);

const mukti = template("mukti", "Categories of paradiplomacy (Mukti)", "Kategori paradiplomasi (Mukti)", "exclusive_classification", [
  ["political", "Political paradiplomacy", "Paradiplomasi politik"],
  ["economic", "Economic paradiplomacy", "Paradiplomasi ekonomi"],
  ["multipurpose", "Multi-purpose paradiplomacy", "Paradiplomasi multi-purpose"],
]);

const sectors = template("sectors", "Fields of cooperation", "Bidang kerja sama", "inventory", [
  ["economy", "Economy, trade and investment", "Perekonomian, perdagangan dan investasi"],
  ["fisheries", "Fisheries", "Perikanan"],
  ["agriculture", "Agriculture", "Pertanian"],
  ["tourism", "Tourism", "Pariwisata"],
  ["culture", "Culture", "Budaya"],
  ["education", "Education", "Pendidikan"],
  ["health", "Health", "Kesehatan"],
]);

/** The built-in frameworks in the order the app offers them. */
export const TEMPLATES: readonly Framework[] = [kuznetsov, keating, stages, obstacles, lecours, duchacek, mukti, sectors];

export const TEMPLATE_IDS = TEMPLATES.map((f) => f.id);

/** A fresh copy of a built-in framework (callers may put it in a project and later change it). */
export function templateFramework(id: string): Framework | undefined {
  const found = TEMPLATES.find((f) => f.id === id);
  return found ? (JSON.parse(JSON.stringify(found)) as Framework) : undefined;
}
