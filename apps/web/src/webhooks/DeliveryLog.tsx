import type { WebhookDelivery } from "@journeymap/protocol/http";
import { eventLabel } from "./eventLabels.ts";

const STATUS_LABELS: Readonly<Record<WebhookDelivery["status"], string>> = {
  pending: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

/** Today's deliveries by their time, older ones by their date too. */
function sentAt(at: number): string {
  const date = new Date(at);
  return date.toDateString() === new Date().toDateString()
    ? date.toLocaleTimeString()
    : date.toLocaleString([], { dateStyle: "short", timeStyle: "short" });
}

/** A hook's last deliveries: what was sent, how it went, after how many attempts. */
export function DeliveryLog({ deliveries }: { deliveries: readonly WebhookDelivery[] }) {
  if (deliveries.length === 0) return <p className="panel-note">Nothing sent yet.</p>;
  return (
    <div className="webhook-log-scroll">
      <table className="webhook-log" data-testid="webhooks.log">
        <thead>
          <tr>
            <th>Event</th>
            <th>Status</th>
            <th>Tries</th>
            <th>Answer</th>
            <th>Time</th>
            <th>Sent</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="webhooks.log-row" data-status={d.status}>
              <td>{eventLabel(d.event)}</td>
              <td>
                <span className={`webhook-status webhook-status--${d.status}`}>
                  {STATUS_LABELS[d.status]}
                </span>
              </td>
              <td>{d.attempts}</td>
              <td title={d.error ?? undefined}>
                {d.responseCode ?? (d.error ? "No answer" : "–")}
              </td>
              <td>{d.durationMs === null ? "–" : `${d.durationMs} ms`}</td>
              <td>{sentAt(d.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
