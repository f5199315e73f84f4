/**
 * Where live votes live in a map's talk document (`talk:<mapId>`). Only the server writes
 * here (through its live-document connection), so every field is one plain value it replaces
 * whole; clients only read.
 *
 *   votes   Y.Map<VoteId, Y.Map<field, value>>
 *             session  { target, personaId, mode, steps, startedBy, startedById, startedAt }
 *             state    "open" | "revealed" | "committed" | "cancelled"
 *             count    how many people have voted (published live, also while hidden)
 *             ballots  Y.Map<voterId, { name, guest, scores }>: written on reveal, or as they
 *                      come in an open vote; never while a hidden vote is open
 *             result   { values, by, at } once committed
 */
export const VOTE_ROOT = "votes";

export const VOTE_FIELD = {
  session: "session",
  state: "state",
  count: "count",
  ballots: "ballots",
  result: "result",
} as const;
