import { afterEach, describe, expect, it } from "vitest";
import { newCodeId, newCodingId, newDocumentId, strongestQuotes, type DocumentId, type Passage, type Stance } from "../../shared/index.js";
import { QuoteList } from "../../renderer/components/indicators/Quotes.js";
import { $$, click, render, type Rendered } from "./harness.js";

const code = newCodeId();
const docs = [newDocumentId(), newDocumentId()] as const;
const passage = (documentId: DocumentId, quote: string, start: number, stance: Stance = "supports"): Passage => ({
  codingId: newCodingId(),
  codeId: code,
  documentId,
  documentTitle: documentId === docs[0] ? "Wawancara Padang" : "Interview Vung Tau",
  start,
  end: start + quote.length,
  quote,
  before: "",
  after: "",
  location: { paragraph: 1, page: null },
  coder: "Rani",
  stance,
});

/** A contested indicator's passages in one case: three supporting, two against. */
const PASSAGES = [
  passage(docs[0], "membuka pasar ekspor", 10),
  passage(docs[0], "menarik investasi", 40),
  passage(docs[0], "bukan karena ekonomi", 80, "contradicts"),
  passage(docs[1], "new buyers for seafood", 5),
  passage(docs[1], "trade never followed", 60, "contradicts"),
];

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe("the strongest quotes of a contested indicator", () => {
  it("picks supporting quotes and the quotes against, each side one per document first", () => {
    expect(strongestQuotes(PASSAGES, 2).map((p) => p.quote)).toEqual(["membuka pasar ekspor", "new buyers for seafood", "bukan karena ekonomi", "trade never followed"]);
    expect(strongestQuotes(PASSAGES.slice(0, 2), 2).map((p) => p.stance)).toEqual(["supports", "supports"]);
  });

  it("shows the contradicting quotes below the supporting ones, marked, and each jumps to its passage", async () => {
    const jumps: unknown[] = [];
    view = await render(<QuoteList passages={strongestQuotes(PASSAGES, 2)} onJump={(...args) => jumps.push(args)} />);
    const text = (els: Element[]) => els.map((q) => q.querySelector(".quote-text")!.textContent);
    expect(text($$(view.host, "[data-testid=indicator-quote]"))).toEqual(["“membuka pasar ekspor”", "“new buyers for seafood”"]);
    const against = $$(view.host, "[data-testid=indicator-quote-against]");
    expect(text(against)).toEqual(["“bukan karena ekonomi”", "“trade never followed”"]);
    expect(against[0]!.querySelector(".badge.contradicts")!.textContent).toBe("Contradicts");
    await click(against[1]!);
    expect(jumps).toEqual([[docs[1], 60, 80]]);
  });

  it("says there is no supporting passage, and still shows the evidence against", async () => {
    view = await render(<QuoteList passages={strongestQuotes(PASSAGES.filter((p) => p.stance === "contradicts"), 2)} />);
    expect(view.host.querySelector(".quote-none")!.textContent).toMatch(/No supporting passage/);
    expect($$(view.host, "[data-testid=indicator-quote-against]")).toHaveLength(2);
  });
});
