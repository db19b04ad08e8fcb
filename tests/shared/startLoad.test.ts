import { afterEach, describe, expect, it } from "vitest";

/**
 * The renderer loads the whole shared barrel before its first screen (issue 13); what a module
 * does as it loads is paid by every start. The first Intl.Segmenter of a page loads ICU's break
 * data (≈ 10 ms): the charts' label fitting needs one only when it shortens a label.
 */
describe("loading the shared modules", () => {
  const Real = Intl.Segmenter;
  // Intl's members are read-only in TypeScript's lib, not in the engine.
  const intl = Intl as { Segmenter: typeof Real };
  afterEach(() => {
    intl.Segmenter = Real;
  });

  it("makes no Intl.Segmenter until a chart label is shortened, then one for all labels", async () => {
    let made = 0;
    intl.Segmenter = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    };
    await import("../../shared/index.js");
    const { fit } = await import("../../shared/charts/frame.js");
    expect(made).toBe(0);
    expect(fit("Kode", 500, 12)).toBe("Kode");
    expect(made).toBe(0);
    // Shortened at every width without splitting a letter from its accent (e + U+0301).
    const accented = "Pende\u0301katan e\u0301konomi daerah ".repeat(3);
    for (let width = 30; width < 300; width += 3) {
      const kept = fit(accented, width, 12).slice(0, -1);
      expect(accented.startsWith(kept), `width ${width}`).toBe(true);
      expect(/^\p{M}/u.test(accented.slice(kept.length)), `width ${width}`).toBe(false);
    }
    expect(made).toBe(1);
  });
});
