/**
 * The team vote panel: the start form when no vote runs (for editors), else the running vote
 * (what, for whom, how many voted), our ballot while it is open, the results once public, and
 * the facilitator's reveal, commit and cancel. Commit writes the scores and the vote's note on
 * the map in one undoable edit, then records the end of the vote on the server.
 */
import {
  areBallotsPublic,
  commitVoteScores,
  defaultCommitValues,
  type JourneyMap,
  type PersonaId,
  type Scores,
  tallyVotes,
  voteRefusal,
  type VoteSession as Vote,
} from "@journeymap/schema";
import { X } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useEditor, useJourneyMap } from "../sync/useJourneyMap.ts";
import { BallotList } from "./BallotList.tsx";
import { useMyBallot } from "./useMyBallot.ts";
import { useVotes } from "./useVotes.ts";
import { cancelVote, recordCommit, revealVote } from "./voteApi.ts";
import { useVoteContext } from "./VoteContext.ts";
import { MODE_LABELS, targetLabel } from "./voteLabels.ts";
import { VoteResults } from "./VoteResults.tsx";
import { VoteStartForm } from "./VoteStartForm.tsx";
import "./VotePanel.css";

const pick = (m: JourneyMap) => m;

export function VotePanel() {
  const session = useVoteContext();
  const { active } = useVotes();
  if (!session?.panelOpen) return null;
  return (
    <section className="vote-panel" aria-label="Team vote" data-testid="vote.panel">
      <header className="vote-panel-head">
        <h2>Team vote</h2>
        <button
          type="button"
          className="icon-btn"
          aria-label="Close the vote panel"
          onClick={() => session.setPanelOpen(false)}
        >
          <X size={16} />
        </button>
      </header>
      {active ? (
        <RunningVote key={active.id} vote={active} mapId={session.mapId} canRun={session.canRun} />
      ) : session.canRun ? (
        <VoteStartForm mapId={session.mapId} online={session.online} />
      ) : (
        <p className="vote-hint" data-testid="vote.none">
          No vote is running. An editor of the map can start one.
        </p>
      )}
    </section>
  );
}

function RunningVote({ vote, mapId, canRun }: { vote: Vote; mapId: string; canRun: boolean }) {
  const map = useJourneyMap(pick);
  const editor = useEditor();
  const ballot = useMyBallot(mapId, vote);
  const [error, setError] = useState<string | null>(null);
  const steps = useMemo(() => {
    const byId = new Map(map.touchpoints.map((t) => [t.id as string, t]));
    return vote.steps.flatMap((id) => byId.get(id) ?? []);
  }, [map.touchpoints, vote.steps]);
  const persona = map.personas.find((p) => p.id === vote.personaId);
  const isPublic = areBallotsPublic(vote.mode, vote.state);
  const stats = useMemo(() => tallyVotes(vote.steps, vote.ballots), [vote.steps, vote.ballots]);
  const [values, setValues] = useState<Scores>({});
  // The commit proposes the medians, until the facilitator changes one.
  useEffect(() => setValues((held) => ({ ...defaultCommitValues(stats), ...held })), [stats]);

  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const commit = () =>
    run(async () => {
      const chosen = Object.fromEntries(Object.entries(values).filter(([s]) => stats.has(s)));
      commitVoteScores(editor.doc, vote.personaId as PersonaId, chosen, stats, editor.ctx);
      await recordCommit(mapId, vote.id, chosen);
    });

  return (
    <div className="vote-running">
      <p className="vote-summary">
        Voting on <strong>{targetLabel(vote.target, map)}</strong> for{" "}
        <strong>{persona?.name ?? "a deleted persona"}</strong>
        <span className="vote-meta">
          {MODE_LABELS[vote.mode]} · started by {vote.startedBy} ·{" "}
          <span data-testid="vote.count">
            {vote.count} {vote.count === 1 ? "person has" : "people have"} voted
          </span>
          {vote.state === "revealed" && " · revealed"}
        </span>
      </p>
      {vote.state === "open" && (
        <>
          <BallotList steps={steps} ballot={ballot} />
          <p className="vote-hint" data-testid="vote.ballot-status" role="status">
            {typeof ballot.status === "object"
              ? ballot.status.error
              : ballot.status === "sent"
                ? vote.mode === "hidden"
                  ? "Your vote is in. Nobody sees it before the reveal; you can change it until then."
                  : "Your vote is in; you can change it until the vote ends."
                : ballot.status === "sending"
                  ? "Sending…"
                  : "Pick a score for each step you have a view on."}
          </p>
        </>
      )}
      {isPublic && vote.ballots.length > 0 && (
        <VoteResults
          vote={vote}
          steps={steps}
          stats={stats}
          values={canRun ? values : null}
          onValue={(step, score) => setValues((v) => ({ ...v, [step]: score }))}
        />
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="vote.error">
          {error}
        </p>
      )}
      {canRun && (
        <div className="vote-actions">
          {vote.state === "open" && vote.mode === "hidden" && (
            <button
              type="button"
              className="btn btn--primary"
              data-testid="vote.reveal"
              onClick={() => run(() => revealVote(mapId, vote.id))}
            >
              Reveal
            </button>
          )}
          {voteRefusal(vote.mode, vote.state, "commit") === null && (
            <button
              type="button"
              className="btn btn--primary"
              data-testid="vote.commit"
              disabled={stats.size === 0}
              onClick={commit}
            >
              Commit to the curve
            </button>
          )}
          <button
            type="button"
            className="btn btn--ghost"
            data-testid="vote.cancel"
            onClick={() => run(() => cancelVote(mapId, vote.id))}
          >
            Cancel vote
          </button>
        </div>
      )}
    </div>
  );
}
