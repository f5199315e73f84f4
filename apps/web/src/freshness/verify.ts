/** "Mark as verified" from the board: the live document records who and when (schema/freshness). */
import { type ElementRef, LOCAL_ORIGIN, markVerified } from "@journeymap/schema";
import type * as Y from "yjs";
import { displayName } from "../sync/tokens.ts";

export function verify(doc: Y.Doc, refs: readonly ElementRef[], by: string = displayName()): void {
  markVerified(doc, refs, by, { origin: LOCAL_ORIGIN });
}
