/**
 * The running vote drawn on the emotion lane: while ballots are hidden, how many people have
 * voted, above each step of the vote; once they are public, per step the team's spread (a bar
 * from the lowest to the highest score), its median (a diamond) and each person's point (a
 * dot, named on hover).
 */
import { type Ballot, formatScore, tallyVotes } from "@journeymap/schema";
import { useMemo } from "react";
import type { Column } from "../board/columns.ts";
import { scoreToY } from "../board/curve.ts";
import { GEOMETRY } from "../board/emotionLaneModel.ts";
import { useVotes } from "./useVotes.ts";
import "./VoteOverlay.css";

/** Right of the step's own point (radius 11), so the team's marks never hide it. */
const MARKS_OFFSET = 22;
const DOT_GAP = 8;

export function VoteOverlay({
  columns,
  columnWidth,
}: {
  readonly columns: readonly Column[];
  readonly columnWidth: number;
}) {
  const { active } = useVotes();
  const xs = useMemo(() => {
    const out = new Map<string, number>();
    columns.forEach((c, i) => {
      if (c.kind === "touchpoint") out.set(c.touchpoint.id, i * columnWidth + columnWidth / 2);
    });
    return out;
  }, [columns, columnWidth]);
  if (!active) return null;
  const y = (score: number) => scoreToY(score, GEOMETRY);
  const published = active.ballots.length > 0;
  const stats = published ? tallyVotes(active.steps, active.ballots) : null;
  return (
    <g className="vote-overlay" data-testid="vote.overlay">
      {active.steps.map((step) => {
        const x = xs.get(step);
        if (x === undefined) return null;
        const s = stats?.get(step);
        if (!s) {
          return (
            <g key={step} data-testid="vote.overlay-count">
              <rect className="vote-count-pill" x={x - 30} y={2} width={60} height={16} rx={8} />
              <text className="vote-count-text" x={x} y={13.5} textAnchor="middle">
                {active.count === 1 ? "1 voted" : `${active.count} voted`}
              </text>
            </g>
          );
        }
        const voters = active.ballots.filter((b) => b.scores[step] !== undefined);
        return (
          <g key={step} data-testid="vote.overlay-step" data-step={step}>
            <line
              className="vote-spread"
              x1={x + MARKS_OFFSET}
              x2={x + MARKS_OFFSET}
              y1={y(s.max)}
              y2={y(s.min)}
            />
            <path
              className="vote-median"
              d={`M ${x + MARKS_OFFSET} ${y(s.median) - 6} l 6 6 l -6 6 l -6 -6 z`}
            >
              <title>{`Median ${formatScore(s.median)}, spread ${s.spread} (${s.count} votes)`}</title>
            </path>
            {voters.map((b, i) => (
              <VoterDot
                key={b.voterId}
                ballot={b}
                step={step}
                x={x + MARKS_OFFSET + 12 + i * DOT_GAP}
                y={y}
              />
            ))}
          </g>
        );
      })}
    </g>
  );
}

function VoterDot({
  ballot,
  step,
  x,
  y,
}: {
  ballot: Ballot;
  step: string;
  x: number;
  y: (score: number) => number;
}) {
  const score = ballot.scores[step] as number;
  return (
    <circle className="vote-dot" cx={x} cy={y(score)} r={4} data-testid="vote.dot">
      <title>{`${ballot.name}: ${formatScore(score)}`}</title>
    </circle>
  );
}
