import { useCallback, useSyncExternalStore } from "react";
import { notifyLocationChanged, subscribe } from "../router.ts";
import { hrefWithView, parseView, type View } from "./viewParam.ts";

/**
 * The current view and a setter. Switching replaces the history entry rather than pushing
 * one: arrowing through the tabs should not fill the back button with views.
 */
export function useView(): [View, (view: View) => void] {
  const view = useSyncExternalStore(subscribe, () => parseView(window.location.search));
  const setView = useCallback((next: View) => {
    window.history.replaceState(window.history.state, "", hrefWithView(window.location, next));
    notifyLocationChanged();
  }, []);
  return [view, setView];
}
