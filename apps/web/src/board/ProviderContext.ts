import type { HocuspocusProvider } from "@hocuspocus/provider";
import { createContext } from "react";

/** The map's provider, for the one component that needs it directly (Tiptap's carets). */
export const ProviderContext = createContext<HocuspocusProvider | null>(null);
