import { EVIDENCE_KINDS } from "@journeymap/schema";
import type { Outline } from "@journeymap/protocol/http";
import { Send } from "lucide-react";
import { KIND_LABELS } from "../inbox/labels.ts";
import { canSend } from "./contribution.ts";
import { SentimentScale } from "./SentimentScale.tsx";
import { StepSelect } from "./StepSelect.tsx";
import type { Contribution } from "./useContribution.ts";

/** The form itself: what was heard, where, how the customer felt, and who sends it. */
export function ContributionForm({
  outline,
  contribution: c,
}: {
  outline: Outline;
  contribution: Contribution;
}) {
  const { draft, edit } = c;
  return (
    <form className="contribute-card" onSubmit={c.submit}>
      <fieldset className="kind-picker">
        <legend>What did you hear or see?</legend>
        <div className="chips">
          {EVIDENCE_KINDS.map((k) => (
            <label key={k} className="chip">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={draft.kind === k}
                onChange={() => edit({ kind: k })}
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
          value={draft.text}
          data-testid="contribute.text"
          placeholder="“I couldn't find where to download my invoices.”"
          onChange={(e) => edit({ text: e.target.value })}
        />
      </label>
      <StepSelect
        outline={outline}
        value={draft.touchpointId}
        onChange={(touchpointId) => edit({ touchpointId })}
      />
      <SentimentScale value={draft.sentiment} onChange={(sentiment) => edit({ sentiment })} />
      <div className="field-row">
        <label className="field">
          <span>Source reference</span>
          <input
            value={draft.source}
            maxLength={200}
            placeholder="Ticket #, call, deal…"
            onChange={(e) => edit({ source: e.target.value })}
          />
        </label>
        <label className="field">
          <span>Link</span>
          <input
            type="url"
            value={draft.url}
            maxLength={2000}
            placeholder="https://"
            onChange={(e) => edit({ url: e.target.value })}
          />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>Your name</span>
          <input
            required
            value={c.name}
            maxLength={100}
            data-testid="contribute.name"
            autoComplete="name"
            onChange={(e) => c.setName(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Team</span>
          <input
            value={c.team}
            maxLength={100}
            placeholder="Sales, Support…"
            data-testid="contribute.team"
            onChange={(e) => c.setTeam(e.target.value)}
          />
        </label>
      </div>
      {c.error && (
        <p className="field-error" role="alert" data-testid="contribute.error">
          {c.error}
        </p>
      )}
      <button
        type="submit"
        className="btn btn--primary contribute-send"
        disabled={c.state === "sending" || !canSend(draft, c)}
        data-testid="contribute.send"
      >
        <Send size={14} /> {c.state === "sending" ? "Sending…" : "Send to the map's inbox"}
      </button>
      <p className="field-hint">
        You are not editing the map: the mapping team reviews every contribution.
      </p>
    </form>
  );
}
