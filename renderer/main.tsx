import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { api } from "./api/client.js";
import { App } from "./App.js";
import { initI18n } from "./i18n.js";
import "./styles/app.css";
import "./styles/workspace.css";

const preferences = await api.getPreferences({});
await initI18n(preferences.language);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App initialPreferences={preferences} />
  </StrictMode>,
);
