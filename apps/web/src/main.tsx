import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { keepShellOffline } from "./offlineShell.ts";
import { parseRoute } from "./router.ts";
import "./styles/app.css";
import { openBoardEarly } from "./sync/openEarly.ts";
import { ConfirmHost } from "./ui/ConfirmHost.tsx";
import { applyTheme, storedTheme } from "./ui/theme.ts";

// Before the first paint, so a chosen dark theme never flashes light.
applyTheme(storedTheme());
// A map's connection and the account are asked for now, and the board's code with them:
// React would ask for the code only once the app has rendered, and the board for the rest
// only once its code had loaded.
const route = parseRoute(window.location.pathname);
openBoardEarly(route);
if (route.page === "board") void import("./board/BoardPage.tsx");

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
    <ConfirmHost />
  </StrictMode>,
);

if (import.meta.env.PROD) {
  // After the first render, so the board chunk (if a map is open) is among the cached assets.
  window.addEventListener("load", () =>
    setTimeout(() => void keepShellOffline().catch(() => {}), 500),
  );
}
