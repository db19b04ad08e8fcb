import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { FrequencyRequest, toCsv, wordFrequencyChart, wordFrequencyTable, type Language, type SearchScopeInput, type WordFrequency } from "../../../shared/index.js";
import { api } from "../../api/client.js";
import { useApp } from "../../state/app.js";
import { SvgView } from "../charts/SvgView.js";

/** Saves text as a file through a Blob behind an <a download>, in Electron as in a browser. */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The most frequent words of the search scope, as a chart and a table; a word searches for itself on click. */
export function FrequencyView({ scope, onSearch }: { scope: SearchScopeInput; onSearch(word: string): void }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const [stem, setStem] = useState(true);
  const [words, setWords] = useState<WordFrequency[] | null>(null);
  const [stemmed, setStemmed] = useState(true);
  const language = (i18n.language === "en" ? "en" : "id") as Language;
  const chart = useMemo(() => words && wordFrequencyChart(words, language), [words, language]);

  async function count() {
    try {
      setWords(await api.wordFrequencies(FrequencyRequest.parse({ scope, stem, limit: 100 })));
      setStemmed(stem);
    } catch (error) {
      app.showError(error);
    }
  }

  return (
    <section className="frequencies" data-testid="frequencies">
      <h3>{t("search.frequencies.title")}</h3>
      <div className="frequencies-actions">
        <label className="checkbox">
          <input type="checkbox" checked={stem} onChange={(e) => setStem(e.target.checked)} />
          {t("search.panel.stem")}
        </label>
        <button onClick={() => void count()} data-testid="frequencies-count">
          {t("search.frequencies.button")}
        </button>
        {words && words.length > 0 && (
          <button onClick={() => download("word-frequencies.csv", toCsv(wordFrequencyTable(words, language, stemmed)), "text/csv")} data-testid="frequencies-csv">
            {t("search.frequencies.exportCsv")}
          </button>
        )}
      </div>
      {chart && words!.length > 0 && (
        <div className="frequencies-chart">
          <SvgView node={chart.svg} />
        </div>
      )}
      {words && (
        <table className="frequencies-table" data-testid="frequencies-table">
          <thead>
            <tr>
              <th>{t("search.frequencies.word")}</th>
              <th>{t("search.frequencies.count")}</th>
              <th>{t("search.frequencies.documents")}</th>
            </tr>
          </thead>
          <tbody>
            {words.map((w) => (
              <tr key={w.stem ?? w.word}>
                <td>
                  <button className="link" onClick={() => onSearch(w.word)} title={t("search.frequencies.searchWord", { word: w.word })}>
                    {w.word}
                  </button>
                </td>
                <td>{w.count}</td>
                <td>{w.documents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
