import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApp, launchBrowser, newPage, screenshot, TandaiServer } from "./harness.js";

const run = promisify(execFile);

/**
 * "Done means" of the frameworks issue: `tandai indicators --json` gives the same result as the
 * dashboard for the same project. The project is built with the CLI only (two documents, two
 * cases, two templates and a custom framework whose thresholds ask for two documents), then served
 * and read in Chromium: every indicator row's computed and effective status, evidence against,
 * counts, and every verdict sentence, in both languages. A change made in the app (thresholds, an
 * override) is then read back by the CLI.
 */

interface CliIndicator {
  id: string;
  computed: string;
  effective: string;
  supporting: number;
  contradicting: number;
  documents: number;
  hasContradicting: boolean;
  override: { status: string } | null;
}
interface CliFramework {
  frameworkId: string;
  indicators: CliIndicator[];
  verdict: { sentence: string };
}
interface CliCase {
  caseId: string;
  name: string;
  frameworks: CliFramework[];
}

/** What a dashboard card shows, in one shape for the CLI's answer and the page. */
interface Card {
  frameworkId: string;
  sentence: string;
  indicators: { id: string; computed: string; effective: string; against: boolean; supporting: number; contradicting: number; documents: number; override: string | null }[];
}

const fromCli = (c: CliCase): Card[] =>
  c.frameworks.map((f) => ({
    frameworkId: f.frameworkId,
    sentence: f.verdict.sentence,
    indicators: f.indicators.map((i) => ({
      id: i.id,
      computed: i.computed,
      effective: i.effective,
      against: i.hasContradicting,
      supporting: i.supporting,
      contradicting: i.contradicting,
      documents: i.documents,
      override: i.override?.status ?? null,
    })),
  }));

const fromPage = (page: Page): Promise<Card[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-testid=framework-card]")].map((card) => ({
      frameworkId: card.dataset.frameworkId!,
      sentence: card.querySelector("[data-testid=verdict-sentence]")!.textContent!,
      indicators: [...card.querySelectorAll<HTMLElement>("[data-testid=indicator-row]")].map((row) => {
        const count = (which: string) => Number(row.querySelector(`[data-testid=count-${which}]`)!.textContent);
        return {
          id: row.dataset.indicatorId!,
          computed: row.dataset.status!,
          effective: row.dataset.effective!,
          against: row.dataset.against === "true",
          supporting: count("supporting"),
          contradicting: count("contradicting"),
          documents: count("documents"),
          override: row.dataset.override ?? null,
        };
      }),
    })),
  );

const interview = [
  "Pewawancara: Apa tujuan Pemerintah Kota Padang menjalin kerja sama dengan Bà Rịa–Vũng Tàu?",
  "Narasumber: Kami ingin membuka pasar ekspor perikanan dan menarik investasi ke pelabuhan Teluk Bayur.",
  "Narasumber: Kerja sama ini berawal dari kunjungan wali kota pada tahun 2015.",
  "Narasumber: Terus terang, tidak ada kaitannya dengan budaya atau sejarah bersama.",
  "Narasumber: Sampai sekarang belum ada dampak nyata bagi nelayan kami.",
  "Narasumber: Jaringan kota-kota pesisir ASEAN membantu kami bertemu mitra.",
].join("\n");

const report = [
  "Laporan Biro Kerja Sama Provinsi Sumatera Barat 2019",
  "Kerja sama ditandatangani dalam bentuk MoU berdasarkan UU 23/2014 dan Permendagri 25/2020.",
  "Tujuan utama adalah peningkatan perdagangan hasil laut dan pariwisata.",
  "Kementerian Luar Negeri memberikan persetujuan atas rencana kerja sama.",
  "Forum kota pesisir ASEAN menjadi sarana pertukaran pengalaman.",
].join("\n");

/** A framework the researcher defined, as `tandai framework import` reads it: met only with evidence in two documents. */
const hocking = {
  id: "hocking",
  name: { en: "Multilayered diplomacy (Hocking)", id: "Diplomasi berlapis (Hocking)" },
  kind: "assessment",
  indicators: [
    { id: "hocking.networks", name: { en: "Transnational networks", id: "Jaringan transnasional" } },
    { id: "hocking.access", name: { en: "Access to national policy", id: "Akses ke kebijakan nasional" } },
  ],
  thresholds: { minCodings: 1, minDocuments: 2 },
};

describe.sequential("the CLI and the dashboard agree", () => {
  let server: TandaiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let indonesian: CliCase[];
  let english: CliCase[];
  const cli = async (...args: string[]) => (await run(process.execPath, ["bin/tandai.js", ...args], { env: server.env })).stdout;
  const indicators = async (language: "en" | "id") => (JSON.parse(await cli("indicators", dir, "--json", "--lang", language)) as { cases: CliCase[] }).cases;

  beforeAll(async () => {
    server = await TandaiServer.create();
    dir = join(server.root, "parity-project");
    const interviewFile = join(server.root, "Wawancara Bappeda Padang.txt");
    const reportFile = join(server.root, "Laporan Biro Kerja Sama.txt");
    const hockingFile = join(server.root, "hocking.framework.json");
    await writeFile(interviewFile, interview);
    await writeFile(reportFile, report);
    await writeFile(hockingFile, JSON.stringify(hocking));

    await cli("new", dir, "--name", "Paradiplomasi Padang");
    await cli("import", dir, interviewFile, reportFile);
    await cli("framework", "add", dir, "keating", "--lang", "en");
    await cli("framework", "add", dir, "kuznetsov", "--lang", "id");
    await cli("framework", "import", dir, hockingFile);
    await cli("case", "add", dir, "Padang – Ba Ria-Vung Tau", "--doc", "Wawancara Bappeda Padang", "--doc", "Laporan Biro Kerja Sama");
    await cli("case", "add", dir, "Padang (wawancara saja)", "--doc", "Wawancara Bappeda Padang");
    const code = (doc: string, quote: string, indicator: string, stance = "supports") => cli("code", dir, "--doc", doc, "--quote", quote, "--code", indicator, "--stance", stance);
    const w = "Wawancara Bappeda Padang";
    const r = "Laporan Biro Kerja Sama";
    await code(w, "membuka pasar ekspor perikanan", "keating.economic");
    await code(r, "peningkatan perdagangan hasil laut", "keating.economic");
    await code(w, "tidak ada kaitannya dengan budaya atau sejarah bersama", "keating.cultural", "contradicts");
    await code(w, "berawal dari kunjungan wali kota", "kuznetsov.causes");
    await code(w, "membuka pasar ekspor", "kuznetsov.motives");
    await code(r, "MoU berdasarkan UU 23/2014", "kuznetsov.legal");
    await code(r, "Kementerian Luar Negeri memberikan persetujuan", "kuznetsov.central");
    await code(w, "belum ada dampak nyata bagi nelayan", "kuznetsov.consequences", "contradicts");
    await code(w, "Jaringan kota-kota pesisir ASEAN", "hocking.networks");
    await code(r, "Forum kota pesisir ASEAN", "hocking.networks");
    await code(r, "Kementerian Luar Negeri", "hocking.access");

    // The CLI needs the project to itself, so it answers before the server opens it.
    indonesian = await indicators("id");
    english = await indicators("en");
    await server.start([dir]);
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(() => closeApp({ server, browser }));

  async function expectSame(cases: CliCase[]) {
    for (const c of cases) {
      await page.getByTestId("case-select").selectOption(c.caseId);
      await expect.poll(() => fromPage(page)).toEqual(fromCli(c));
    }
  }


  it("builds the project the CLI way, with the statuses the findings call for", async () => {
    expect(indonesian.map((c) => c.name)).toEqual(["Padang – Ba Ria-Vung Tau", "Padang (wawancara saja)"]);
    const both = indonesian[0]!;
    const framework = (id: string) => both.frameworks.find((f) => f.frameworkId === id)!;
    expect(framework("keating").verdict.sentence).toBe("terdapat motif ekonomi; tidak ada motif budaya atau politik");
    expect(framework("kuznetsov").verdict.sentence).toMatch(/tidak optimal/);
    // Two documents meet the custom framework's threshold; one does not.
    const hockingRows = framework("hocking").indicators;
    expect(hockingRows.map((i) => [i.id, i.computed, i.documents])).toEqual([
      ["hocking.networks", "met", 2],
      ["hocking.access", "not_met", 1],
    ]);
    expect(indonesian[1]!.frameworks.find((f) => f.frameworkId === "hocking")!.indicators[0]!.computed).toBe("not_met");
  });

  it("shows in Indonesian exactly what `tandai indicators --json --lang id` says, case by case", async () => {
    await page.goto(server.url);
    await page.getByTestId("workspace").waitFor();
    await expect.poll(() => page.getByTestId("tab-indicators").textContent()).toBe("Indikator");
    await page.getByTestId("tab-indicators").click();
    await page.getByTestId("framework-card").first().waitFor();
    await expectSame(indonesian);
  });

  it("shows in English exactly what `--lang en` says", async () => {
    await page.getByTestId("language").first().selectOption("en");
    await expect.poll(() => page.getByTestId("tab-indicators").textContent()).toBe("Indicators");
    await expectSame(english);
    await page.getByTestId("case-select").selectOption(english[0]!.caseId);
    await screenshot(page, "12-parity-en");
  });

  it("reads back with the CLI what was changed in the app: thresholds and an override", async () => {
    const caseId = indonesian[0]!.caseId;
    await page.getByTestId("case-select").selectOption(caseId);
    const hockingCard = page.locator('[data-testid="framework-card"][data-framework-id="hocking"]');
    await hockingCard.getByTestId("min-documents").fill("1");
    await expect.poll(() => hockingCard.locator('[data-indicator-id="hocking.access"]').getAttribute("data-status")).toBe("met");
    const keatingCard = page.locator('[data-testid="framework-card"][data-framework-id="keating"]');
    await keatingCard.getByTestId("min-codings").fill("3");
    await expect.poll(() => keatingCard.locator('[data-indicator-id="keating.economic"]').getAttribute("data-status")).toBe("not_met");
    await keatingCard.locator('[data-indicator-id="keating.political"]').getByTestId("override-button").click();
    await page.getByTestId("override-status").selectOption("met");
    await page.getByTestId("override-justification").fill("The governor's speech frames the partnership as provincial autonomy.");
    await page.getByTestId("confirm").click();
    await expect.poll(() => keatingCard.locator('[data-indicator-id="keating.political"]').getAttribute("data-override")).toBe("met");

    const shown: Record<string, Card[]> = {};
    for (const c of indonesian) {
      await page.getByTestId("case-select").selectOption(c.caseId);
      shown[c.caseId] = await fromPage(page);
    }
    // The CLI needs the project to itself: stop the server as Ctrl+C would.
    await server.stop();
    const after = await indicators("en");
    for (const c of after) expect(fromCli(c)).toEqual(shown[c.caseId]);
    const keating = after[0]!.frameworks.find((f) => f.frameworkId === "keating")!;
    expect(keating.indicators.find((i) => i.id === "keating.political")!.override?.status).toBe("met");
    expect(keating.indicators.find((i) => i.id === "keating.economic")!.computed).toBe("not_met");
  });
});
