import type { Phase } from "@journeymap/schema";
import { ArrowLeft, Info } from "lucide-react";
import type { Awareness } from "y-protocols/awareness";
import { navigate } from "../router.ts";
import { HistoryPeople } from "./HistoryPeople.tsx";

export interface HistoryHeaderProps {
  readonly mapId: string;
  readonly title: string;
  readonly awareness: Awareness | null;
  /** Everyone with an edit in the timeline. */
  readonly authors: readonly string[];
  readonly author: string | null;
  readonly onAuthor: (author: string | null) => void;
  readonly phases: readonly Phase[];
  readonly phase: string | null;
  readonly onPhase: (phase: string | null) => void;
}

/** The history view's header: back to the board, the map's title, who is here, the filters. */
export function HistoryHeader(props: HistoryHeaderProps) {
  const { mapId, author, phase } = props;
  return (
    <header className="history-header">
      <a
        className="icon-btn"
        href={`/maps/${mapId}`}
        aria-label="Back to the board"
        data-testid="history.back"
        onClick={(e) => {
          e.preventDefault();
          navigate(`/maps/${mapId}`);
        }}
      >
        <ArrowLeft size={18} />
      </a>
      <div className="history-title">
        <h1>History</h1>
        <span className="history-subtitle">{props.title}</span>
      </div>
      <HistoryPeople awareness={props.awareness} />
      <div className="history-filters">
        <label>
          <span>Person</span>
          <select
            value={author ?? ""}
            data-testid="history.filter-person"
            onChange={(e) => props.onAuthor(e.target.value || null)}
          >
            <option value="">Everyone</option>
            {props.authors.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Phase</span>
          <select
            value={phase ?? ""}
            data-testid="history.filter-phase"
            onChange={(e) => props.onPhase(e.target.value || null)}
          >
            <option value="">All phases</option>
            {props.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="history-note">
        <Info size={14} aria-hidden="true" /> Times are when the server received each edit: work
        done offline appears when it was synced.
      </p>
    </header>
  );
}
