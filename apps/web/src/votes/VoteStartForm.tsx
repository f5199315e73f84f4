/**
 * Starting a vote: on a step, a phase or the whole map, for one persona, hidden or open.
 * Needs the server: offline, the start is refused with a message saying so (the ballots and
 * the hidden count live on the server, so an offline vote could not run).
 */
import type { JourneyMap, VoteMode } from "@journeymap/schema";
import { useState } from "react";
import { ApiError } from "../api/apiClient.ts";
import { useJourneyMap } from "../sync/useJourneyMap.ts";
import { startVote } from "./voteApi.ts";
import { MODE_LABELS, targetOfValue } from "./voteLabels.ts";

export const OFFLINE_REFUSAL =
  "You are offline. A vote needs the server (it keeps the ballots until reveal): reconnect, then start it.";

const pick = (m: JourneyMap) => m;

export function VoteStartForm({ mapId, online }: { mapId: string; online: boolean }) {
  const map = useJourneyMap(pick);
  const [target, setTarget] = useState("map");
  const [personaId, setPersonaId] = useState<string>("");
  const [mode, setMode] = useState<VoteMode>("hidden");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const persona = map.personas.find((p) => p.id === personaId) ?? map.personas[0];

  const start = async () => {
    setError(null);
    if (!online) return setError(OFFLINE_REFUSAL);
    if (!persona) return setError("Add a persona first: a vote sets a persona's curve.");
    setBusy(true);
    try {
      await startVote(mapId, { target: targetOfValue(target), personaId: persona.id, mode });
    } catch (e) {
      // Not an answer from the server: the network failed, which is being offline here.
      setError(e instanceof ApiError ? e.message : OFFLINE_REFUSAL);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="vote-start"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      <label>
        Vote on
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="vote.target"
        >
          <option value="map">The whole map</option>
          {map.phases.map((phase) => (
            <optgroup key={phase.id} label={phase.name || "Untitled phase"}>
              <option value={`phase:${phase.id}`}>Phase: {phase.name || "Untitled phase"}</option>
              {(map.touchpointsByPhase.get(phase.id) ?? []).map((t) => (
                <option key={t.id} value={`step:${t.id}`}>
                  Step: {t.name || "Untitled step"}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Persona
        <select
          value={persona?.id ?? ""}
          onChange={(e) => setPersonaId(e.target.value)}
          data-testid="vote.persona"
        >
          {map.personas.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || "Unnamed persona"}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="vote-mode">
        <legend>Ballots</legend>
        {(Object.keys(MODE_LABELS) as VoteMode[]).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name="vote-mode"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`vote.mode-${m}`}
            />
            {MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      {!online && <p className="vote-hint">Offline: votes start once you are back online.</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="vote.error">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy} data-testid="vote.start">
        Start vote
      </button>
    </form>
  );
}
