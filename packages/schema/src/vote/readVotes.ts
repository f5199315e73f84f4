/**
 * The votes of a talk document as valid typed data. Only the server writes them, but the
 * document is shared with editors, so the read repairs instead of trusting: a vote without a
 * usable session is skipped, scores off the scale or on foreign steps are dropped.
 */
import * as Y from "yjs";
import { toInt, toOneOf, toText } from "../read/coerce.ts";
import { EMOTION_MAX, EMOTION_MIN } from "../vocabulary.ts";
import { VOTE_FIELD, VOTE_ROOT } from "./layout.ts";
import {
  type Ballot,
  type Scores,
  VOTE_LIMITS,
  VOTE_MODES,
  VOTE_STATES,
  type VoteResult,
  type VoteSession,
  type VoteTarget,
} from "./Vote.ts";

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readTarget(value: unknown): VoteTarget | null {
  if (!isRecord(value)) return null;
  if (value.kind === "map") return { kind: "map" };
  if ((value.kind === "step" || value.kind === "phase") && typeof value.id === "string")
    return { kind: value.kind, id: value.id };
  return null;
}

function readScores(value: unknown, steps: ReadonlySet<string>): Scores {
  const out: Record<string, number> = {};
  if (!isRecord(value)) return out;
  for (const [step, score] of Object.entries(value)) {
    if (!steps.has(step) || typeof score !== "number" || !Number.isFinite(score)) continue;
    out[step] = toInt(score, EMOTION_MIN, EMOTION_MAX, 0);
  }
  return out;
}

function readBallots(value: unknown, steps: ReadonlySet<string>): Ballot[] {
  if (!(value instanceof Y.Map)) return [];
  const out: Ballot[] = [];
  value.forEach((raw, voterId) => {
    if (!isRecord(raw)) return;
    out.push({
      voterId,
      name: toText(raw.name, "Someone", VOTE_LIMITS.maxName),
      guest: raw.guest === true,
      scores: readScores(raw.scores, steps),
    });
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.voterId.localeCompare(b.voterId));
}

function readResult(value: unknown, steps: ReadonlySet<string>): VoteResult | null {
  if (!isRecord(value)) return null;
  return {
    values: readScores(value.values, steps),
    by: toText(value.by),
    at: toInt(value.at, 0, Number.MAX_SAFE_INTEGER, 0),
  };
}

export function readVote(id: string, fields: unknown): VoteSession | null {
  if (!(fields instanceof Y.Map)) return null;
  const session = fields.get(VOTE_FIELD.session);
  if (!isRecord(session)) return null;
  const target = readTarget(session.target);
  if (target === null || typeof session.personaId !== "string") return null;
  const steps = Array.isArray(session.steps)
    ? session.steps.filter((s): s is string => typeof s === "string").slice(0, VOTE_LIMITS.maxSteps)
    : [];
  const known = new Set(steps);
  return {
    id,
    target,
    personaId: session.personaId,
    mode: toOneOf(session.mode, VOTE_MODES, "hidden"),
    state: toOneOf(fields.get(VOTE_FIELD.state), VOTE_STATES, "cancelled"),
    steps,
    startedBy: toText(session.startedBy, "Someone"),
    startedById: toText(session.startedById),
    startedAt: toInt(session.startedAt, 0, Number.MAX_SAFE_INTEGER, 0),
    count: toInt(fields.get(VOTE_FIELD.count), 0, VOTE_LIMITS.maxVoters, 0),
    ballots: readBallots(fields.get(VOTE_FIELD.ballots), known),
    result: readResult(fields.get(VOTE_FIELD.result), known),
  };
}

/** Every readable vote, oldest first. */
export function readVotes(doc: Y.Doc): VoteSession[] {
  const out: VoteSession[] = [];
  doc.getMap(VOTE_ROOT).forEach((fields, id) => {
    const vote = readVote(id, fields);
    if (vote) out.push(vote);
  });
  return out.sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
}
