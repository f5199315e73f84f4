import { createContext, useContext } from "react";

/** True inside a board the current link may only look at (viewer, commenter). */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
