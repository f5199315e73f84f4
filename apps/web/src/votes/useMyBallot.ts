/**
 * Our own ballot in the running vote: read back from the server when the vote (or the page)
 * opens, so a reload or a reconnect shows what we chose; each change is sent at once and
 * replaces the previous one on the server until reveal.
 */
import type { Scores, VoteSession as Vote } from "@journeymap/schema";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api/apiClient.ts";
import { castBallot, myBallot } from "./voteApi.ts";

export interface MyBallot {
  readonly scores: Scores;
  /** Sending, sent, or why it was refused. */
  readonly status: "idle" | "sending" | "sent" | { readonly error: string };
  choose(step: string, score: number): void;
}

export function useMyBallot(mapId: string, vote: Vote | null): MyBallot {
  const [scores, setScores] = useState<Scores>({});
  const [status, setStatus] = useState<MyBallot["status"]>("idle");
  const voteId = vote?.id ?? null;

  useEffect(() => {
    setScores({});
    setStatus("idle");
    if (!voteId) return;
    let live = true;
    myBallot(mapId, voteId)
      .then((mine) => {
        if (!live) return;
        setScores(mine.scores);
        setStatus("sent");
      })
      .catch((error: unknown) => {
        // 404: we have not voted yet; anything else shows when we try to vote.
        if (!(error instanceof ApiError && error.status === 404)) console.warn(error);
      });
    return () => {
      live = false;
    };
  }, [mapId, voteId]);

  const choose = useCallback(
    (step: string, score: number) => {
      if (!voteId) return;
      const next = { ...scores, [step]: score };
      setScores(next);
      setStatus("sending");
      castBallot(mapId, voteId, next)
        .then((kept) => {
          setScores(kept.scores);
          setStatus("sent");
        })
        .catch((error: unknown) =>
          setStatus({ error: error instanceof Error ? error.message : String(error) }),
        );
    },
    [mapId, voteId, scores],
  );
  return { scores, status, choose };
}
