import type { Webhook, WebhookDelivery } from "@journeymap/protocol/http";
import { Send } from "lucide-react";
import { useState } from "react";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { eventLabel } from "./eventLabels.ts";
import {
  deleteWebhook,
  type HookScope,
  testWebhook,
  updateWebhook,
  webhookDeliveries,
} from "./webhooksApi.ts";

export interface WebhookRowProps {
  readonly scope: HookScope;
  readonly hook: Webhook;
  readonly busy: boolean;
  /** Runs a change, then reloads the list. */
  readonly change: (action: () => Promise<unknown>) => Promise<boolean>;
}

/** One hook: where it sends and what; on, off, test, delete; its delivery log on request. */
export function WebhookRow({ scope, hook, busy, change }: WebhookRowProps) {
  const [log, setLog] = useState<readonly WebhookDelivery[] | null>(null);
  const loadLog = async () => setLog(await webhookDeliveries(scope, hook.id));

  return (
    <li className="webhook" data-testid="webhooks.item" data-enabled={hook.enabled}>
      <div className="webhook-head">
        <div className="webhook-text">
          <span className="webhook-url" title={hook.url}>
            {hook.url}
          </span>
          <span className="webhook-meta">
            {hook.description ? `${hook.description} · ` : ""}
            {hook.events.map(eventLabel).join(", ")}
          </span>
        </div>
        <label className="webhook-toggle">
          <input
            type="checkbox"
            checked={hook.enabled}
            disabled={busy}
            data-testid="webhooks.enabled"
            onChange={(e) => {
              const enabled = e.target.checked;
              void change(() => updateWebhook(scope, hook.id, { enabled }));
            }}
          />
          On
        </label>
      </div>
      <div className="webhook-actions">
        <button
          type="button"
          className="btn btn--ghost"
          disabled={busy}
          data-testid="webhooks.test"
          onClick={() =>
            void change(async () => {
              await testWebhook(scope, hook.id);
              await loadLog();
            })
          }
        >
          <Send size={12} aria-hidden="true" /> Send test event
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          disabled={busy}
          aria-expanded={log !== null}
          data-testid="webhooks.show-log"
          onClick={() => (log === null ? void change(loadLog) : setLog(null))}
        >
          {log === null ? "Delivery log" : "Hide log"}
        </button>
        {log !== null && (
          <button
            type="button"
            className="btn btn--ghost"
            disabled={busy}
            data-testid="webhooks.refresh-log"
            onClick={() => void change(loadLog)}
          >
            Refresh
          </button>
        )}
        <button
          type="button"
          className="btn btn--ghost webhook-delete"
          disabled={busy}
          data-testid="webhooks.delete"
          onClick={() => void change(() => deleteWebhook(scope, hook.id))}
        >
          Delete
        </button>
      </div>
      {log !== null && <DeliveryLog deliveries={log} />}
    </li>
  );
}
