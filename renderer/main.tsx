import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { AppInfo, Preferences } from "../shared/index.js";
import { unwrap } from "./api/client.js";
import { App } from "./App.js";
import { firstScreen } from "./boot/index.js";
import { initI18n, startLanguage } from "./i18n.js";
import "./styles/app.css";
import "./styles/workspace.css";

// The moment the bundle has been parsed and its modules run (the app benchmark's cold-start timeline).
performance.mark("tandai:boot");
// Asked by the boot script while this bundle loaded (boot/index.ts): answered by now, as a rule.
const [stored, info] = await Promise.all([firstScreen.preferences.then(unwrap<Preferences>), firstScreen.appInfo.then(unwrap<AppInfo>)]);
const preferences = { ...stored, language: startLanguage(stored.language, info.languageChosen, navigator.language) };
await initI18n(preferences.language);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App initialPreferences={preferences} initialInfo={info} start={firstScreen.project} />
  </StrictMode>,
);
