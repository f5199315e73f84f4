/** React glue for FreshElement: one per board page, read by each element that has a name. */
import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { FreshElement, type NamedRef } from "./FreshElement.ts";

export const FreshElementContext = createContext<FreshElement>(new FreshElement());

/**
 * True on the first render of the element just added here: pass it as the name field's
 * `autoEdit`. It is consumed once the field has mounted open.
 */
export function useFreshName(ref: NamedRef): boolean {
  const fresh = useContext(FreshElementContext);
  const isFresh = useSyncExternalStore(fresh.subscribe, () => fresh.is(ref));
  useEffect(() => {
    if (isFresh) fresh.opened(ref);
  });
  return isFresh;
}
