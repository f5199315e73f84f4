/**
 * The board's Export menu: PNG, SVG, PDF (A3 or A4) and the open Journeymap file. Everything
 * is made in the browser from the local document (so it works offline and for viewers);
 * the renderer, pdf-lib and zod load only when an export is chosen.
 */
import {
  Download,
  FileJson,
  FileText,
  Image,
  LoaderCircle,
  MessagesSquare,
  PenTool,
} from "lucide-react";
import { type ReactNode, useCallback, useRef, useState } from "react";
import { useDismiss } from "../ui/useDismiss.ts";
import type { ExportKind } from "./exportFileNames.ts";
import { useTalkSession } from "../talk/useTalk.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { useRoute } from "../router.ts";
import "./export.css";

type Choice = ExportKind;

const CHOICES: readonly { id: Choice; label: string; hint: string; icon: ReactNode }[] = [
  { id: "png", label: "PNG image", hint: "Whole map, 2× for print", icon: <Image size={15} /> },
  { id: "svg", label: "SVG vector", hint: "Sharp at any size", icon: <PenTool size={15} /> },
  {
    id: "pdf-a3",
    label: "PDF, A3",
    hint: "Map, personas, insights, evidence",
    icon: <FileText size={15} />,
  },
  {
    id: "pdf-a4",
    label: "PDF, A4",
    hint: "The same on smaller paper",
    icon: <FileText size={15} />,
  },
  {
    id: "json",
    label: "Journeymap file",
    hint: "Open format (.json), re-importable",
    icon: <FileJson size={15} />,
  },
  {
    id: "json-comments",
    label: "Journeymap file with comments",
    hint: "The same, plus every comment thread",
    icon: <MessagesSquare size={15} />,
  },
];

export interface ExportMenuProps {
  /** Personas hidden on this person's board: left out of the picture exports. */
  readonly hiddenPersonas?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function ExportMenu({ hiddenPersonas = NONE }: ExportMenuProps) {
  const { doc, reader } = useMapSession();
  const route = useRoute();
  const mapId = "mapId" in route ? route.mapId : "";
  // Comments come from the map's talk document, once it has synced.
  const talk = useTalkSession();
  const choices = CHOICES.filter((c) => c.id !== "json-comments" || talk?.synced);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLSpanElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);

  useDismiss(open, ref, closeMenu);

  const run = async (choice: Choice) => {
    setBusy(choice);
    setError(null);
    try {
      const { exportMap, downloadFile } = await import("./exportMap.ts");
      if (choice === "json" || choice === "json-comments") {
        const { mapFileOf } = await import("./mapFileExport.ts");
        downloadFile(await mapFileOf(doc, choice === "json-comments" ? talk?.doc : undefined));
      } else {
        const { shownMap } = await import("./shownMap.ts");
        const map = shownMap(reader.read(), hiddenPersonas);
        const format = choice.startsWith("pdf") ? "pdf" : (choice as "png" | "svg");
        const paper = choice === "pdf-a4" ? "A4" : "A3";
        // A branch, or a map with branches, gets a page of their figures side by side.
        const branches =
          format === "pdf" && mapId
            ? await (await import("./exportBranches.ts")).exportBranches(mapId)
            : undefined;
        downloadFile(await exportMap(map, format, { paper, ...(branches ? { branches } : {}) }));
      }
      setOpen(false);
    } catch (e) {
      setError(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <span className="export-menu" ref={ref}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="board.export"
        onClick={() => setOpen(!open)}
      >
        <Download size={14} /> Export
      </button>
      {open && (
        <div className="popover-panel export-panel" role="menu" aria-label="Export this map">
          {choices.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              className="export-item"
              data-testid={`export.${c.id}`}
              disabled={busy !== null}
              onClick={() => run(c.id)}
            >
              <span className="export-icon" aria-hidden="true">
                {busy === c.id ? <LoaderCircle size={15} className="spin" /> : c.icon}
              </span>
              <span>
                <span className="export-label">{c.label}</span>
                <span className="export-hint">{c.hint}</span>
              </span>
            </button>
          ))}
          {error && (
            <p className="notice notice--error export-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </span>
  );
}
