import { Download } from "lucide-react";
import { useState } from "react";
import type * as Y from "yjs";
import "./AccessEndedNotice.css";

/**
 * Shown at once when the server ended our access while the map was open (issue 15, B3): why,
 * that nothing more is saved, and the person's own copy of the map (the local Y.Doc, with
 * everything they typed, refused edits included) as a Journeymap file.
 */
export function AccessEndedNotice({ why, doc }: { why: string; doc: Y.Doc }) {
  const [failed, setFailed] = useState<string | null>(null);
  const download = async () => {
    try {
      const [{ mapFileOf }, { downloadFile }] = await Promise.all([
        import("../export/mapFileExport.ts"),
        import("../export/exportMap.ts"),
      ]);
      downloadFile(await mapFileOf(doc));
    } catch (e) {
      setFailed(`The copy could not be made: ${(e as Error).message}`);
    }
  };
  return (
    <div
      className="notice notice--error access-ended"
      role="alert"
      data-testid="board.access-ended"
    >
      <p>
        <strong>Your access to this map ended.</strong> {why} Changes made from now on are not
        saved; download your copy to keep what you typed.
      </p>
      <button type="button" className="btn btn--primary" onClick={() => void download()}>
        <Download size={15} aria-hidden="true" /> Download my copy
      </button>
      <a href="/">All maps</a>
      {failed && <p>{failed}</p>}
    </div>
  );
}
