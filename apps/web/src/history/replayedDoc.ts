/** A map's document as it was after log row `seq`, rebuilt from the history API's state. */
import * as Y from "yjs";
import type { HistoryApi } from "./HistoryApi.ts";

export async function docAt(api: HistoryApi, seq: number): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, await api.state(seq));
  return doc;
}
