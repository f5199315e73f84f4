import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { Outline } from "@journeymap/protocol/http";
import { fetchOutline, submitContribution } from "../inbox/contribApi.ts";
import { type ContributionDraft, EMPTY_DRAFT, nextDraft, submissionOf } from "./contribution.ts";
import { adoptContributorToken, loadProfile, saveProfile } from "./contributorToken.ts";

function newKey(): string {
  return crypto.randomUUID();
}

export type SendState = "editing" | "sending" | "sent";

/** The map's outline (its phases and steps) for the link's token, or why the link does not work. */
export function useOutline(mapId: string, token: string) {
  const [outline, setOutline] = useState<Outline | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (!token) {
      setRefused("This link has no access token. Ask the map's owner for a contributor link.");
      return;
    }
    fetchOutline(mapId, token).then(setOutline, (e: Error) => setRefused(e.message));
  }, [mapId, token]);
  return { outline, refused };
}

/**
 * One contribution at a time: the draft, who sends it (remembered for next time), and sending.
 * A retried send carries the same idempotency key; a new contribution gets a new one.
 */
export function useContribution(mapId: string) {
  const token = useMemo(() => adoptContributorToken(mapId), [mapId]);
  const { outline, refused } = useOutline(mapId, token);
  const profile = useMemo(loadProfile, []);
  const [draft, setDraft] = useState<ContributionDraft>(EMPTY_DRAFT);
  const [name, setName] = useState(profile.name);
  const [team, setTeam] = useState(profile.team);
  const [key, setKey] = useState(newKey);
  const [state, setState] = useState<SendState>("editing");
  const [error, setError] = useState<string | null>(null);

  const edit = (change: Partial<ContributionDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState("sending");
    setError(null);
    try {
      await submitContribution(mapId, token, submissionOf(draft, { name, team }), key);
      saveProfile({ name: name.trim(), team: team.trim() });
      setState("sent");
    } catch (err) {
      setError((err as Error).message);
      setState("editing");
    }
  };

  const another = () => {
    setDraft(nextDraft);
    setKey(newKey());
    setState("editing");
  };

  return {
    outline,
    refused,
    draft,
    edit,
    name,
    setName,
    team,
    setTeam,
    state,
    error,
    submit,
    another,
  };
}

export type Contribution = ReturnType<typeof useContribution>;
