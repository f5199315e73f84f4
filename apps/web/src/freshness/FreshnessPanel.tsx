/**
 * The freshness view (issue 18): the review period, each phase with its owner and how much of
 * it needs review, and the stalest items, least recently reviewed first, each with "Mark as
 * verified". A header button opens it (and the palette's "Freshness: what needs review").
 * Everything it changes is map content: it syncs live and is in the history.
 */
import {
  type ItemFreshness,
  LOCAL_ORIGIN,
  MAX_REVIEW_AFTER_DAYS,
  MIN_REVIEW_AFTER_DAYS,
  type MapFreshness,
  parseElementKey,
  setPhaseOwner,
  setReviewAfterDays,
  stalestItems,
} from "@journeymap/schema";
import { CheckCheck, Hourglass } from "lucide-react";
import { useEffect } from "react";
import { useCommandRegistry } from "../commands/useCommands.ts";
import { useMapSession } from "../sync/useJourneyMap.ts";
import { InlineText } from "../ui/InlineText.tsx";
import { usePopover } from "../ui/usePopover.ts";
import { daysText } from "./ageText.ts";
import { useFreshness } from "./useFreshness.ts";
import { useVerifierName } from "./useVerifierName.ts";
import { verify } from "./verify.ts";

/** Stale items listed at most. */
const LISTED = 12;
const KIND_LABEL = { touchpoint: "Step", card: "Card", cell: "Cell" } as const;
const ctx = { origin: LOCAL_ORIGIN };

const identity = (f: MapFreshness | null) => f;

export function FreshnessPanel() {
  const { open, setOpen, ref } = usePopover<HTMLSpanElement>();
  const registry = useCommandRegistry();
  useEffect(
    () =>
      registry.add([
        {
          id: "freshness.open",
          title: "Freshness: what needs review",
          group: "View",
          keywords: ["stale", "verify", "owner", "review"],
          run: () => setOpen(true),
        },
      ]),
    [registry, setOpen],
  );
  const stale = useFreshness((f) => f?.stale ?? 0);
  return (
    <span ref={ref} style={{ position: "relative" }}>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="freshness.open"
        title="Freshness: what needs review"
        aria-label={stale > 0 ? `Freshness: ${stale} to review` : "Freshness"}
      >
        {/* Icon and count only: the header is full at 1280 px. */}
        <Hourglass size={14} aria-hidden="true" />
        {stale > 0 && <span className="freshness-count">{stale}</span>}
      </button>
      {open && <FreshnessView />}
    </span>
  );
}

function FreshnessView() {
  const freshness = useFreshness(identity);
  const { doc, readOnly } = useMapSession();
  const by = useVerifierName();
  if (!freshness) {
    return (
      <div className="popover-panel freshness-panel" role="dialog" aria-label="Freshness">
        <p className="panel-note">Reading the map's history…</p>
      </div>
    );
  }
  const owners = new Map(freshness.phases.map((p) => [p.phaseId, p.owner]));
  const items = stalestItems(freshness, LISTED);
  return (
    <div
      className="popover-panel freshness-panel"
      role="dialog"
      aria-label="Freshness"
      data-testid="freshness.panel"
    >
      <label className="freshness-setting">
        Needs review after
        <input
          type="number"
          min={MIN_REVIEW_AFTER_DAYS}
          max={MAX_REVIEW_AFTER_DAYS}
          step={1}
          disabled={readOnly}
          defaultValue={freshness.reviewAfterDays}
          data-testid="freshness.review-days"
          onBlur={(event) => {
            const days = Number(event.currentTarget.value);
            if (
              Number.isInteger(days) &&
              days >= MIN_REVIEW_AFTER_DAYS &&
              days <= MAX_REVIEW_AFTER_DAYS
            )
              setReviewAfterDays(doc, days, ctx);
            else event.currentTarget.value = String(freshness.reviewAfterDays);
          }}
          onKeyDown={(event) => event.key === "Enter" && event.currentTarget.blur()}
        />
        days
      </label>
      <table className="freshness-phases">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Owner</th>
            <th scope="col">To review</th>
            <th scope="col">
              <span className="visually-hidden">Verify</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {freshness.phases.map((phase) => (
            <tr key={phase.phaseId} data-testid="freshness.phase-row" data-phase-id={phase.phaseId}>
              <th scope="row">{phase.name}</th>
              <td>
                <InlineText
                  value={phase.owner ?? ""}
                  placeholder="Add an owner"
                  label={`Owner of ${phase.name}`}
                  testId="freshness.owner"
                  allowEmpty
                  onCommit={(owner) => setPhaseOwner(doc, phase.phaseId, owner, ctx)}
                />
              </td>
              <td className={phase.stale > 0 ? "freshness-due" : ""}>
                {phase.stale} of {phase.items}
                {phase.stale > 0 && (
                  <span className="freshness-age"> · {daysText(phase.oldestDays)}</span>
                )}
              </td>
              <td>
                {!readOnly && (
                  <button
                    type="button"
                    className="btn freshness-verify"
                    data-testid="freshness.verify-phase"
                    aria-label={`Mark ${phase.name} as verified`}
                    onClick={() => verify(doc, [{ kind: "phase", id: phase.phaseId as never }], by)}
                  >
                    <CheckCheck size={12} aria-hidden="true" /> Verified
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="freshness-heading">Stalest</h3>
      {items.length === 0 ? (
        <p className="panel-note">
          Everything was changed or verified in the last {daysText(freshness.reviewAfterDays)}.
        </p>
      ) : (
        <ul className="freshness-items">
          {items.map((item) => (
            <StaleItem
              key={item.key}
              item={item}
              owner={owners.get(item.phaseId) ?? null}
              onVerify={readOnly ? null : () => verifyItem(doc, item, by)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function verifyItem(doc: Parameters<typeof verify>[0], item: ItemFreshness, by: string) {
  const ref = parseElementKey(item.key);
  if (ref) verify(doc, [ref], by);
}

function StaleItem({
  item,
  owner,
  onVerify,
}: {
  item: ItemFreshness;
  owner: string | null;
  onVerify: (() => void) | null;
}) {
  return (
    <li className="freshness-item" data-testid="freshness.stale-item" data-key={item.key}>
      <span className="freshness-item-title">
        <span className="freshness-kind">{KIND_LABEL[item.kind]}</span> {item.title || "Untitled"}
      </span>
      <span className="freshness-age">
        {daysText(item.ageDays)}
        {owner ? ` · ${owner}` : ""}
      </span>
      {onVerify && (
        <button
          type="button"
          className="icon-btn"
          aria-label={`Mark ${item.title || "this item"} as verified`}
          data-testid="freshness.verify-item"
          onClick={onVerify}
        >
          <CheckCheck size={13} aria-hidden="true" />
        </button>
      )}
    </li>
  );
}
