/**
 * The vote tables (one migration text for both stores) and the one VoteStore over SQLite and
 * PostgreSQL, on webhookSql.ts's small runner. What must be atomic is one statement: a ballot
 * is inserted only if the vote is open, reading the vote row FOR SHARE on PostgreSQL, so a
 * concurrent reveal (an UPDATE of that row) either waits for the ballot or makes it fail;
 * SQLite runs one statement at a time anyway.
 */
import type {
  BallotOutcome,
  BallotRecord,
  StoredVoteState,
  VoteRecord,
  VoteStore,
} from "./voteStore.ts";
import type { SqlRunner } from "./webhookSql.ts";

export const VOTE_TABLES = `CREATE TABLE votes (
     id TEXT PRIMARY KEY,
     map_id TEXT NOT NULL,
     persona_id TEXT NOT NULL,
     mode TEXT NOT NULL,
     state TEXT NOT NULL,
     target TEXT NOT NULL,
     steps TEXT NOT NULL,
     started_by TEXT NOT NULL,
     started_by_id TEXT NOT NULL,
     started_at BIGINT NOT NULL,
     ended_at BIGINT
   );
   CREATE INDEX votes_by_map ON votes (map_id);
   CREATE UNIQUE INDEX votes_one_active ON votes (map_id) WHERE state IN ('open', 'revealed');
   CREATE TABLE vote_ballots (
     vote_id TEXT NOT NULL,
     voter_id TEXT NOT NULL,
     map_id TEXT NOT NULL,
     name TEXT NOT NULL,
     guest BOOLEAN NOT NULL,
     scores TEXT NOT NULL,
     updated_at BIGINT NOT NULL,
     PRIMARY KEY (vote_id, voter_id)
   );
   CREATE INDEX vote_ballots_by_map ON vote_ballots (map_id);`;

type Row = Record<string, unknown>;

const VOTE_COLUMNS = `id, map_id AS "mapId", persona_id AS "personaId", mode, state, target, steps,
  started_by AS "startedBy", started_by_id AS "startedById", started_at AS "startedAt"`;
const BALLOT_COLUMNS = `voter_id AS "voterId", name, guest, scores, updated_at AS "updatedAt"`;

function voteOf(row: Row): VoteRecord {
  return {
    ...(row as unknown as VoteRecord),
    target: JSON.parse(String(row.target)) as VoteRecord["target"],
    steps: JSON.parse(String(row.steps)) as string[],
    startedAt: Number(row.startedAt),
  };
}

function ballotOf(row: Row): BallotRecord {
  return {
    voterId: String(row.voterId),
    name: String(row.name),
    guest: Boolean(row.guest),
    scores: JSON.parse(String(row.scores)) as Record<string, number>,
    updatedAt: Number(row.updatedAt),
  };
}

export class SqlVoteStore implements VoteStore {
  private readonly db: SqlRunner;
  /** The row lock a ballot takes on its vote: PostgreSQL only. */
  private readonly forShare: string;

  constructor(db: SqlRunner, dialect: "sqlite" | "postgres") {
    this.db = db;
    this.forShare = dialect === "postgres" ? "FOR SHARE" : "";
  }

  async createVote(vote: VoteRecord): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO votes (id, map_id, persona_id, mode, state, target, steps, started_by,
         started_by_id, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        vote.id,
        vote.mapId,
        vote.personaId,
        vote.mode,
        vote.state,
        JSON.stringify(vote.target),
        JSON.stringify(vote.steps),
        vote.startedBy,
        vote.startedById,
        vote.startedAt,
      ],
    );
    return changed === 1;
  }

  async getVote(mapId: string, voteId: string): Promise<VoteRecord | null> {
    const [row] = await this.db.all(
      `SELECT ${VOTE_COLUMNS} FROM votes WHERE id = ? AND map_id = ?`,
      [voteId, mapId],
    );
    return row ? voteOf(row) : null;
  }

  async putBallot(
    mapId: string,
    voteId: string,
    ballot: BallotRecord,
    maxVoters: number,
  ): Promise<BallotOutcome> {
    const changed = await this.db.run(
      `INSERT INTO vote_ballots (vote_id, voter_id, map_id, name, guest, scores, updated_at)
       SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
         CAST(? AS BOOLEAN), CAST(? AS TEXT), CAST(? AS BIGINT)
       WHERE EXISTS (SELECT 1 FROM votes WHERE id = ? AND map_id = ? AND state = 'open' ${this.forShare})
         AND ((SELECT COUNT(*) FROM vote_ballots WHERE vote_id = ?) < ?
           OR EXISTS (SELECT 1 FROM vote_ballots WHERE vote_id = ? AND voter_id = ?))
       ON CONFLICT (vote_id, voter_id) DO UPDATE SET name = excluded.name,
         scores = excluded.scores, updated_at = excluded.updated_at`,
      [
        voteId,
        ballot.voterId,
        mapId,
        ballot.name,
        this.db.bool(ballot.guest),
        JSON.stringify(ballot.scores),
        ballot.updatedAt,
        voteId,
        mapId,
        voteId,
        maxVoters,
        voteId,
        ballot.voterId,
      ],
    );
    if (changed > 0) return { kind: "kept", count: await this.countBallots(voteId) };
    const vote = await this.getVote(mapId, voteId);
    return vote?.state === "open" ? { kind: "full" } : { kind: "closed" };
  }

  async getBallot(voteId: string, voterId: string): Promise<BallotRecord | null> {
    const [row] = await this.db.all(
      `SELECT ${BALLOT_COLUMNS} FROM vote_ballots WHERE vote_id = ? AND voter_id = ?`,
      [voteId, voterId],
    );
    return row ? ballotOf(row) : null;
  }

  async listBallots(voteId: string): Promise<BallotRecord[]> {
    const rows = await this.db.all(
      `SELECT ${BALLOT_COLUMNS} FROM vote_ballots WHERE vote_id = ? ORDER BY voter_id`,
      [voteId],
    );
    return rows.map(ballotOf);
  }

  async countBallots(voteId: string): Promise<number> {
    const [row] = await this.db.all("SELECT COUNT(*) AS n FROM vote_ballots WHERE vote_id = ?", [
      voteId,
    ]);
    return Number(row?.n ?? 0);
  }

  async setVoteState(
    mapId: string,
    voteId: string,
    from: readonly StoredVoteState[],
    to: StoredVoteState,
    at: number,
  ): Promise<boolean> {
    const ended = to === "committed" || to === "cancelled" ? at : null;
    const changed = await this.db.run(
      `UPDATE votes SET state = ?, ended_at = COALESCE(CAST(? AS BIGINT), ended_at)
       WHERE id = ? AND map_id = ? AND state IN (${from.map(() => "?").join(", ")})`,
      [to, ended, voteId, mapId, ...from],
    );
    return changed === 1;
  }
}
