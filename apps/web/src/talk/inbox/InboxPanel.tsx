/**
 * The evidence inbox: contributions from the contributor form, the API and CSV imports,
 * live. Editors triage each one: add it as evidence on a step, make it a new pain point,
 * attach it to an existing pain point, or dismiss it with a reason. Accepting writes the
 * evidence into the map from this browser (undoable like any edit) and records the decision
 * in the talk document, so every editor sees the triage at once.
 */
import {
  acceptInboxItem,
  dismissItem,
  type InboxItem,
  type JourneyMap,
  LOCAL_ORIGIN,
  reopenItem,
  type TriageChoice,
} from "@journeymap/schema";
import { Check, ExternalLink, FileUp, RotateCcw, X } from "lucide-react";
import { useState } from "react";
import { useJourneyMap, useMapSession } from "../../sync/useJourneyMap.ts";
import { useTalk, useTalkSession } from "../useTalk.ts";
import { CsvImport } from "./CsvImport.tsx";
import { KIND_LABELS, sentimentClass, sentimentLabel } from "./labels.ts";
import "../comments/TalkPanel.css";
import "./sentiment.css";
import "./InboxPanel.css";

const CTX = { origin: LOCAL_ORIGIN };
type Tab = "new" | "accepted" | "dismissed";

/** An accepted item whose evidence is gone from the map (undone or deleted) is "new" again. */
export function effectiveStatus(item: InboxItem, evidenceIds: ReadonlySet<string>): Tab {
  if (item.decision?.status === "accepted" && !evidenceIds.has(item.decision.outcome.evidenceId))
    return "new";
  return item.status;
}

function stepName(map: JourneyMap, id: string | null): string | null {
  return map.touchpoints.find((t) => t.id === id)?.name ?? null;
}

function Triage({ item, map }: { item: InboxItem; map: JourneyMap }) {
  const session = useMapSession();
  const talk = useTalkSession();
  const [touchpointId, setTouchpoint] = useState(
    item.touchpointId && stepName(map, item.touchpointId) !== null ? item.touchpointId : "",
  );
  const [action, setAction] = useState<"evidence" | "newPainPoint" | "painPoint">("evidence");
  const [cardId, setCardId] = useState("");
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const painPoints = (map.cardsByTouchpoint.get(touchpointId as never) ?? []).filter(
    (c) => c.kind === "painPoint",
  );
  if (!talk) return null;
  // Name and author id: the server holds a decision's byId to the connection's own id.
  const me = talk.author;

  const accept = () => {
    const choice: TriageChoice | null =
      action === "evidence"
        ? { kind: "touchpoint", touchpointId }
        : action === "newPainPoint"
          ? { kind: "newPainPoint", touchpointId }
          : cardId
            ? { kind: "painPoint", cardId }
            : null;
    if (!touchpointId || !choice) return setError("Choose a step (and a pain point) first");
    try {
      if (item.status !== "new") reopenItem(talk.doc, item.id, CTX); // re-accepting after an undo
      acceptInboxItem(session.doc, talk.doc, item.id, choice, me, CTX);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (dismissing)
    return (
      <div className="triage">
        <input
          value={reason}
          placeholder="Why is it dismissed?"
          aria-label="Reason for dismissing"
          data-testid="inbox.reason"
          onChange={(e) => setReason(e.target.value)}
        />
        <button
          type="button"
          className="btn"
          disabled={reason.trim() === ""}
          data-testid="inbox.confirm-dismiss"
          onClick={() => dismissItem(talk.doc, item.id, me, reason, CTX)}
        >
          Dismiss
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setDismissing(false)}>
          Cancel
        </button>
      </div>
    );

  return (
    <div className="triage">
      <select
        aria-label="Step"
        value={touchpointId}
        data-testid="inbox.step"
        onChange={(e) => setTouchpoint(e.target.value)}
      >
        <option value="">Choose a step…</option>
        {map.phases.map((p) => (
          <optgroup key={p.id} label={p.name}>
            {(map.touchpointsByPhase.get(p.id) ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name || "Untitled step"}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <select
        aria-label="Add as"
        value={action}
        data-testid="inbox.action"
        onChange={(e) => setAction(e.target.value as typeof action)}
      >
        <option value="evidence">Evidence on the step</option>
        <option value="newPainPoint">A new pain point</option>
        <option value="painPoint" disabled={painPoints.length === 0}>
          Evidence for a pain point
        </option>
      </select>
      {action === "painPoint" && (
        <select
          aria-label="Pain point"
          value={cardId}
          data-testid="inbox.pain-point"
          onChange={(e) => setCardId(e.target.value)}
        >
          <option value="">Choose a pain point…</option>
          {painPoints.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title || "Untitled"}
            </option>
          ))}
        </select>
      )}
      <div className="triage-actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="inbox.accept"
          onClick={accept}
        >
          <Check size={14} /> Accept
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          data-testid="inbox.dismiss"
          onClick={() => setDismissing(true)}
        >
          <X size={14} /> Dismiss
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ItemCard({
  item,
  status,
  map,
  canTriage,
}: {
  item: InboxItem;
  status: Tab;
  map: JourneyMap;
  canTriage: boolean;
}) {
  const talk = useTalkSession();
  const step = stepName(map, item.touchpointId);
  const decision = item.decision;
  return (
    <article
      className="inbox-item"
      data-testid="inbox.item"
      aria-label={`From ${item.contributor}`}
    >
      <header className="inbox-item-head">
        <span className="badge">{KIND_LABELS[item.kind]}</span>
        <span className={`sentiment-chip ${sentimentClass(item.sentiment)}`}>
          {sentimentLabel(item.sentiment)}
        </span>
        <time className="inbox-time">{new Date(item.submittedAt).toLocaleDateString()}</time>
      </header>
      <blockquote className="inbox-text" data-testid="inbox.text">
        {item.text}
      </blockquote>
      <p className="inbox-meta meta-line">
        {item.contributor}
        {item.team && ` · ${item.team}`}
        {item.source && ` · ${item.source}`}
        {item.url && (
          <>
            {" "}
            <a href={item.url} target="_blank" rel="noreferrer noopener" aria-label="Open source">
              <ExternalLink size={12} />
            </a>
          </>
        )}
        {step && <> · about “{step}”</>}
        {` · via ${item.via}`}
      </p>
      {status === "new" && canTriage && <Triage item={item} map={map} />}
      {status !== "new" && decision && (
        <p className="inbox-decision meta-line" data-testid="inbox.decision">
          {decision.status === "accepted"
            ? `Accepted by ${decision.by}: ${
                decision.outcome.kind === "touchpoint"
                  ? `evidence on “${stepName(map, decision.outcome.touchpointId) ?? "a deleted step"}”`
                  : decision.outcome.created
                    ? "new pain point"
                    : "evidence for a pain point"
              }`
            : `Dismissed by ${decision.by}: ${decision.reason}`}
          {/* An acceptance is undone on the map (undo, or deleting the evidence): the item
              then returns to New by itself. Only a dismissal is reopened here. */}
          {canTriage && talk && decision.status === "dismissed" && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => reopenItem(talk.doc, item.id, CTX)}
            >
              <RotateCcw size={14} /> Reopen
            </button>
          )}
        </p>
      )}
    </article>
  );
}

export function InboxPanel({ mapId, canTriage }: { mapId: string; canTriage: boolean }) {
  const talk = useTalk();
  const map = useJourneyMap((m) => m);
  const evidenceIds = new Set(map.evidence.map((e) => e.id as string));
  const [tab, setTab] = useState<Tab>("new");
  const [importing, setImporting] = useState(false);
  const withStatus = talk.inbox.map((item) => ({
    item,
    status: effectiveStatus(item, evidenceIds),
  }));
  const counts = { new: 0, accepted: 0, dismissed: 0 };
  for (const { status } of withStatus) counts[status] += 1;
  const shown = withStatus.filter((i) => i.status === tab);
  return (
    <div className="talk-panel-body">
      <div className="panel-filters">
        {/* biome-ignore lint/a11y/useSemanticElements: a segmented control */}
        <div className="segmented" role="group" aria-label="Show">
          {(["new", "accepted", "dismissed"] as const).map((t) => (
            <button key={t} type="button" aria-pressed={tab === t} onClick={() => setTab(t)}>
              {t === "new" ? "New" : t === "accepted" ? "Accepted" : "Dismissed"} ({counts[t]})
            </button>
          ))}
        </div>
        {canTriage && (
          <button
            type="button"
            className="btn btn--ghost"
            aria-expanded={importing}
            onClick={() => setImporting(!importing)}
          >
            <FileUp size={14} /> Import CSV
          </button>
        )}
      </div>
      {importing && <CsvImport mapId={mapId} onDone={() => setImporting(false)} />}
      {shown.length === 0 ? (
        <p className="panel-empty">
          {tab === "new"
            ? "Nothing to triage. Share a contributor link so sales and support can send evidence."
            : `Nothing ${tab}.`}
        </p>
      ) : (
        shown.map(({ item, status }) => (
          <ItemCard key={item.id} item={item} status={status} map={map} canTriage={canTriage} />
        ))
      )}
    </div>
  );
}
