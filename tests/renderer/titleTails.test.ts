import { describe, expect, it } from "vitest";
import { titleTails } from "../../renderer/components/documents/titleTails.js";

const MARET = "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Maret 2024 (transkrip lengkap)";
const JULI = "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Padang, Juli 2024";

const tails = (...titles: string[]) => titleTails(titles.map((title, key) => ({ key, title })));

describe("where a title starts to differ from one that begins the same way", () => {
  it("finds the word in which two long titles part, for both of them", () => {
    const found = tails(MARET, "MoU Padang – Vung Tau", JULI);
    expect(MARET.slice(found.get(0))).toBe("Maret 2024 (transkrip lengkap)");
    expect(JULI.slice(found.get(2))).toBe("Juli 2024");
    expect(found.has(1)).toBe(false);
  });

  it("backs up to the start of the word, when the titles part inside it", () => {
    const found = tails("Laporan Tahunan Dinas Pariwisata 2023", "Laporan Tahunan Dinas Pariwisata 2024");
    expect(found.get(0)).toBe("Laporan Tahunan Dinas Pariwisata ".length);
    expect(found.get(1)).toBe("Laporan Tahunan Dinas Pariwisata ".length);
  });

  it("leaves titles alone that part early, that are all of another's start, or that are the same", () => {
    expect(tails("wawancara-01", "wawancara-02").size).toBe(0);
    const prefix = "Wawancara dengan Kepala Bagian Kerja Sama";
    const found = tails(prefix, `${prefix} (revisi)`, MARET, MARET);
    expect(found.has(0)).toBe(false);
    expect(`${prefix} (revisi)`.slice(found.get(1))).toBe("(revisi)");
    expect(found.has(2) || found.has(3)).toBe(false);
  });

  it("compares each title with its most alike neighbour, not only the next one in the list", () => {
    const found = tails(MARET, "Notulen rapat", "Wawancara dengan Kepala Bagian Kerja Sama Pemerintah Kota Bukittinggi", JULI);
    expect(JULI.slice(found.get(3))).toBe("Juli 2024");
    expect(MARET.slice(found.get(0))).toBe("Maret 2024 (transkrip lengkap)");
  });
});
