/**
 * The contributor form: for sales and support, no account and no map editing. Pick what was
 * heard (a quote, ticket, call note, metric), where in the journey (from the live map's
 * steps), how the customer felt, and who you are; it lands in the map's inbox for the
 * mapping team to triage. A retried send carries the same idempotency key, so a flaky
 * network never files it twice.
 */
import { CheckCircle2 } from "lucide-react";
import { ContributionForm } from "./ContributionForm.tsx";
import { firstName } from "./contribution.ts";
import { useContribution } from "./useContribution.ts";
import "./contribute.css";

export default function ContributePage({ mapId }: { mapId: string }) {
  const c = useContribution(mapId);
  const { outline, refused } = c;

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
      {c.state === "sent" ? (
        <section className="contribute-card contribute-done" data-testid="contribute.sent">
          <CheckCircle2 size={28} aria-hidden="true" />
          <h2>Thanks, {firstName(c.name)}!</h2>
          <p>It is in the map's inbox; the mapping team will see it right away.</p>
          <button type="button" className="btn btn--primary" onClick={c.another}>
            Add another
          </button>
        </section>
      ) : (
        <ContributionForm outline={outline} contribution={c} />
      )}
    </main>
  );
}
