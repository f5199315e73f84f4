/**
 * The contributor form: for sales and support, no account and no map editing. Pick what was
 * heard (a quote, ticket, call note, metric), where in the journey (from the live map's
 * steps), how the customer felt, and who you are; it lands in the map's inbox for the
 * mapping team to triage. A retried send carries the same idempotency key, so a flaky
 * network never files it twice.
 */
import {
  EMOTION_LABELS,
  EMOTION_MAX,
  EMOTION_MIN,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from "@journeymap/schema";
import { CheckCircle2, Send } from "lucide-react";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { Outline } from "@journeymap/protocol/http";
import { fetchOutline, submitContribution } from "../inbox/contribApi.ts";
import { KIND_LABELS } from "../inbox/labels.ts";
import { adoptContributorToken, loadProfile, saveProfile } from "./contributorToken.ts";
import "./contribute.css";

const SCORES = Array.from({ length: EMOTION_MAX - EMOTION_MIN + 1 }, (_, i) => EMOTION_MIN + i);

function newKey(): string {
  return crypto.randomUUID();
}

export default function ContributePage({ mapId }: { mapId: string }) {
  const token = useMemo(() => adoptContributorToken(mapId), [mapId]);
  const [outline, setOutline] = useState<Outline | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const profile = useMemo(loadProfile, []);
  const [text, setText] = useState("");
  const [kind, setKind] = useState<EvidenceKind>("quote");
  const [touchpointId, setTouchpoint] = useState("");
  const [sentiment, setSentiment] = useState<number | null>(null);
  const [source, setSource] = useState("");
  const [url, setUrl] = useState("");
  const [name, setName] = useState(profile.name);
  const [team, setTeam] = useState(profile.team);
  const [key, setKey] = useState(newKey);
  const [state, setState] = useState<"editing" | "sending" | "sent">("editing");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!token) {
      setRefused("This link has no access token. Ask the map's owner for a contributor link.");
      return;
    }
    fetchOutline(mapId, token).then(setOutline, (e: Error) => setRefused(e.message));
  }, [mapId, token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState("sending");
    setError(null);
    try {
      await submitContribution(
        mapId,
        token,
        {
          text,
          kind,
          contributor: name,
          ...(team.trim() ? { team } : {}),
          ...(source.trim() ? { source } : {}),
          ...(url.trim() ? { url: url.trim() } : {}),
          touchpointId: touchpointId || null,
          sentiment,
        },
        key,
      );
      saveProfile({ name: name.trim(), team: team.trim() });
      setState("sent");
    } catch (err) {
      setError((err as Error).message);
      setState("editing");
    }
  };

  const another = () => {
    setText("");
    setSource("");
    setUrl("");
    setSentiment(null);
    setKey(newKey());
    setState("editing");
  };

  if (refused)
    return (
      <main className="contribute">
        <div className="notice notice--error" role="alert" data-testid="contribute.refused">
          <strong>This contributor link does not work.</strong> {refused}
        </div>
      </main>
    );
  if (!outline)
    return (
      <main className="contribute" aria-busy="true">
        <p className="page-lede">Loading…</p>
      </main>
    );

  return (
    <main className="contribute">
      <header className="contribute-head">
        <span className="brand-mark" aria-hidden="true">
          ∿
        </span>
        <div>
          <p className="contribute-eyebrow">Share what customers tell you</p>
          <h1 data-testid="contribute.title">{outline.title}</h1>
        </div>
      </header>
      {state === "sent" ? (
        <section className="contribute-card contribute-done" data-testid="contribute.sent">
          <CheckCircle2 size={28} aria-hidden="true" />
          <h2>Thanks, {name.trim().split(" ")[0]}!</h2>
          <p>It is in the map's inbox; the mapping team will see it right away.</p>
          <button type="button" className="btn btn--primary" onClick={another}>
            Add another
          </button>
        </section>
      ) : (
        <form className="contribute-card" onSubmit={submit}>
          <fieldset className="kind-picker">
            <legend>What did you hear or see?</legend>
            <div className="chips">
              {EVIDENCE_KINDS.map((k) => (
                <label key={k} className="chip">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={kind === k}
                    onChange={() => setKind(k)}
                  />
                  {KIND_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="field">
            <span>The customer's words or your observation</span>
            <textarea
              required
              rows={4}
              maxLength={10000}
              value={text}
              data-testid="contribute.text"
              placeholder="“I couldn't find where to download my invoices.”"
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <label className="field">
            <span>Where in the journey?</span>
            <select
              value={touchpointId}
              data-testid="contribute.step"
              onChange={(e) => setTouchpoint(e.target.value)}
            >
              <option value="">Not sure</option>
              {outline.phases.map((p) => (
                <optgroup key={p.id} label={p.name}>
                  {p.touchpoints.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name || "Untitled step"}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>How did the customer feel?</legend>
            <div className="chips chips--scale">
              {SCORES.map((s) => (
                <label key={s} className={`chip chip--score chip--s${s}`} title={EMOTION_LABELS[s]}>
                  <input
                    type="radio"
                    name="sentiment"
                    value={s}
                    checked={sentiment === s}
                    onChange={() => setSentiment(s)}
                  />
                  {s > 0 ? `+${s}` : s < 0 ? `−${-s}` : "0"}
                </label>
              ))}
              <label className="chip">
                <input
                  type="radio"
                  name="sentiment"
                  checked={sentiment === null}
                  onChange={() => setSentiment(null)}
                />
                Don't know
              </label>
            </div>
            <p className="field-hint">
              {sentiment === null ? "Optional" : EMOTION_LABELS[sentiment]}
            </p>
          </fieldset>
          <div className="field-row">
            <label className="field">
              <span>Source reference</span>
              <input
                value={source}
                maxLength={200}
                placeholder="Ticket #, call, deal…"
                onChange={(e) => setSource(e.target.value)}
              />
            </label>
            <label className="field">
              <span>Link</span>
              <input
                type="url"
                value={url}
                maxLength={2000}
                placeholder="https://"
                onChange={(e) => setUrl(e.target.value)}
              />
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>Your name</span>
              <input
                required
                value={name}
                maxLength={100}
                data-testid="contribute.name"
                autoComplete="name"
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <label className="field">
              <span>Team</span>
              <input
                value={team}
                maxLength={100}
                placeholder="Sales, Support…"
                data-testid="contribute.team"
                onChange={(e) => setTeam(e.target.value)}
              />
            </label>
          </div>
          {error && (
            <p className="field-error" role="alert" data-testid="contribute.error">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="btn btn--primary contribute-send"
            disabled={state === "sending" || text.trim() === "" || name.trim() === ""}
            data-testid="contribute.send"
          >
            <Send size={14} /> {state === "sending" ? "Sending…" : "Send to the map's inbox"}
          </button>
          <p className="field-hint">
            You are not editing the map: the mapping team reviews every contribution.
          </p>
        </form>
      )}
    </main>
  );
}
