/**
 * Light, dark, or the system's choice: kept per browser, applied as `data-theme` on <html>
 * (tokens.css picks colours with light-dark() from the resulting color-scheme).
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
/** Where the choice is kept (a preference of the device: signing out keeps it). */
export const THEME_STORAGE_KEY = "journeymap.theme";

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return THEMES.find((t) => t === value) ?? "system";
  } catch {
    return "system";
  }
}

export function applyTheme(theme: Theme): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private windows may refuse storage: the theme still applies for this page.
  }
}
