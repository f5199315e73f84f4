import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { keepShellOffline } from "./offlineShell.ts";
import "./styles/app.css";
import { ConfirmHost } from "./ui/ConfirmHost.tsx";
import { applyTheme, storedTheme } from "./ui/theme.ts";

// Before the first paint, so a chosen dark theme never flashes light.
applyTheme(storedTheme());

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
