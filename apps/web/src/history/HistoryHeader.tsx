import type { Phase } from "@journeymap/schema";
import { ArrowLeft, Info } from "lucide-react";
import type { Awareness } from "y-protocols/awareness";
import { navigate } from "../router.ts";
import { HistoryPeople } from "./HistoryPeople.tsx";
import "./HistoryHeader.css";

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

/** One filter: a labelled select whose first option, `all`, means no filter (null). */
function Filter(props: {
  label: string;
  all: string;
  options: readonly { value: string; label: string }[];
  value: string | null;
  testId: string;
  onChange: (value: string | null) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select
        value={props.value ?? ""}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value || null)}
      >
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
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
        <Filter
          label="Person"
          all="Everyone"
          options={props.authors.map((a) => ({ value: a, label: a }))}
          value={author}
          testId="history.filter-person"
          onChange={props.onAuthor}
        />
        <Filter
          label="Phase"
          all="All phases"
          options={props.phases.map((p) => ({ value: p.id, label: p.name }))}
          value={phase}
          testId="history.filter-phase"
          onChange={props.onPhase}
        />
      </div>
      <p className="history-note">
        <Info size={14} aria-hidden="true" /> Times are when the server received each edit: work
        done offline appears when it was synced.
      </p>
    </header>
  );
}
