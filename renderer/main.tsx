import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { api } from "./api/client.js";
import { App } from "./App.js";
import { initI18n, startLanguage } from "./i18n.js";
import "./styles/app.css";
import "./styles/workspace.css";

const [stored, info] = await Promise.all([api.getPreferences({}), api.appInfo({})]);
const preferences = { ...stored, language: startLanguage(stored.language, info.languageChosen, navigator.language) };
await initI18n(preferences.language);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App initialPreferences={preferences} />
  </StrictMode>,
);
